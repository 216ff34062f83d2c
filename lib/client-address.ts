import { isIPv4, isIPv6 } from 'node:net';

/**
 * Who a request comes from, for the rate limits (lib/rate-limit.ts).
 *
 * The address is the TCP peer's, which a client cannot choose. Next 16 does
 * not expose the socket to route handlers or Server Actions, and fills
 * X-Forwarded-For from the socket only when the client sent none, so that
 * header alone can be forged (issue 11: rotating it gave 17,240 wrong secrets
 * a minute with no 429). scripts/worker-preload.cjs, loaded into every worker
 * by `npm start`, therefore puts the socket address in a header of its own,
 * overwriting any copy the client sent, and announces the header's name on
 * globalThis; only then is that header believed.
 *
 * Behind reverse proxies, TRUST_PROXY=<n> says how many proxies in front of
 * the app append to X-Forwarded-For (nginx: `$proxy_add_x_forwarded_for`).
 * The client is then the n-th address from the right of
 * X-Forwarded-For + socket address, i.e. the address the outermost trusted
 * proxy saw; everything left of it came from the client and is ignored.
 * With fewer addresses than that, the leftmost one is used.
 *
 * Keys: IPv4 as is; IPv6 by its /64 (one subscriber usually gets a whole
 * /64, so single addresses would be free to rotate); IPv4-mapped IPv6 as IPv4.
 * Without a trustworthy address the key is one shared bucket, 'onbekend'.
 * That only happens outside `npm start` (next dev, tests), and since a
 * correct secret is never refused (lib/secret-attempts.ts), sharing it hurts
 * only wrong guesses.
 */

const MARKER = Symbol.for('wegwijzer.socketAddressHeader');
export const UNKNOWN_CLIENT = 'onbekend';

/** The header the worker preload sets from the socket, or null when it is not loaded. */
export function installedSocketHeader(): string | null {
  const value = (globalThis as Record<symbol, unknown>)[MARKER];
  return typeof value === 'string' ? value : null;
}

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return 0;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/** An address as a limiter key: IPv4, or the /64 of IPv6; null when it is not an address. */
export function addressKey(raw: string): string | null {
  let address = raw.trim();
  // "[2001:db8::1]:443" or "203.0.113.7:5000" (some proxies add the port).
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%.*$/, ''); // zone id
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return null;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, lower-case hex without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  // A trailing dotted IPv4 part is two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}

/**
 * The rate-limit key of the request's client (see above). `socketHeader` is
 * the preload's header name (null: not loaded, so no header is trusted for
 * the socket address).
 */
export function clientKey(
  headers: Headers,
  env: Record<string, string | undefined> = process.env,
  socketHeader: string | null = installedSocketHeader(),
): string {
  const socket = socketHeader ? headers.get(socketHeader)?.trim() || null : null;
  const hops = trustedProxyHops(env);
  if (hops === 0) return (socket && addressKey(socket)) ?? UNKNOWN_CLIENT;

  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  // Without the preload, Next has put the socket address at the end when the
  // client sent no X-Forwarded-For; with a proxy there always is one.
  const chain = socket ? [...forwarded, socket] : forwarded;
  const index = socket ? chain.length - 1 - hops : chain.length - hops;
  const chosen = chain[Math.max(0, index)];
  return (chosen && addressKey(chosen)) ?? UNKNOWN_CLIENT;
}
