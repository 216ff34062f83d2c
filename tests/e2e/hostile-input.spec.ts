import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { MAX_BODY_BYTES } from '@/lib/limits';

// Hostile input (issue 11 §8): bodies and headers an attacker or a broken
// client sends to the write endpoints of the JSON API. Every one must be
// refused with a 4xx (never a 5xx, never a 2xx) and change nothing: the plan
// or regional plan keeps its version and its GET answer byte for byte, and a
// refused create answers no id or secret.
//
// Table-driven: one test per case, run in order in one worker against one
// plan and one regional plan (made in beforeAll). A failing case restarts the
// worker, which makes fresh ones, so the other cases still run. Requests go
// through node:http so bodies can be raw bytes (invalid UTF-8), chunked
// without a length, or carry any content type.

test.describe.configure({ mode: 'default' });

type Body = string | Buffer;
type Reply = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

function send(base: string, method: string, path: string, headers: Record<string, string>, body?: Body, chunked = false): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body === undefined) {
      req.end();
    } else if (chunked) {
      // Transfer-Encoding: chunked (no Content-Length): the size is only known by reading.
      const bytes = Buffer.from(body);
      for (let i = 0; i < bytes.length; i += 65_536) req.write(bytes.subarray(i, i + 65_536));
      req.end();
    } else {
      req.setHeader('content-length', String(Buffer.byteLength(body)));
      req.end(body);
    }
  });
}

// ---------------------------------------------------------------------------
// Valid bodies, each case breaks one thing
// ---------------------------------------------------------------------------

const NEED = { costCategory: 'interventies', year: 2026, amount: 1000 };
const LINE = {
  id: 'regel-1',
  costCategory: 'proceskosten',
  customSourceName: 'Eigen budget',
  looptijd: 'structureel',
  status: 'toegezegd',
  note: 'Begroting 2026',
  amounts: [{ year: 2026, amount: 500 }],
};
/** What the plan holds (saved in beforeAll), so an accepted hostile body would show as a new version. */
const PLAN = { title: 'Plan onder vuur', needs: [NEED], lines: [LINE] };
const PLAN_CREATE = { municipality: 'Vestingstad', title: 'Plan onder vuur', startYear: 2026, endYear: 2027 };

const MEMBERS = [
  { name: 'Arnhem', children0to4: 7000, children0to18: 30000 },
  { name: 'Ede', children0to4: 3000, children0to18: 12000 },
];
const SHARED = { costCategory: 'proceskosten', description: 'Coördinatie', amounts: [{ year: 2026, amount: 10_000 }], splitKey: 'kinderen-0-4' };
const TRAJECTORY = {
  intervention: 'voorzorg',
  costCategory: 'interventies',
  pricePerTrajectory: 4500,
  basis: 'historisch',
  trajectories: [{ year: 2026, counts: [12, 9] }],
};
const REGION = { name: 'Regio onder vuur', startYear: 2026, endYear: 2027, members: MEMBERS, sharedItems: [SHARED], trajectoryItems: [TRAJECTORY] };

const json = (value: unknown): string => JSON.stringify(value);
const withLine = (line: Record<string, unknown>) => json({ ...PLAN, lines: [{ ...LINE, ...line }] });
const withNeed = (need: Record<string, unknown>) => json({ ...PLAN, needs: [{ ...NEED, ...need }] });
const withShared = (item: Record<string, unknown>) => json({ ...REGION, sharedItems: [{ ...SHARED, ...item }] });
const withTrajectory = (item: Record<string, unknown>) => json({ ...REGION, trajectoryItems: [{ ...TRAJECTORY, ...item }] });
const withMember = (member: Record<string, unknown>) => json({ ...REGION, members: [MEMBERS[0], { ...MEMBERS[1], ...member }] });

/** `{"key": <depth × [>…<depth × ]>}`: nesting far deeper than any real body, well within the size limit. */
const deeplyNested = (key: string, depth: number, rest: Record<string, unknown>) => `{${json(rest).slice(1, -1)},"${key}":${'['.repeat(depth)}${']'.repeat(depth)}}`;
/** Raw JSON text with a key JSON.stringify cannot write from an object literal (`__proto__`). */
const withRawKey = (value: Record<string, unknown>, raw: string) => `{${raw},${json(value).slice(1)}`;
/** Valid JSON text around bytes that are not UTF-8. */
const invalidUtf8 = (before: string, bytes: number[], after: string) => Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
/** Just over the one body limit of the API and the forms (lib/limits.ts). */
const OVERSIZED = (value: Record<string, unknown>) => json({ ...value, title: 'x'.repeat(MAX_BODY_BYTES + 1) });

type Case = {
  name: string;
  body: Body;
  /** The status the API documents for this refusal. */
  status: number;
  /** Headers instead of the valid ones; `null` removes one (content-type, authorization, if-match). */
  headers?: Record<string, string | null>;
  chunked?: boolean;
  /** Why the case is not run yet: the issue that will fix it. */
  fixme?: string;
};

// Shared by plan and regional-plan PUTs: transport, authorisation and concurrency.
const protocolCases = (valid: string): Case[] => [
  { name: 'no Authorization', body: valid, status: 401, headers: { authorization: null } },
  { name: 'Basic instead of Bearer', body: valid, status: 401, headers: { authorization: 'Basic dXNlcjpwYXNz' } },
  { name: 'Bearer with two tokens', body: valid, status: 401, headers: { authorization: 'Bearer a b' } },
  // Counted as a wrong guess: under a client key of its own (see workers.spec.ts), so no other test's window fills up.
  { name: 'wrong secret', body: valid, status: 403, headers: { authorization: `Bearer ${'A'.repeat(43)}`, 'x-forwarded-for': `hostile-${Math.random().toString(36).slice(2)}` } },
  { name: 'no If-Match', body: valid, status: 428, headers: { 'if-match': null } },
  { name: 'If-Match *', body: valid, status: 428, headers: { 'if-match': '*' } },
  { name: 'If-Match stale', body: valid, status: 412, headers: { 'if-match': '"1"' } },
  { name: 'If-Match from the future', body: valid, status: 412, headers: { 'if-match': '"999999999"' } },
  { name: 'If-Match weak', body: valid, status: 412, headers: { 'if-match': 'W/"2"' } },
  { name: 'If-Match not a version', body: valid, status: 412, headers: { 'if-match': '"abc"' } },
  { name: 'If-Match negative', body: valid, status: 412, headers: { 'if-match': '"-2"' } },
  { name: 'If-Match beyond 2^53', body: valid, status: 412, headers: { 'if-match': '"99999999999999999999"' } },
];

// Shared by every write: bodies that are not readable JSON at all.
const bodyCases = (valid: Record<string, unknown>): Case[] => [
  { name: 'empty body', body: '', status: 400 },
  { name: 'whitespace only', body: ' \n\t ', status: 400 },
  { name: 'invalid JSON: cut off', body: json(valid).slice(0, -3), status: 400 },
  { name: 'invalid JSON: trailing comma', body: `${json(valid).slice(0, -1)},}`, status: 400 },
  { name: 'invalid JSON: single quotes', body: "{'title': 'x'}", status: 400 },
  { name: 'invalid JSON: NaN literal', body: '{"startYear": NaN}', status: 400 },
  { name: 'invalid UTF-8 (0xFF 0xFE)', body: invalidUtf8('{"title": "', [0xff, 0xfe], '"}'), status: 400 },
  { name: 'invalid UTF-8 (overlong /)', body: invalidUtf8('{"title": "', [0xc0, 0xaf], '"}'), status: 400 },
  { name: 'invalid UTF-8 (encoded surrogate)', body: invalidUtf8('{"title": "', [0xed, 0xa0, 0x80], '"}'), status: 400 },
  { name: 'invalid UTF-8 (truncated sequence)', body: invalidUtf8('{"title": "', [0xe2, 0x82], '"}'), status: 400 },
  { name: 'oversized body (over 4 MiB)', body: OVERSIZED(valid), status: 413 },
  { name: 'oversized body, chunked without Content-Length', body: OVERSIZED(valid), status: 413, chunked: true },
  { name: 'Content-Type text/plain', body: json(valid), status: 415, headers: { 'content-type': 'text/plain;charset=UTF-8' } },
  { name: 'Content-Type form-urlencoded', body: 'title=x&needs=1', status: 415, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  { name: 'Content-Type multipart', body: '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--b--\r\n', status: 415, headers: { 'content-type': 'multipart/form-data; boundary=b' } },
  { name: 'no Content-Type', body: json(valid), status: 415, headers: { 'content-type': null } },
  { name: 'not an object: array', body: '[]', status: 422 },
  { name: 'not an object: string', body: '"plan"', status: 422 },
  { name: 'not an object: number', body: '1e308', status: 422 },
  { name: 'not an object: null', body: 'null', status: 422 },
  { name: 'not an object: true', body: 'true', status: 422 },
  { name: '__proto__ with a wrong field', body: withRawKey({ ...valid, startYear: 'x' }, '"__proto__": {"polluted": "ja", "isAdmin": true}'), status: 422 },
  { name: 'constructor.prototype with a wrong field', body: json({ ...valid, startYear: 'x', constructor: { prototype: { polluted: 'ja' } } }), status: 422 },
  { name: 'startYear 1999', body: json({ ...valid, startYear: 1999 }), status: 422 },
  { name: 'endYear 2101', body: json({ ...valid, endYear: 2101 }), status: 422 },
  { name: 'endYear before startYear', body: json({ ...valid, startYear: 2027, endYear: 2026 }), status: 422 },
  { name: 'eleven years', body: json({ ...valid, startYear: 2026, endYear: 2036 }), status: 422 },
  { name: 'year 1e308', body: json({ ...valid, startYear: 1e308 }), status: 422 },
  { name: 'year as a fraction', body: json({ ...valid, startYear: 2026.5 }), status: 422 },
  { name: 'year as text with letters', body: json({ ...valid, startYear: '2026abc' }), status: 422 },
  { name: 'year negative', body: json({ ...valid, startYear: -2026 }), status: 422 },
  { name: 'year as a list', body: json({ ...valid, startYear: [2026] }), status: 422 },
];

const planPutCases: Case[] = [
  ...protocolCases(json(PLAN)),
  ...bodyCases(PLAN),
  { name: 'deeply nested needs (100,000 levels)', body: deeplyNested('needs', 100_000, { lines: [] }), status: 422 },
  { name: 'deeply nested unknown field', body: deeplyNested('extra', 100_000, PLAN), status: 422 },
  { name: '__proto__ beside a valid plan', body: withRawKey(PLAN, '"__proto__": {"polluted": "ja"}'), status: 422 },
  { name: '__proto__ in a line', body: json({ ...PLAN, lines: [JSON.parse(withRawKey(LINE, '"__proto__": {"polluted": "ja"}')) as unknown] }), status: 422 },
  { name: 'constructor beside a valid plan', body: json({ ...PLAN, constructor: { prototype: { polluted: 'ja' } } }), status: 422 },
  { name: 'unknown field', body: json({ ...PLAN, plan: 1e308 }), status: 422 },
  { name: 'unknown field in a need', body: withNeed({ extra: 1 }), status: 422 },
  { name: 'unknown field in a line', body: withLine({ extra: 1 }), status: 422 },
  { name: 'unknown field in an amount', body: withLine({ amounts: [{ year: 2026, amount: 5, extra: 1 }] }), status: 422 },
  { name: 'regionShares in the body', body: json({ ...PLAN, regionShares: [] }), status: 422 },
  { name: 'needs missing', body: json({ lines: [] }), status: 422 },
  { name: 'needs a string', body: json({ ...PLAN, needs: 'x' }), status: 422 },
  { name: 'needs an object', body: json({ ...PLAN, needs: { 0: NEED } }), status: 422 },
  { name: 'needs null', body: json({ ...PLAN, needs: null }), status: 422 },
  { name: 'lines a number', body: json({ ...PLAN, lines: 5 }), status: 422 },
  { name: 'nested arrays in needs', body: json({ ...PLAN, needs: [[NEED]] }), status: 422 },
  { name: 'nested arrays in lines', body: json({ ...PLAN, lines: [[[LINE]]] }), status: 422 },
  { name: 'need amount 1e308', body: withNeed({ amount: 1e308 }), status: 422 },
  { name: 'need amount negative', body: withNeed({ amount: -1 }), status: 422 },
  { name: 'need amount with cents', body: withNeed({ amount: 10.5 }), status: 422 },
  { name: 'need amount "NaN"', body: withNeed({ amount: 'NaN' }), status: 422 },
  { name: 'need amount "Infinity"', body: withNeed({ amount: 'Infinity' }), status: 422 },
  { name: 'need amount "1e308"', body: withNeed({ amount: '1e308' }), status: 422 },
  { name: 'need amount "-0,01"', body: withNeed({ amount: '-0,01' }), status: 422 },
  { name: 'need amount 2^53 + 1', body: withNeed({ amount: 9_007_199_254_740_993 }), status: 422 },
  { name: 'need amount an object', body: withNeed({ amount: { valueOf: 5 } }), status: 422 },
  { name: 'need amount true', body: withNeed({ amount: true }), status: 422 },
  { name: 'need year outside the plan', body: withNeed({ year: 2030 }), status: 422 },
  { name: 'need cost category unknown', body: withNeed({ costCategory: 'salarissen' }), status: 422 },
  { name: 'need cost category __proto__', body: withNeed({ costCategory: '__proto__' }), status: 422 },
  { name: 'duplicate needs', body: json({ ...PLAN, needs: [NEED, NEED] }), status: 422 },
  { name: 'too many needs (201)', body: json({ ...PLAN, needs: Array.from({ length: 201 }, () => NEED) }), status: 422 },
  { name: 'line amount 1e308', body: withLine({ amounts: [{ year: 2026, amount: 1e308 }] }), status: 422 },
  { name: 'line amount negative', body: withLine({ amounts: [{ year: 2026, amount: -500 }] }), status: 422 },
  { name: 'line amount "NaN"', body: withLine({ amounts: [{ year: 2026, amount: 'NaN' }] }), status: 422 },
  { name: 'line amount in a year outside the plan', body: withLine({ amounts: [{ year: 2031, amount: 5 }] }), status: 422 },
  { name: 'line amount year 1e308', body: withLine({ amounts: [{ year: 1e308, amount: 5 }] }), status: 422 },
  { name: 'line with the same year twice', body: withLine({ amounts: [{ year: 2026, amount: 5 }, { year: 2026, amount: 6 }] }), status: 422 },
  { name: 'line amounts not a list', body: withLine({ amounts: { 2026: 5 } }), status: 422 },
  { name: 'line amounts nested', body: withLine({ amounts: [[{ year: 2026, amount: 5 }]] }), status: 422 },
  { name: 'line with amounts and the old year/amount', body: withLine({ year: 2026, amount: 5 }), status: 422 },
  { name: 'line with sourceSlug and customSourceName', body: withLine({ sourceSlug: 'spuk' }), status: 422 },
  { name: 'line without a source', body: withLine({ customSourceName: null }), status: 422 },
  { name: 'line with an unknown sourceSlug', body: withLine({ customSourceName: null, sourceSlug: '../../etc/passwd' }), status: 422 },
  { name: 'line status unknown', body: withLine({ status: 'betaald' }), status: 422 },
  { name: 'line looptijd unknown', body: withLine({ looptijd: 'eeuwig' }), status: 422 },
  { name: 'line afgewezen without a reason', body: withLine({ status: 'afgewezen' }), status: 422 },
  { name: 'line id with a slash', body: withLine({ id: '../x' }), status: 422 },
  { name: 'line id too long', body: withLine({ id: 'x'.repeat(65) }), status: 422 },
  { name: 'duplicate line ids', body: json({ ...PLAN, lines: [LINE, LINE] }), status: 422 },
  { name: 'too many lines (501)', body: json({ ...PLAN, lines: Array.from({ length: 501 }, (_, i) => ({ ...LINE, id: `r${i}` })) }), status: 422 },
  { name: 'title a number', body: json({ ...PLAN, title: 12 }), status: 422 },
  { name: 'title null', body: json({ ...PLAN, title: null }), status: 422 },
  { name: 'title an object', body: json({ ...PLAN, title: { toString: 'x' } }), status: 422 },
  { name: 'title 201 characters', body: json({ ...PLAN, title: 'x'.repeat(201) }), status: 422 },
  { name: 'title 500,000 characters', body: json({ ...PLAN, title: 'x'.repeat(500_000) }), status: 422 },
  { name: 'title with a NUL', body: json({ ...PLAN, title: 'a\u0000b' }), status: 422 },
  { name: 'title with a line break', body: json({ ...PLAN, title: 'a\nb' }), status: 422 },
  { name: 'title with a lone surrogate', body: '{"title": "a\\ud800b", "needs": [], "lines": []}', status: 422 },
  { name: 'note 1,001 characters', body: withLine({ note: 'x'.repeat(1001) }), status: 422 },
  { name: 'customSourceName 100,000 characters', body: withLine({ customSourceName: 'é'.repeat(100_000) }), status: 422 },
  { name: 'contactNote 2,001 characters', body: json({ ...PLAN, contactNote: 'x'.repeat(2001) }), status: 422 },
];

const planPostCases: Case[] = [
  ...bodyCases(PLAN_CREATE),
  { name: 'deeply nested title (100,000 levels)', body: deeplyNested('title', 100_000, { ...PLAN_CREATE, title: undefined }), status: 422 },
  { name: 'municipality missing', body: json({ ...PLAN_CREATE, municipality: undefined }), status: 422 },
  { name: 'title 500,000 characters', body: json({ ...PLAN_CREATE, title: 'x'.repeat(500_000) }), status: 422 },
  { name: 'municipality with a NUL', body: json({ ...PLAN_CREATE, municipality: 'a\u0000b' }), status: 422 },
  { name: 'voorbeeld unknown', body: json({ ...PLAN_CREATE, voorbeeld: '__proto__' }), status: 422 },
  {
    name: 'unknown field',
    body: json({ ...PLAN_CREATE, isAdmin: true }),
    status: 422,
  },
  {
    name: '__proto__ beside a valid plan',
    body: withRawKey(PLAN_CREATE, '"__proto__": {"polluted": "ja"}'),
    status: 422,
  },
];

const regionPutCases: Case[] = [
  ...protocolCases(json(REGION)),
  ...bodyCases(REGION),
  { name: 'deeply nested members (100,000 levels)', body: deeplyNested('members', 100_000, { ...REGION, members: undefined }), status: 422 },
  { name: 'name missing', body: json({ ...REGION, name: undefined }), status: 422 },
  { name: 'name 500,000 characters', body: json({ ...REGION, name: 'x'.repeat(500_000) }), status: 422 },
  { name: 'members a number', body: json({ ...REGION, members: 5 }), status: 422 },
  { name: 'members empty', body: json({ ...REGION, members: [] }), status: 422 },
  { name: 'members nested arrays', body: json({ ...REGION, members: [MEMBERS] }), status: 422 },
  { name: 'members pasted garbage (200,000 rows)', body: json({ ...REGION, members: 'x;y\n'.repeat(200_000) }), status: 422 },
  { name: 'member children 1e308', body: withMember({ children0to4: 1e308, children0to18: 1e308 }), status: 422 },
  { name: 'member children negative', body: withMember({ children0to4: -1 }), status: 422 },
  { name: 'member children a fraction', body: withMember({ children0to4: 2.5 }), status: 422 },
  { name: 'member children "NaN"', body: withMember({ children0to4: 'NaN' }), status: 422 },
  { name: 'member 0–4 above 0–18', body: withMember({ children0to4: 20000, children0to18: 100 }), status: 422 },
  { name: 'member name with a NUL', body: withMember({ name: 'E\u0000de' }), status: 422 },
  { name: 'duplicate members', body: json({ ...REGION, members: [MEMBERS[0], MEMBERS[0]] }), status: 422 },
  { name: 'too many members (61)', body: json({ ...REGION, members: Array.from({ length: 61 }, (_, i) => ({ name: `G${i}`, children0to4: 1, children0to18: 2 })), trajectoryItems: [] }), status: 422 },
  { name: 'shared amount 1e308', body: withShared({ amounts: [{ year: 2026, amount: 1e308 }] }), status: 422 },
  { name: 'shared amount negative', body: withShared({ amounts: [{ year: 2026, amount: -1 }] }), status: 422 },
  { name: 'shared amount "NaN"', body: withShared({ amounts: [{ year: 2026, amount: 'NaN' }] }), status: 422 },
  { name: 'shared amount outside the years', body: withShared({ amounts: [{ year: 2030, amount: 5 }] }), status: 422 },
  { name: 'shared amount year twice', body: withShared({ amounts: [{ year: 2026, amount: 5 }, { year: 2026, amount: 6 }] }), status: 422 },
  { name: 'shared amounts and amountPerYear', body: withShared({ amountPerYear: 5 }), status: 422 },
  { name: 'shared amounts nested', body: withShared({ amounts: [[{ year: 2026, amount: 5 }]] }), status: 422 },
  { name: 'split key unknown', body: withShared({ splitKey: 'willekeurig' }), status: 422 },
  { name: 'percentages not adding up', body: withShared({ splitKey: 'percentages', percentages: [60, 60] }), status: 422 },
  { name: 'percentages too few', body: withShared({ splitKey: 'percentages', percentages: [100] }), status: 422 },
  { name: 'percentages 1e308', body: withShared({ splitKey: 'percentages', percentages: [1e308, -1e308] }), status: 422 },
  { name: 'description 201 characters', body: withShared({ description: 'x'.repeat(201) }), status: 422 },
  { name: 'too many items (101)', body: json({ ...REGION, sharedItems: Array.from({ length: 101 }, () => SHARED), trajectoryItems: [] }), status: 422 },
  { name: 'trajectory price 1e308', body: withTrajectory({ pricePerTrajectory: 1e308 }), status: 422 },
  { name: 'trajectory counts not one per member', body: withTrajectory({ trajectories: [{ year: 2026, counts: [1, 2, 3] }] }), status: 422 },
  { name: 'trajectory counts negative', body: withTrajectory({ trajectories: [{ year: 2026, counts: [-1, 2] }] }), status: 422 },
  { name: 'trajectory counts 1e308', body: withTrajectory({ trajectories: [{ year: 2026, counts: [1e308, 2] }] }), status: 422 },
  { name: 'trajectory year outside the years', body: withTrajectory({ trajectories: [{ year: 2040, counts: [1, 2] }] }), status: 422 },
  { name: 'trajectory year twice', body: withTrajectory({ trajectories: [{ year: 2026, counts: [1, 2] }, { year: 2026, counts: [1, 2] }] }), status: 422 },
  { name: 'trajectory intervention unknown', body: withTrajectory({ intervention: 'constructor' }), status: 422 },
  { name: 'trajectory percentage 101', body: withTrajectory({ basis: 'percentage', trajectories: null, percentage: 101 }), status: 422 },
  { name: 'trajectory basis unknown', body: withTrajectory({ basis: 'gok' }), status: 422 },
  {
    name: 'unknown field beside a valid plan',
    body: json({ ...REGION, isAdmin: true }),
    status: 422,
    // lib/regions/schema.ts strips unknown keys, so the save is accepted. Issue 11 §7.
  },
  {
    name: '__proto__ beside a valid plan',
    body: withRawKey(REGION, '"__proto__": {"polluted": "ja"}'),
    status: 422,
  },
];

const regionPostCases: Case[] = [
  ...bodyCases(REGION),
  { name: 'members pasted garbage (200,000 rows)', body: json({ ...REGION, members: 'x;y\n'.repeat(200_000) }), status: 422 },
  { name: 'member children 1e308', body: withMember({ children0to4: 1e308, children0to18: 1e308 }), status: 422 },
  { name: 'shared amount 1e308', body: withShared({ amounts: [{ year: 2026, amount: 1e308 }] }), status: 422 },
  { name: 'trajectory counts not one per member', body: withTrajectory({ trajectories: [{ year: 2026, counts: [1] }] }), status: 422 },
  {
    name: 'unknown field beside a valid plan',
    body: json({ ...REGION, isAdmin: true }),
    status: 422,
  },
];

// ---------------------------------------------------------------------------

const created = z.object({ id: z.string(), editSecret: z.string() });
type Target = { id: string; secret: string; version: number };

function headersFor(c: Case, defaults: Record<string, string>): Record<string, string> {
  const merged: Record<string, string | null> = { ...defaults, ...c.headers };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
}

function expectRefused(c: Case, reply: Reply): void {
  const what = `${c.name}: ${reply.status} ${reply.body.slice(0, 300)}`;
  expect(reply.status, what).toBeGreaterThanOrEqual(400);
  expect(reply.status, what).toBeLessThan(500);
  expect(reply.status, what).toBe(c.status);
  // A refusal never hands out a capability.
  expect(reply.body).not.toContain('editSecret');
}

const JSON_TYPE = { 'content-type': 'application/json' };

test.describe('funding plan: PUT /api/plannen/<id>', () => {
  let plan: Target;
  let before = '';

  test.beforeAll(async ({ baseURL }) => {
    const base = baseURL ?? '';
    const post = await send(base, 'POST', '/api/plannen', JSON_TYPE, json(PLAN_CREATE));
    expect(post.status, post.body).toBe(201);
    const { id, editSecret } = created.parse(JSON.parse(post.body));
    const put = await send(base, 'PUT', `/api/plannen/${id}`, { ...JSON_TYPE, authorization: `Bearer ${editSecret}`, 'if-match': '"1"' }, json(PLAN));
    expect(put.status, put.body).toBe(200);
    plan = { id, secret: editSecret, version: 2 };
    before = (await send(base, 'GET', `/api/plannen/${id}`, {})).body;
  });

  for (const c of planPutCases) {
    test(c.name, async ({ baseURL }) => {
      test.fixme(c.fixme !== undefined, c.fixme);
      const base = baseURL ?? '';
      const headers = headersFor(c, { ...JSON_TYPE, authorization: `Bearer ${plan.secret}`, 'if-match': `"${plan.version}"` });
      expectRefused(c, await send(base, 'PUT', `/api/plannen/${plan.id}`, headers, c.body, c.chunked));
      const after = await send(base, 'GET', `/api/plannen/${plan.id}`, {});
      expect(after.headers.etag).toBe(`"${plan.version}"`);
      expect(after.body, 'the plan as before').toBe(before);
    });
  }
});

test.describe('funding plan: POST /api/plannen', () => {
  for (const c of planPostCases) {
    test(c.name, async ({ baseURL }) => {
      test.fixme(c.fixme !== undefined, c.fixme);
      const reply = await send(baseURL ?? '', 'POST', '/api/plannen', headersFor(c, JSON_TYPE), c.body, c.chunked);
      expectRefused(c, reply);
      expect(reply.headers.location).toBeUndefined();
    });
  }
});

test.describe('regional plan: PUT /api/regio/<id>', () => {
  let region: Target;
  let before = '';

  test.beforeAll(async ({ baseURL }) => {
    const base = baseURL ?? '';
    const post = await send(base, 'POST', '/api/regio', JSON_TYPE, json(REGION));
    expect(post.status, post.body).toBe(201);
    const { id, editSecret } = created.parse(JSON.parse(post.body));
    // A second version, so a stale If-Match ("1") exists, as for funding plans.
    const put = await send(base, 'PUT', `/api/regio/${id}`, { ...JSON_TYPE, authorization: `Bearer ${editSecret}`, 'if-match': '"1"' }, json(REGION));
    expect(put.status, put.body).toBe(200);
    region = { id, secret: editSecret, version: 2 };
    before = (await send(base, 'GET', `/api/regio/${id}`, {})).body;
  });

  for (const c of regionPutCases) {
    test(c.name, async ({ baseURL }) => {
      test.fixme(c.fixme !== undefined, c.fixme);
      const base = baseURL ?? '';
      const headers = headersFor(c, { ...JSON_TYPE, authorization: `Bearer ${region.secret}`, 'if-match': `"${region.version}"` });
      expectRefused(c, await send(base, 'PUT', `/api/regio/${region.id}`, headers, c.body, c.chunked));
      const after = await send(base, 'GET', `/api/regio/${region.id}`, {});
      expect(after.headers.etag).toBe(`"${region.version}"`);
      expect(after.body, 'the regional plan as before').toBe(before);
    });
  }
});

test.describe('regional plan: POST /api/regio', () => {
  for (const c of regionPostCases) {
    test(c.name, async ({ baseURL }) => {
      test.fixme(c.fixme !== undefined, c.fixme);
      const reply = await send(baseURL ?? '', 'POST', '/api/regio', headersFor(c, JSON_TYPE), c.body, c.chunked);
      expectRefused(c, reply);
      expect(reply.headers.location).toBeUndefined();
    });
  }
});

test('after the hostile requests the server is healthy and nothing is polluted', async ({ baseURL }) => {
  const base = baseURL ?? '';
  expect((await send(base, 'GET', '/api/health', {})).status).toBe(200);
  // A plan made now carries no field a polluted prototype would add.
  const post = await send(base, 'POST', '/api/plannen', JSON_TYPE, json(PLAN_CREATE));
  expect(post.status).toBe(201);
  const { id } = created.parse(JSON.parse(post.body));
  const get = await send(base, 'GET', `/api/plannen/${id}`, {});
  expect(get.body).not.toContain('polluted');
  expect(get.body).not.toContain('isAdmin');
});
