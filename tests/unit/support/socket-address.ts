/**
 * What scripts/worker-preload.cjs does in a production worker: announce the
 * header that carries the socket address. Route handlers called directly in
 * unit tests have no socket, so tests send that header themselves.
 */
export const SOCKET_HEADER = 'x-wegwijzer-socket-address';

export function simulateWorkerPreload(): () => void {
  const marker = Symbol.for('wegwijzer.socketAddressHeader');
  const registry = globalThis as Record<symbol, unknown>;
  const before = registry[marker];
  registry[marker] = SOCKET_HEADER;
  return () => {
    registry[marker] = before;
  };
}

export const from = (address: string): Record<string, string> => ({ [SOCKET_HEADER]: address });
