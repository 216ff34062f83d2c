// Loaded into every `next start` worker before Next itself (scripts/serve.mjs
// passes `--require` for this file). Two things Next cannot do for us:
//
// 1. The client's socket address. Route handlers and Server Actions in Next 16
//    see only headers, and Next fills `X-Forwarded-For` from the socket only
//    when the client did not send one (`??=` in next/dist/server/base-server.js),
//    so that header is whatever the client chooses. Here every request gets
//    SOCKET_ADDRESS_HEADER set from its socket, overwriting any copy the client
//    sent, and lib/client-address.ts trusts that header only when this file
//    announced it (the global below) — so without this preload (`next dev`,
//    a bare `next start`) a forged copy is never believed.
// 2. Secrets in logs. Edit links carry the secret in `?sleutel=`; Next logs
//    some failures with the request URL, and so might any library. Every write
//    to stdout and stderr of the worker is redacted (lib/redact.ts has the same
//    rule for our own logger; tests/unit/rate-limit.test.ts checks they agree).
// 3. Content pages without the framework's scripts: scripts/content-pages.cjs
//    holds each content page's HTML and sends it without them.
'use strict';

// CommonJS so `node --require` can preload it into `next start` in every Node
// version we support, without an ESM loader hook.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const http = require('node:http');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveWithoutFrameworkScripts } = require('./content-pages.cjs');

const SOCKET_ADDRESS_HEADER = 'x-wegwijzer-socket-address';

// `sleutel=<secret>` in a query string, also percent-encoded (`sleutel%3D`).
const SECRET_IN_URL = /(sleutel(?:=|%3D))[^&\s"'<>#;,)]+/gi;
const REDACTED = '$1[verborgen]';

function redact(text) {
  return text.replace(SECRET_IN_URL, REDACTED);
}

function install() {
  const marker = Symbol.for('wegwijzer.socketAddressHeader');
  if (globalThis[marker]) return;
  globalThis[marker] = SOCKET_ADDRESS_HEADER;

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithSocketAddress(event, ...args) {
    if (event === 'request' || event === 'checkContinue' || event === 'checkExpectation') {
      const req = args[0];
      if (req && req.headers) req.headers[SOCKET_ADDRESS_HEADER] = (req.socket && req.socket.remoteAddress) || '';
      if (event === 'request' && req && args[1]) serveWithoutFrameworkScripts(req, args[1]);
    }
    return emit.call(this, event, ...args);
  };

  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write;
    stream.write = function writeRedacted(chunk, ...rest) {
      if (typeof chunk === 'string') return write.call(this, redact(chunk), ...rest);
      if (chunk instanceof Uint8Array) {
        const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
        // Written back as bytes, so an encoding argument in `rest` keeps its meaning.
        if (/sleutel/i.test(text)) return write.call(this, Buffer.from(redact(text), 'utf8'), ...rest);
      }
      return write.call(this, chunk, ...rest);
    };
  }
}

module.exports = { SOCKET_ADDRESS_HEADER, redact, install };

// serve.mjs marks its workers; tests require this file only for `redact`.
if (process.env.WEGWIJZER_WORKER === '1') install();
