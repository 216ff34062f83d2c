import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptsGzip,
  isContentPageRequest,
  OWN_SCRIPT_SRC,
  RUNTIME_PATH_PREFIXES,
  serveWithoutFrameworkScripts,
  stripFrameworkScripts,
  withoutInlineScripts,
} from '../../scripts/content-pages.cjs';
import { NONCE_PATH_PREFIXES, staticContentSecurityPolicy } from '@/lib/security-headers';

// The shape of a page as Next 16.4.5 sends it (taken from `.next/server/app/knelpunten.html`, shortened).
const PAGE = [
  '<!DOCTYPE html><html lang="nl"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/0fflm2dtuyb8v.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/33f5jnums5dcy.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/x.js"/>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/33f5jnums5dcy.js"]});</script>',
  '<script src="/_next/static/chunks/33f5jnums5dcy.js" async=""></script>',
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>',
  '<script src="/enhance.js" async=""></script>',
  '<link rel="canonical" href="http://localhost:3100/knelpunten"/>',
  '<link rel="preload" href="/font.woff2" as="font" type="font/woff2"/>',
  '</head><body><main><h1>Knelpunten</h1><p>Tekst met &lt;script&gt; als woord.</p>',
  // Over the 1 KB below which neither Next's compression nor ours compresses.
  `<p>${'Wie betaalt wat in de eerste 1000 dagen? '.repeat(40)}</p></main>`,
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"23:[\\"$\\",\\"article\\",\\"x\\",{\\"id\\":\\"x\\"}]\\n"])</script>',
  '</body></html>',
].join('');

describe('which requests are content pages', () => {
  const page = (url: string, method = 'GET', headers = {}) => isContentPageRequest(method, url, headers);

  it('takes GET and HEAD of content routes, with or without a query', () => {
    for (const url of ['/', '/wegwijzer?wet=wpg&niveau=selectief', '/knelpunten', '/interventies/voorzorg', '/bestaat-niet', '/plannenmaker']) {
      expect(page(url), url).toBe(true);
    }
    expect(page('/knelpunten', 'HEAD')).toBe(true);
  });

  it('leaves plan and region pages, the API, Next files, preview images and files alone', () => {
    for (const url of ['/plannen', '/plannen/nieuw', '/plannen/abc/bewerken?sleutel=x', '/regio', '/regio/abc', '/api/health', '/_next/static/chunks/a.js', '/og', '/og/wegwijzer', '/robots.txt', '/sitemap.xml', '/favicon.ico', OWN_SCRIPT_SRC]) {
      expect(page(url), url).toBe(false);
    }
  });

  it('leaves other methods and the router’s own requests alone', () => {
    expect(page('/knelpunten', 'POST')).toBe(false);
    expect(page('/knelpunten', 'GET', { rsc: '1' })).toBe(false);
    expect(page('/knelpunten?_rsc=abc')).toBe(false);
    expect(page('/knelpunten', 'GET', { 'next-router-prefetch': '1' })).toBe(false);
    expect(page('/knelpunten', 'POST', { 'next-action': 'abc' })).toBe(false);
  });

  it('keeps the framework on the same pages that get a nonce (lib/security-headers.ts)', () => {
    expect([...RUNTIME_PATH_PREFIXES]).toEqual([...NONCE_PATH_PREFIXES]);
  });
});

describe('stripping the framework’s scripts', () => {
  const stripped = stripFrameworkScripts(PAGE);

  it('removes every script and script preload but our own', () => {
    expect(stripped).not.toBeNull();
    expect(stripped).not.toContain('/_next/static/chunks/33f5jnums5dcy.js');
    expect(stripped).not.toContain('__next_f');
    expect(stripped).not.toContain('TURBOPACK');
    expect(stripped).not.toContain('noModule');
    expect(stripped).not.toContain('modulepreload');
    expect(stripped?.match(/<script\b[^>]*>/g)).toEqual(['<script src="/enhance.js" async="">']);
  });

  it('keeps the stylesheet, other links and the text', () => {
    expect(stripped).toContain('<link rel="stylesheet" href="/_next/static/chunks/0fflm2dtuyb8v.css" data-precedence="next"/>');
    expect(stripped).toContain('<link rel="canonical" href="http://localhost:3100/knelpunten"/>');
    expect(stripped).toContain('as="font"');
    expect(stripped).toContain('<main><h1>Knelpunten</h1><p>Tekst met &lt;script&gt; als woord.</p><p>Wie betaalt');
  });

  it('leaves a page as it is when only its scripts show the content', () => {
    // A streamed Suspense boundary waits for an inline script to move its content in.
    expect(stripFrameworkScripts('<body><!--$?--><template id="B:0"></template>Laden…<!--/$--><div hidden id="S:0">x</div><script>$RC("B:0","S:0")</script></body>')).toBeNull();
    // Next's error shell (an on-demand notFound()): the runtime renders the page from the payload.
    expect(stripFrameworkScripts('<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""><!--$--><!--/$--></div><script>self.__next_f.push([1,"x"])</script></body></html>')).toBeNull();
  });
});

describe('the policy without inline scripts', () => {
  const policy = staticContentSecurityPolicy({ dev: false, https: true });

  it('drops only script-src’s unsafe-inline', () => {
    const strict = withoutInlineScripts(policy);
    expect(strict).toContain("script-src 'self';");
    expect(strict).toContain("style-src 'self' 'unsafe-inline'");
    expect(strict.split('; ')).toHaveLength(policy.split('; ').length);
    expect(strict.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")).toBe(policy);
  });
});

describe('Accept-Encoding', () => {
  it('reads gzip, its weight and the wildcard', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

// The hook in front of a handler that writes as Next does, behind Next's own
// compression middleware (router-server.js adds it after our hook has run).
describe('serving a content page without the framework’s scripts', () => {
  const require = createRequire(import.meta.url);
  const compression: unknown = require('next/dist/compiled/compression');
  if (typeof compression !== 'function') throw new Error('next/dist/compiled/compression is not a function');
  const compress = compression() as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  const CSP = staticContentSecurityPolicy({ dev: false, https: false });
  let server: http.Server;
  let port = 0;

  function handle(req: IncomingMessage, res: ServerResponse) {
    const html = (type: string) => {
      res.setHeader('Content-Type', type);
      res.setHeader('Content-Security-Policy', CSP);
      res.setHeader('ETag', '"abc"');
    };
    const url = req.url ?? '/';
    if (url === '/statisch' || url === '/plannen/x') {
      // A prerendered page: send-payload.js sets the length and ends with the whole body.
      html('text/html; charset=utf-8');
      if (req.headers['if-none-match'] === '"abc"') {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.setHeader('Content-Length', Buffer.byteLength(PAGE));
      res.end(PAGE); // A HEAD reaches Next as GET (the hook), and Node leaves the body out
    } else if (url === '/gestreamd') {
      // A page rendered per request: pipe-readable.js flushes the headers, then writes chunks.
      html('text/html; charset=utf-8');
      res.flushHeaders();
      const half = Math.floor(PAGE.length / 2);
      res.write(Buffer.from(PAGE.slice(0, half)));
      setTimeout(() => {
        res.write(PAGE.slice(half));
        res.end();
      }, 5);
    } else if (url === '/niet-gevonden') {
      html('text/html; charset=utf-8');
      res.statusCode = 404;
      res.end(PAGE);
    } else if (url === '/omleiding') {
      res.statusCode = 307;
      res.setHeader('Location', '/elders');
      res.end('/elders');
    } else if (url === '/groot') {
      html('text/html; charset=utf-8');
      res.write(`<script>${'x'.repeat(5 * 1024 * 1024)}</script>`);
      res.end('<p>einde</p>');
    } else {
      res.statusCode = 500;
      res.end();
    }
  }

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      serveWithoutFrameworkScripts(req, res);
      compress(req, res, () => {});
      handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function get(path: string, { method = 'GET', headers = { 'accept-encoding': 'gzip' } as Record<string, string> } = {}) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: Buffer; text: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = (res.headers['content-encoding'] === 'gzip' && raw.length > 0 ? gunzipSync(raw) : raw).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text });
        });
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('sends a prerendered page stripped, gzipped, with its true length and the strict policy', async () => {
    const res = await get('/statisch');
    expect(res.status).toBe(200);
    expect(res.text).toBe(stripFrameworkScripts(PAGE));
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(Number(res.headers['content-length'])).toBe(res.raw.length);
    expect(res.headers['content-security-policy']).toBe(withoutInlineScripts(CSP));
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers.etag).toBe('"abc"');
  });

  it('sends it uncompressed to a client that does not take gzip', async () => {
    const res = await get('/statisch', { headers: {} });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text).toBe(stripFrameworkScripts(PAGE));
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
  });

  it('holds a streamed page until its end', async () => {
    const res = await get('/gestreamd');
    expect(res.text).toBe(stripFrameworkScripts(PAGE));
    expect(res.headers['content-security-policy']).toBe(withoutInlineScripts(CSP));
  });

  it('strips the not-found page too', async () => {
    const res = await get('/niet-gevonden');
    expect(res.status).toBe(404);
    expect(res.text).toBe(stripFrameworkScripts(PAGE));
  });

  it('answers HEAD with the headers of GET and no body, and 304 without a body', async () => {
    const [head, body] = [await get('/statisch', { method: 'HEAD' }), await get('/statisch')];
    expect(head.status).toBe(200);
    expect(head.raw.length).toBe(0);
    for (const name of ['content-length', 'content-encoding', 'content-security-policy', 'etag']) expect(head.headers[name], name).toBe(body.headers[name]);
    const notModified = await get('/statisch', { headers: { 'accept-encoding': 'gzip', 'if-none-match': '"abc"' } });
    expect(notModified.status).toBe(304);
    expect(notModified.raw.length).toBe(0);
  });

  it('passes plan pages, redirects and oversized pages through unchanged', async () => {
    const plan = await get('/plannen/x');
    expect(plan.text).toBe(PAGE);
    expect(plan.headers['content-encoding']).toBe('gzip'); // by Next's compression, as before
    expect(plan.headers['content-security-policy']).toBe(CSP);
    const redirect = await get('/omleiding');
    expect(redirect.status).toBe(307);
    expect(redirect.headers.location).toBe('/elders');
    const large = await get('/groot');
    expect(large.text.endsWith('</script><p>einde</p>')).toBe(true);
    expect(large.text.length).toBe(5 * 1024 * 1024 + '<script></script><p>einde</p>'.length);
  });
});
