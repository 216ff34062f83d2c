// `npm run bench:pages`: after `next build`, serves the production build and
// measures, per route, the gzipped JavaScript a modern browser loads with the
// page: every <script> in its HTML, external files and inline scripts (Next's
// inlined RSC payload included), without `nomodule` polyfills. Exits non-zero
// when a route is over its budget.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';

/** Budgets in KB (1 KB = 1024 bytes) of gzipped JavaScript. */
const BUDGETS: Record<string, number> = { '/wegwijzer': 130 };
const DEFAULT_BUDGET = 200;

const ROUTES = [
  '/',
  '/wegwijzer',
  '/wegwijzer?wet=jeugdwet&niveau=selectief',
  '/wegwijzer?q=kraamzorg&kosten=interventies',
  '/wetten/jeugdwet',
  '/bronnen',
  '/bronnen/spuk-kansrijke-start',
  '/interventies',
  '/interventies/voorzorg',
  '/knelpunten',
  '/voorbeelden',
  '/voorbeelden/gelderland-midden',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(url: string, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${url}`);
}

const gz = (text: string | Uint8Array) => gzipSync(text).length;

export type ScriptTag = { src?: string; inline?: string; nomodule: boolean };

/** The <script> tags of an HTML document (a parse good enough for Next's own output). */
export function scriptTags(html: string): ScriptTag[] {
  const tags: ScriptTag[] = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (const m of html.matchAll(re)) {
    const attrs = m[1] ?? '';
    const type = /\btype="([^"]*)"/i.exec(attrs)?.[1];
    // JSON-LD and other data blocks are not JavaScript.
    if (type && !/javascript|module/i.test(type)) continue;
    const src = /\bsrc="([^"]+)"/i.exec(attrs)?.[1];
    tags.push({ src, inline: src ? undefined : (m[2] ?? ''), nomodule: /\bnomodule\b/i.test(attrs) });
  }
  return tags;
}

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  let failed = false;
  try {
    await waitFor(`${base}/`);
    const fileCache = new Map<string, number>();
    console.log('route'.padEnd(48), 'files'.padStart(8), 'inline'.padStart(8), 'total'.padStart(8), 'budget'.padStart(8));
    for (const route of ROUTES) {
      const html = await (await fetch(base + route)).text();
      let files = 0;
      let inline = 0;
      for (const tag of scriptTags(html)) {
        if (tag.nomodule) continue;
        if (tag.src) {
          const url = new URL(tag.src, base).toString();
          if (!fileCache.has(url)) fileCache.set(url, gz(new Uint8Array(await (await fetch(url)).arrayBuffer())));
          files += fileCache.get(url) ?? 0;
        } else if (tag.inline) {
          inline += gz(tag.inline);
        }
      }
      const total = (files + inline) / 1024;
      const path = route.split('?')[0] ?? route;
      const budget = BUDGETS[path] ?? DEFAULT_BUDGET;
      const over = total > budget;
      failed ||= over;
      const kb = (n: number) => `${(n / 1024).toFixed(1)}`.padStart(8);
      console.log(route.padEnd(48), kb(files), kb(inline), kb(files + inline), `${budget}`.padStart(8), over ? 'OVER BUDGET' : 'ok');
    }
    console.log('\nKB = 1024 bytes of gzipped JavaScript on first load (external files + inline scripts, no nomodule).');
  } finally {
    server.kill('SIGTERM');
  }
  if (failed) {
    console.error('At least one route is over its JavaScript budget.');
    process.exit(1);
  }
}

if (process.argv[1]?.endsWith('bench-pages.ts')) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
