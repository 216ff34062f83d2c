import { createServer } from 'node:net';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago: the kernel picks one for
 * a probe server, which closes before the port is returned. Another process
 * may take it in between; callers that start a server on it fail loudly then
 * (tests/e2e/crash.spec.ts, which restarts servers many times, picks its own).
 * Shared by bench:api, bench:pages and the e2e helper that starts its own
 * server (scripts/with-postgres.mjs, plain Node, keeps a copy).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
