import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetLoad, ResponseParser, type ParsedResponse } from '../../scripts/http-get-load';

const chunkedBody = '{"a":1}'.repeat(100);
const stream = Buffer.from(
  [
    'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    `${(chunkedBody.length - 10).toString(16)}\r\n${chunkedBody.slice(0, -10)}\r\n`,
    `a;ext=1\r\n${chunkedBody.slice(-10)}\r\n0\r\nX-Trailer: y\r\n\r\n`,
    'HTTP/1.1 404 Not Found\r\ncontent-length: 5\r\n\r\nnope!',
    'HTTP/1.1 304 Not Modified\r\nETag: "3"\r\n\r\n',
    'HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
  ].join(''),
  'latin1',
);
const expected: ParsedResponse[] = [
  { status: 200, bodyBytes: chunkedBody.length, keepAlive: true },
  { status: 404, bodyBytes: 5, keepAlive: true },
  { status: 304, bodyBytes: 0, keepAlive: true },
  { status: 200, bodyBytes: 0, keepAlive: false },
];

function parseInPieces(pieces: Buffer[]): ParsedResponse[] {
  const seen: ParsedResponse[] = [];
  const parser = new ResponseParser((r) => seen.push(r));
  for (const piece of pieces) parser.feed(piece);
  expect(parser.idle).toBe(true);
  return seen;
}

describe('ResponseParser', () => {
  it('frames chunked, Content-Length and bodiless responses on one connection', () => {
    expect(parseInPieces([stream])).toEqual(expected);
  });

  it('gives the same answers however the stream is split', () => {
    for (let cut = 1; cut < stream.length; cut++) {
      expect(parseInPieces([stream.subarray(0, cut), stream.subarray(cut)])).toEqual(expected);
    }
    expect(parseInPieces([...stream].map((byte) => Buffer.from([byte])))).toEqual(expected);
  });

  it('is not idle in the middle of a response', () => {
    const parser = new ResponseParser(() => {});
    parser.feed(stream.subarray(0, 20));
    expect(parser.idle).toBe(false);
  });

  it('refuses what it cannot frame', () => {
    expect(() => new ResponseParser(() => {}).feed(Buffer.from('HTTP/1.1 200 OK\r\n\r\nbody until close'))).toThrow(/Content-Length/);
    expect(() => new ResponseParser(() => {}).feed(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'))).toThrow(/chunk size/);
    expect(() => new ResponseParser(() => {}).feed(Buffer.from('SSH-2.0-OpenSSH\r\n\r\n'))).toThrow(/HTTP/);
  });
});

/** One run on fresh connections, closed afterwards. */
async function oneRun(url: string, connections: number, seconds: number) {
  const load = new GetLoad(new URL(url), connections);
  try {
    return await load.run(new URL(url).pathname, seconds);
  } finally {
    load.close();
  }
}

describe('GetLoad, one run', () => {
  let server: Server;
  let base = '';
  let served = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      served += 1;
      // Every 7th answer closes its connection, as a server's keep-alive timeout would.
      if (served % 7 === 0) res.setHeader('Connection', 'close');
      if (req.url === '/big') res.end('x'.repeat(30_000));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('counts every answer the server gave, by status, without errors when the server closes between answers', async () => {
    served = 0;
    const result = await oneRun(`${base}/big`, 4, 0.3);
    expect(result.errors).toBe(0);
    expect(result.latencies.length).toBe(served);
    expect([...result.statuses]).toEqual([[200, served]]);
    expect(result.seconds).toBeGreaterThan(0.2);
    expect(result.seconds).toBeLessThan(1);
  });

  it('counts a refused connection as an error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await oneRun(`http://127.0.0.1:${port}/`, 2, 0.1);
    expect(result.errors).toBeGreaterThan(0);
    expect(result.latencies).toEqual([]);
  });
});

describe('GetLoad', () => {
  it('keeps its connections open from one run to the next', async () => {
    let connections = 0;
    const server = createServer((req, res) => res.writeHead(req.url === '/a' ? 200 : 404).end('ok'));
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const load = new GetLoad(new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`), 3);
    try {
      const a = await load.run('/a', 0.1);
      const b = await load.run('/b', 0.1);
      expect([...a.statuses.keys()]).toEqual([200]);
      expect([...b.statuses.keys()]).toEqual([404]);
      expect(a.errors + b.errors).toBe(0);
      expect(connections).toBe(3);
    } finally {
      load.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
