import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { freePort } from '../../../scripts/free-port';

/**
 * A second production server for tests that must own it: its own database
 * (so rate-limit windows are not shared with the other specs), its own port
 * and its whole log captured. Serves the build the Playwright webServer has
 * just made, through `scripts/serve.mjs` as `npm start` does (so the worker
 * preload is in place).
 */
export type OwnServer = { url: string; log: () => string; stop: () => Promise<void> };

export type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * One request on a fresh connection. `localAddress` picks the client's source
 * address: on Linux every 127.x.y.z is the loopback, so tests can be many
 * distinct clients, as the server sees them on the socket.
 */
export function call(
  base: string,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer; localAddress?: string } = {},
): Promise<Reply> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method, agent: false, headers: opts.headers ?? {}, ...(opts.localAddress ? { localAddress: opts.localAddress } : {}) },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    // A server may answer and close before a large body is sent.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? resolve({ status: 0, headers: {}, body: '' }) : reject(error)));
    req.end(opts.body);
  });
}

/**
 * `env` may name a DATABASE_URL of its own (several servers on one PostgreSQL
 * database, tests/e2e/postgres/); otherwise the server gets a fresh SQLite file.
 * `migrate: false` skips `migrate deploy` (another server has just run it).
 */
export async function startOwnServer(name: string, env: Record<string, string> = {}, opts: { migrate?: boolean } = {}): Promise<OwnServer> {
  const port = await freePort();
  const dbFile = `data/e2e-${name}.db`;
  if (!env.DATABASE_URL) for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  const serverEnv = {
    ...process.env,
    DATABASE_URL: `file:./${dbFile}`,
    NEXT_TELEMETRY_DISABLED: '1',
    WEB_CONCURRENCY: '2',
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    ...env,
  };
  if (opts.migrate !== false) {
    const migrated = spawnSync(process.execPath, ['scripts/prisma.mjs', 'migrate', 'deploy'], { env: serverEnv, encoding: 'utf8' });
    if (migrated.status !== 0) throw new Error(`migrate deploy failed: ${migrated.stderr}`);
  }

  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['scripts/serve.mjs'], { env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    const health = await call(url, 'GET', '/api/health').catch(() => null);
    if (health?.status === 200) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    log: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.pid === undefined) return resolve();
        child.once('exit', () => resolve());
        // The primary stops its workers on SIGTERM.
        child.kill('SIGTERM');
      }),
  };
}
