// A lean HTTP/1.1 GET load generator for scripts/bench-api.ts: keep-alive
// connections on raw sockets that count a response's body bytes without
// keeping or decoding them.
//
// Why not autocannon for the GET cases: the client runs on the same 2 cores as
// the server, and autocannon 9 turns every body into a string
// (`req.body += data` in lib/pipelinedRequestsQueue.js) in its JavaScript
// HTTP parser. With the 27 kB plan answer it used 31 % of a core against 21 %
// on the 404 floor (bench:api, 2026-12-03), CPU the server's two workers then
// lacked: reads reached 0.82 × the floor's req/s. The same server measured
// with wrk (C, from Debian) gave 0.93 and 1.03 × the floor, and the read's
// p99 below the floor's. Both routes are measured with this one client, so the
// ratio is the server's, not the client's. Saves still use autocannon: they
// need its per-request bodies and headers, and their target is absolute.
import { connect, type Socket } from 'node:net';

/** One response as the parser saw it. */
export type ParsedResponse = {
  status: number;
  bodyBytes: number;
  /** False when the server said `Connection: close`: no further request may go on this connection. */
  keepAlive: boolean;
};

/**
 * An incremental parser for a stream of HTTP/1.1 responses on one connection
 * (Content-Length or chunked bodies; 204/304 without body). Feed it the
 * socket's chunks as they come, split anywhere; it calls `onResponse` once per
 * complete response. Throws on what it cannot frame (a body delimited only by
 * closing the connection, a malformed chunk size): the load generator counts
 * that as an error and reconnects.
 */
export class ResponseParser {
  private state: 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailer' = 'head';
  private head: Buffer[] = [];
  private headBytes = 0;
  private line = '';
  private remaining = 0;
  private status = 0;
  private bodyBytes = 0;
  private keepAlive = true;

  constructor(private readonly onResponse: (response: ParsedResponse) => void) {}

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      switch (this.state) {
        case 'head': {
          i = this.readHead(chunk, i);
          break;
        }
        case 'length':
        case 'chunk-data': {
          const n = Math.min(this.remaining, chunk.length - i);
          this.remaining -= n;
          this.bodyBytes += n;
          i += n;
          if (this.remaining === 0) {
            if (this.state === 'length') this.complete();
            else this.state = 'chunk-end';
          }
          break;
        }
        case 'chunk-size':
        case 'chunk-end':
        case 'trailer': {
          const end = chunk.indexOf(0x0a, i);
          const stop = end === -1 ? chunk.length : end + 1;
          this.line += chunk.toString('latin1', i, stop);
          i = stop;
          if (this.line.length > 1024) throw new Error('HTTP line too long');
          if (end === -1) break;
          const line = this.line.replace(/\r?\n$/, '');
          this.line = '';
          this.lineDone(line);
          break;
        }
      }
    }
  }

  /** True between responses: a connection closed now lost nothing. */
  get idle(): boolean {
    return this.state === 'head' && this.headBytes === 0;
  }

  private readHead(chunk: Buffer, from: number): number {
    // The end of the head may straddle two chunks: search the joined tail.
    this.head.push(from === 0 ? chunk : chunk.subarray(from));
    const joined = this.head.length === 1 ? this.head[0]! : Buffer.concat(this.head);
    const end = joined.indexOf('\r\n\r\n', Math.max(0, this.headBytes - 3), 'latin1');
    if (end === -1) {
      if (joined.length > 64 * 1024) throw new Error('HTTP head too long');
      // A copy: the chunk may be a buffer the socket reuses for its next read.
      this.head = [Buffer.from(joined)];
      this.headBytes = joined.length;
      return chunk.length;
    }
    const consumedFromChunk = end + 4 - this.headBytes;
    const text = joined.toString('latin1', 0, end);
    this.head = [];
    this.headBytes = 0;
    const status = Number(text.slice(9, 12));
    if (!text.startsWith('HTTP/1.') || !Number.isInteger(status)) throw new Error('not an HTTP/1.x response');
    this.status = status;
    this.bodyBytes = 0;
    const headers = text.toLowerCase();
    this.keepAlive = !/\r\nconnection:[^\r]*close/.test(headers);
    const length = /\r\ncontent-length:\s*(\d+)/.exec(headers);
    if (/\r\ntransfer-encoding:[^\r]*chunked/.test(headers)) {
      this.state = 'chunk-size';
    } else if (length) {
      this.remaining = Number(length[1]);
      this.state = 'length';
      if (this.remaining === 0) this.complete();
    } else if (status === 204 || status === 304 || (status >= 100 && status < 200)) {
      this.complete();
    } else {
      throw new Error('a response body without Content-Length or chunked encoding');
    }
    return from + consumedFromChunk;
  }

  private lineDone(line: string): void {
    if (this.state === 'chunk-size') {
      const size = Number.parseInt(line.split(';')[0] ?? '', 16);
      if (!Number.isInteger(size) || size < 0) throw new Error(`bad chunk size ${JSON.stringify(line)}`);
      if (size === 0) {
        this.state = 'trailer';
      } else {
        this.remaining = size;
        this.state = 'chunk-data';
      }
    } else if (this.state === 'chunk-end') {
      if (line !== '') throw new Error('chunk data longer than its size');
      this.state = 'chunk-size';
    } else if (line === '') {
      this.complete(); // the empty line after the last chunk (and any trailers)
    }
  }

  private complete(): void {
    this.state = 'head';
    this.onResponse({ status: this.status, bodyBytes: this.bodyBytes, keepAlive: this.keepAlive });
  }
}

export type GetLoadResult = {
  /** Seconds from the first request to the last answer. */
  seconds: number;
  /** Response time of every answered request, in ms. */
  latencies: number[];
  statuses: Map<number, number>;
  /** Socket errors, timeouts, connections lost during a request and responses that could not be parsed. */
  errors: number;
};

type Slice = { request: Buffer; deadline: number; started: number; last: number; result: GetLoadResult; busy: number; done: () => void };

/**
 * `connections` keep-alive connections to one server, kept open from one
 * `run` to the next: each run sends GETs to its path on every connection, the
 * next as soon as the previous answer is complete (no pipelining, as
 * autocannon's default), for its seconds. The connections stay open between
 * runs because opening 50 at once is slow here (the first answers on new
 * connections took up to 0.4–0.7 s; likely the cluster primary handing every
 * new connection to a worker, not measured apart), and a bench that interleaves short runs of two
 * routes must not measure that. A connection that fails, or that the server
 * closes, is opened again; a request without an answer after `timeoutMs`
 * counts as an error.
 */
export class GetLoad {
  private slice: Slice | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly readBuffer = Buffer.alloc(64 * 1024);
  private readonly starters: (() => void)[] = [];

  constructor(
    private readonly origin: URL,
    connections: number,
    private readonly timeoutMs = 30_000,
  ) {
    if (origin.protocol !== 'http:') throw new Error('GetLoad speaks plain HTTP only');
    for (let i = 0; i < connections; i++) this.starters.push(this.connection());
  }

  /** GETs to `path` on every connection for `seconds`; resolves when the last answer is in. */
  run(path: string, seconds: number): Promise<GetLoadResult> {
    if (this.slice) throw new Error('one run at a time');
    return new Promise((resolve) => {
      const started = performance.now();
      const slice: Slice = {
        request: Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${this.origin.host}\r\nConnection: keep-alive\r\n\r\n`, 'latin1'),
        deadline: started + seconds * 1000,
        started,
        last: started,
        result: { seconds: 0, latencies: [], statuses: new Map(), errors: 0 },
        busy: this.starters.length,
        done: () => {
          slice.busy -= 1;
          if (slice.busy > 0) return;
          this.slice = null;
          slice.result.seconds = (slice.last - slice.started) / 1000;
          resolve(slice.result);
        },
      };
      this.slice = slice;
      for (const start of this.starters) start();
    });
  }

  close(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /** One connection; returns the function that starts it on the current run. */
  private connection(): () => void {
    let socket: Socket | null = null;
    let sentAt = 0;
    let inFlight = false;
    let active = false;

    const next = () => {
      const slice = this.slice;
      if (!slice || performance.now() >= slice.deadline) {
        active = false;
        slice?.done();
        return;
      }
      if (!socket) socket = open();
      sentAt = performance.now();
      inFlight = true;
      socket.write(slice.request);
    };

    const drop = (failed: boolean) => {
      const lost = socket;
      if (!lost) return;
      socket = null;
      this.sockets.delete(lost);
      lost.destroy();
      const slice = this.slice;
      if (!active || !slice) return;
      if (failed || inFlight) slice.result.errors += 1;
      inFlight = false;
      // A short pause after a failure, so a server that refuses connections is not hammered in a tight loop.
      if (failed) setTimeout(next, 10);
      else next();
    };

    const open = (): Socket => {
      // Answers and events of a connection already dropped are ignored: `socket` is its successor then.
      const parser = new ResponseParser(({ status, keepAlive }) => {
        const slice = this.slice;
        if (socket !== created || !slice) return;
        inFlight = false;
        slice.last = performance.now();
        slice.result.latencies.push(slice.last - sentAt);
        slice.result.statuses.set(status, (slice.result.statuses.get(status) ?? 0) + 1);
        if (keepAlive) next();
        else drop(false);
      });
      const created = connect({
        host: this.origin.hostname,
        port: Number(this.origin.port || 80),
        noDelay: true,
        // Every read lands in one buffer that all connections share (the parser
        // is done with it before the next read): no allocation per read, so the
        // client's own garbage collection does not delay the answers it times.
        onread: {
          buffer: this.readBuffer,
          callback: (bytes: number, buffer: Uint8Array) => {
            try {
              if (socket === created) parser.feed(Buffer.from(buffer.buffer, buffer.byteOffset, bytes));
            } catch {
              if (socket === created) drop(true);
            }
            return true;
          },
        },
      });
      this.sockets.add(created);
      created.setTimeout(this.timeoutMs);
      created.on('timeout', () => socket === created && drop(true));
      created.on('error', () => socket === created && drop(true));
      // Closed by the server between answers (its keep-alive timeout) is no error; within an answer it is.
      created.on('close', () => socket === created && drop(!parser.idle));
      return created;
    };

    return () => {
      active = true;
      next();
    };
  }
}
