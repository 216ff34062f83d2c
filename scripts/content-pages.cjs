// Content pages without the framework's scripts (issue 10; README, decisions:
// "Content pages are served without Next's scripts").
//
// Why: content pages (everything but the plan and region pages) work without
// JavaScript: plain links, GET forms, a <details> menu. Next's App Router
// still ships its runtime with every page and hydrates the whole server-
// rendered tree, and that is where their Lighthouse points went: with the
// framework's scripts blocked every content page scored above a bare Next
// page (npm run bench:pages -- --without-js). The App Router has no option to
// leave the runtime out, so each `next start` worker (scripts/serve.mjs,
// through scripts/worker-preload.cjs) takes it out of the HTML of content
// pages as it sends them. What JavaScript adds there comes from one small
// script of our own, `/enhance.js` (lib/enhance/main.ts), which stays.
//
// CommonJS for the same reason as worker-preload.cjs: `node --require`.
'use strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const zlib = require('node:zlib');

/**
 * Pages that keep the framework: their editors and forms are React. The same
 * list as NONCE_PATH_PREFIXES in lib/security-headers.ts (a unit test checks).
 */
const RUNTIME_PATH_PREFIXES = ['/plannen', '/regio'];
/** Never pages: API routes, Next's files, the preview images. */
const NOT_PAGE_PREFIXES = ['/api', '/_next', '/og'];
/** The content pages' own script (app/(inhoud)/layout.tsx): the one script that stays. */
const OWN_SCRIPT_SRC = '/enhance.js';
/** Content pages are 10–200 KB; a body larger than this is passed on as it is. */
const MAX_CAPTURE_BYTES = 4 * 1024 * 1024;

/** True for a request for a content page's HTML (GET or HEAD; not an RSC, prefetch or Server Action request). */
function isContentPageRequest(method, url, headers) {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (headers.rsc !== undefined || headers['next-router-prefetch'] !== undefined || headers['next-action'] !== undefined) return false;
  let parsed;
  try {
    parsed = new URL(url, 'http://localhost');
  } catch {
    return false;
  }
  if (parsed.searchParams.has('_rsc')) return false;
  const { pathname } = parsed;
  if ([...RUNTIME_PATH_PREFIXES, ...NOT_PAGE_PREFIXES].some((p) => pathname === p || pathname.startsWith(`${p}/`))) return false;
  // Files (robots.txt, sitemap.xml, favicon.ico, enhance.js): content routes have no dot in their last segment.
  return !pathname.slice(pathname.lastIndexOf('/') + 1).includes('.');
}

// Pages whose content only scripts show; such a page keeps them:
// - React's streamed Suspense boundaries: the fallback stays until an inline
//   script moves the content (kept in a hidden <div id="S:…">) into place;
// - Next's error shell (`<html id="__next_error__">`, an empty body): what an
//   on-demand render sends for notFound() or an error, for the client runtime
//   to render from the RSC payload. (The content routes' unknown slugs get the
//   prerendered not-found page instead: `dynamicParams = false`.)
const NEEDS_SCRIPTS = /<!--\$\?-->|<template id="B:|<div hidden id="S:|<html[^>]*\sid="__next_error__"/;
const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
const LINK = /<link\b[^>]*>/gi;

function attribute(tag, name) {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return match ? match[1] : undefined;
}

/**
 * The page's HTML without Next's scripts: every <script> (the runtime's
 * chunks, the inline RSC payload `self.__next_f.push(…)`, the bootstrap, the
 * `nomodule` polyfills) and every preload of a script, except our own
 * `/enhance.js`. Returns null when the page cannot do without them (a
 * streamed Suspense boundary, Next's error shell), so it is sent unchanged.
 */
function stripFrameworkScripts(html) {
  if (NEEDS_SCRIPTS.test(html)) return null;
  return html
    .replace(SCRIPT, (tag, attributes) => (attribute(` ${attributes}`, 'src') === OWN_SCRIPT_SRC ? tag : ''))
    .replace(LINK, (tag) => {
      const rel = (attribute(tag, 'rel') ?? '').toLowerCase();
      const as = (attribute(tag, 'as') ?? '').toLowerCase();
      return rel === 'modulepreload' || (rel === 'preload' && as === 'script') ? '' : tag;
    });
}

/**
 * The Content-Security-Policy of a page without inline scripts: the content
 * pages' policy (lib/security-headers.ts) allows 'unsafe-inline' scripts only
 * for Next's inline bootstrap, which is gone; this removes it from
 * `script-src`, so an injected inline script cannot run either.
 */
function withoutInlineScripts(policy) {
  return policy
    .split(';')
    .map((directive) => {
      const parts = directive.trim().split(/\s+/);
      return parts[0] === 'script-src' ? parts.filter((p) => p !== "'unsafe-inline'").join(' ') : directive.trim();
    })
    .join('; ');
}

function acceptsGzip(header) {
  // "gzip", "gzip;q=0.5", "*": yes; "gzip;q=0": no. Good enough for browsers and Lighthouse.
  return String(header ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase().split(/\s*;\s*/))
    .some(([coding, ...params]) => (coding === 'gzip' || coding === '*') && !params.some((p) => /^q=0(\.0*)?$/.test(p)));
}

/**
 * Called for every request before Next sees it. For a content page, the
 * response is held until Next has written all of it, then sent without the
 * framework's scripts (compressed here: Next's own compression is kept out by
 * removing Accept-Encoding from the request, as it would compress before we
 * could change the text). Everything else, and any response that turns out
 * not to be a 200 or 404 HTML page, passes through untouched.
 *
 * The hooks are the ones Next's own `compression` middleware uses
 * (writeHead, write, end, flushHeaders); Next adds that middleware after us,
 * so it writes through these.
 */
function serveWithoutFrameworkScripts(req, res) {
  if (!isContentPageRequest(req.method, req.url ?? '/', req.headers)) return;
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  delete req.headers['accept-encoding'];
  // HEAD is answered as Next answers GET, so its Content-Length is that of the page as we send it. Node made
  // this response bodiless already (it read the method when it created it), so nothing Next writes is sent.
  const head = req.method === 'HEAD';
  if (head) req.method = 'GET';
  const original = { writeHead: res.writeHead, flushHeaders: res.flushHeaders, write: res.write, end: res.end };
  /** undefined until the status and headers are known; then 'hold' or 'pass'. */
  let mode;
  let held = [];
  let size = 0;

  function decide() {
    if (mode) return mode;
    const type = String(res.getHeader('content-type') ?? '');
    const html = /^text\/html\b/i.test(type) && !res.getHeader('content-encoding');
    mode = html && (res.statusCode === 200 || res.statusCode === 404) ? 'hold' : 'pass';
    return mode;
  }

  /** Gives up holding (too large): sends what was held and passes the rest through. */
  function release() {
    mode = 'pass';
    original.writeHead.call(res, res.statusCode);
    const body = Buffer.concat(held);
    held = [];
    if (body.length > 0) original.write.call(res, body);
  }

  res.writeHead = function writeHead(statusCode, ...rest) {
    if (mode === 'pass' || this.headersSent) return original.writeHead.call(this, statusCode, ...rest);
    const headers = typeof rest[0] === 'string' ? rest[1] : rest[0];
    if (headers !== undefined && (typeof headers !== 'object' || headers === null || Array.isArray(headers))) {
      mode = 'pass'; // Raw header arrays: not used by Next; not worth rewriting.
      return original.writeHead.call(this, statusCode, ...rest);
    }
    this.statusCode = statusCode;
    if (typeof rest[0] === 'string') this.statusMessage = rest[0];
    for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) this.setHeader(name, value);
    if (decide() === 'pass') return original.writeHead.call(this, this.statusCode);
    return this;
  };

  res.flushHeaders = function flushHeaders() {
    if (decide() === 'pass') return original.flushHeaders.call(this);
  };

  res.write = function write(chunk, encoding, callback) {
    if (decide() === 'pass') return original.write.call(this, chunk, encoding, callback);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (chunk != null) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8');
      held.push(buffer);
      size += buffer.length;
    }
    if (size > MAX_CAPTURE_BYTES) release();
    if (typeof done === 'function') process.nextTick(done);
    return true;
  };

  res.end = function end(chunk, encoding, callback) {
    if (typeof chunk === 'function') return this.end(undefined, undefined, chunk);
    if (typeof encoding === 'function') return this.end(chunk, undefined, encoding);
    if (decide() === 'pass') return original.end.call(this, chunk, encoding, callback);
    if (chunk != null) held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
    mode = 'pass'; // A second end() from Next (after an error) goes straight through.
    const body = Buffer.concat(held);
    held = [];
    const stripped = stripFrameworkScripts(body.toString('utf8'));
    const text = stripped === null ? body : Buffer.from(stripped, 'utf8');
    const policy = res.getHeader('content-security-policy');
    if (stripped !== null && typeof policy === 'string') res.setHeader('content-security-policy', withoutInlineScripts(policy));
    const vary = String(res.getHeader('vary') ?? '');
    if (!/\baccept-encoding\b/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const send = (payload) => {
      res.setHeader('content-length', payload.length);
      original.writeHead.call(res, res.statusCode);
      original.end.call(res, head ? undefined : payload, undefined, callback);
    };
    if (!gzip || text.length < 1024) {
      send(text);
      return this;
    }
    zlib.gzip(text, (error, compressed) => {
      if (error) {
        send(text);
        return;
      }
      res.setHeader('content-encoding', 'gzip');
      send(compressed);
    });
    return this;
  };
}

module.exports = {
  RUNTIME_PATH_PREFIXES,
  OWN_SCRIPT_SRC,
  isContentPageRequest,
  stripFrameworkScripts,
  withoutInlineScripts,
  acceptsGzip,
  serveWithoutFrameworkScripts,
};
