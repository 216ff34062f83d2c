import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, bearerSecret, isJsonContentType, parseIfMatch, readJsonBody } from '@/lib/http/api';

const req = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/plannen/x', { method: 'PUT', body, headers: { 'content-type': 'application/json', ...headers } });

describe('parseIfMatch', () => {
  it('reads our ETags, bare numbers and lists; weak or foreign tags match nothing', () => {
    expect(parseIfMatch(null)).toEqual({ kind: 'missing' });
    expect(parseIfMatch('  ')).toEqual({ kind: 'missing' });
    expect(parseIfMatch('*')).toEqual({ kind: 'any' });
    expect(parseIfMatch('"7"')).toEqual({ kind: 'versions', versions: [7] });
    expect(parseIfMatch('7')).toEqual({ kind: 'versions', versions: [7] });
    expect(parseIfMatch('"7", "8"')).toEqual({ kind: 'versions', versions: [7, 8] });
    expect(parseIfMatch('W/"7"')).toEqual({ kind: 'versions', versions: [] });
    expect(parseIfMatch('"abc"')).toEqual({ kind: 'versions', versions: [] });
    expect(parseIfMatch('"99999999999999"')).toEqual({ kind: 'versions', versions: [] });
  });
});

describe('bearerSecret', () => {
  it('takes the token of a Bearer credential only', () => {
    expect(bearerSecret(req(null, { authorization: 'Bearer abc_-1' }))).toBe('abc_-1');
    expect(bearerSecret(req(null, { authorization: 'bearer  abc ' }))).toBe('abc');
    expect(bearerSecret(req(null, { authorization: 'Basic abc' }))).toBeNull();
    expect(bearerSecret(req(null, { authorization: 'Bearer a b' }))).toBeNull();
    expect(bearerSecret(req(null, { authorization: 'Bearer' }))).toBeNull();
    expect(bearerSecret(req(null))).toBeNull();
  });
});

describe('readJsonBody', () => {
  it('parses JSON and refuses empty, broken, non-UTF-8 and oversized bodies', async () => {
    expect(await readJsonBody(req('{"a":[1]}'))).toEqual({ ok: true, value: { a: [1] } });
    const status = async (body: BodyInit | null, headers: Record<string, string> = {}) => {
      const r = await readJsonBody(req(body, headers));
      return r.ok ? 200 : r.response.status;
    };
    expect(await status(null)).toBe(400);
    expect(await status('   ')).toBe(400);
    expect(await status('{"a":')).toBe(400);
    expect(await status(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))).toBe(400);
    expect(await status('"' + 'x'.repeat(MAX_BODY_BYTES) + '"')).toBe(413);
    // A declared length over the limit is refused before reading.
    const declared = new Request('http://localhost/', { method: 'PUT', body: '{}', headers: { 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) } });
    const r = await readJsonBody(declared);
    expect(r.ok ? 200 : r.response.status).toBe(413);
    // Exactly at the limit is fine.
    expect(await status('"' + 'x'.repeat(MAX_BODY_BYTES - 2) + '"')).toBe(200);
  });
});

describe('Content-Type', () => {
  it('accepts JSON types only', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonContentType('application/merge-patch+json')).toBe(true);
    expect(isJsonContentType(null)).toBe(false);
    expect(isJsonContentType('')).toBe(false);
    expect(isJsonContentType('text/plain;charset=UTF-8')).toBe(false);
    expect(isJsonContentType('application/x-www-form-urlencoded')).toBe(false);
    expect(isJsonContentType('multipart/form-data; boundary=x')).toBe(false);
    expect(isJsonContentType('text/json')).toBe(false);
    expect(isJsonContentType('application/jsonp')).toBe(false);
  });

  it('refuses a body not declared as JSON with 415, before reading it', async () => {
    const status = async (headers: Record<string, string>) => {
      const r = await readJsonBody(new Request('http://localhost/', { method: 'POST', body: '{"a":1}', headers }));
      return r.ok ? 200 : r.response.status;
    };
    // A string body without a type is sent as text/plain by fetch: what a cross-site page can send without a preflight.
    expect(await status({})).toBe(415);
    expect(await status({ 'content-type': 'text/plain' })).toBe(415);
    expect(await status({ 'content-type': 'application/x-www-form-urlencoded' })).toBe(415);
    expect(await status({ 'content-type': 'application/json' })).toBe(200);
  });
});
