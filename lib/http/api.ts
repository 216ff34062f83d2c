import { redactSecrets } from '@/lib/redact';

/**
 * HTTP plumbing shared by the plan API route handlers: response headers, a
 * size-capped JSON body reader, the Bearer secret and If-Match. No database
 * here, so the status-code rules are easy to read in one place.
 */
import { retryAfterSeconds, storageFailure, storageFailureMessage } from '@/lib/storage-errors';
import { BODY_TOO_LARGE_MESSAGE, MAX_BODY_BYTES } from '@/lib/limits';
import { INVALID_UTF8_MESSAGE } from '@/lib/text-validation';

/** Sent with every plan API response: plans are private-ish documents behind capability links. */
export const PLAN_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * Largest accepted body: one constant for the API and the Server Actions
 * (lib/limits.ts). Anything bigger is refused with 413 before it is parsed.
 */
export { MAX_BODY_BYTES };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...PLAN_RESPONSE_HEADERS, ...headers },
  });
}

/**
 * A JSON response whose body is bytes kept for many responses (the cached
 * plan JSON, lib/plans/json-cache.ts). Given a Uint8Array, `new Response()`
 * copies it and serves the copy through a byte stream; a plain stream with the
 * one chunk does neither. Measured at 50 concurrent reads of a 16 kB plan:
 * ~2,250 → ~2,650 requests/s and p99 ~63 → ~44 ms (tmp runs beside
 * scripts/bench-api.ts). The chunk is only read (written to the socket),
 * never transferred, so the cached bytes stay intact (tests/unit/plan-api.test.ts).
 */
export function sharedBytesResponse(bytes: Uint8Array, headers: Record<string, string>): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', ...PLAN_RESPONSE_HEADERS, ...headers } });
}

/**
 * Logs a failure by its message only: request bodies, form values and
 * secrets never reach the log. Every route handler and Server Action that
 * catches an unexpected error logs through here.
 */
export function logFailure(where: string, error: unknown): void {
  const failure = storageFailure(error);
  // The storage code first: an operator greps for it, and some wrapped driver errors have an empty message.
  // An error's message can quote a URL with `?sleutel=` (e.g. a fetch or a body-size error); redacted here too,
  // not only by the workers' stream filter (scripts/worker-preload.cjs), so `npm run dev` logs are clean as well.
  const detail = error instanceof Error && error.message ? error.message : 'onbekende fout';
  console.error(redactSecrets(`[${where}] mislukt: ${failure ? `${failure.code} (opslag): ${detail}` : detail}`));
}

/**
 * For an unexpected error in an API route, logged by logFailure: 503 with
 * Retry-After and a Dutch message when the storage failed (busy beyond the
 * wait, full, read-only, damaged, unreachable: lib/storage-errors.ts), so
 * clients know to retry and nothing was saved; 500 for anything else.
 */
export function serverErrorResponse(where: string, error: unknown, message = 'Er ging iets mis. Probeer het opnieuw.'): Response {
  logFailure(where, error);
  const failure = storageFailure(error);
  if (failure) {
    return errorResponse(503, storageFailureMessage(failure.kind), {}, { 'Retry-After': String(retryAfterSeconds(failure.kind)) });
  }
  return errorResponse(500, message);
}

/** A refusal: `{ error: "Dutch message", ...extra }`. */
export function errorResponse(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return jsonResponse({ error: message, ...extra }, status, headers);
}

export function etag(version: number): string {
  return `"${version}"`;
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

const tooLarge = () => errorResponse(413, BODY_TOO_LARGE_MESSAGE, { maxBytes: MAX_BODY_BYTES });

/**
 * Whether a Content-Type header names JSON: `application/json` or a JSON
 * subtype (`application/merge-patch+json`), with any parameters.
 */
export function isJsonContentType(header: string | null): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type);
}

/**
 * Reads a JSON body. Refuses, before reading it:
 *   415 a body not declared as JSON (Content-Type missing, text/plain, a form).
 *       Why: a page on another site can send those without asking (a CORS
 *       "simple request", e.g. a <form> or fetch with text/plain), so accepting
 *       them let any page create plans in its visitor's name (tests/e2e/hostile-input.spec.ts);
 *       application/json needs a preflight, which this API never grants;
 *   413 more than MAX_BODY_BYTES, whether or not Content-Length tells the truth;
 *   400 invalid UTF-8 or JSON.
 */
export async function readJsonBody(request: Request): Promise<BodyResult> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, response: errorResponse(415, 'Stuur de gegevens als JSON, met de header Content-Type: application/json.') };
  }
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > MAX_BODY_BYTES) return { ok: false, response: tooLarge() };

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch {
        return { ok: false, response: errorResponse(400, 'Het verzoek kon niet worden gelezen.') };
      }
      if (step.done) break;
      size += step.value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, response: tooLarge() };
      }
      chunks.push(step.value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, response: errorResponse(400, INVALID_UTF8_MESSAGE) };
  }
  if (text.trim() === '') return { ok: false, response: errorResponse(400, 'Het verzoek heeft geen inhoud; stuur JSON.') };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: errorResponse(400, 'Het verzoek is geen geldige JSON.') };
  }
}

/**
 * The secret from `Authorization: Bearer <secret>`; null when absent or not
 * a Bearer credential (→ 401). The value is only ever compared, never logged.
 */
export function bearerSecret(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}

export type IfMatch = { kind: 'missing' } | { kind: 'any' } | { kind: 'versions'; versions: number[] };

/**
 * If-Match, as sent by clients of this API: `"3"` (our ETag), also `3` and a
 * comma-separated list. `*` is reported separately: it would make a save
 * unconditional, which is exactly what lost updates are made of, so the API
 * answers it like a missing header (428). Weak tags (W/"3") never match, as
 * RFC 9110 prescribes for If-Match; tags that are not versions match nothing
 * (→ 412).
 */
export function parseIfMatch(header: string | null): IfMatch {
  if (header === null || header.trim() === '') return { kind: 'missing' };
  if (header.trim() === '*') return { kind: 'any' };
  const versions = header
    .split(',')
    .map((tag) => tag.trim())
    .flatMap((tag) => {
      const m = /^(?:"(\d{1,9})"|(\d{1,9}))$/.exec(tag);
      const digits = m?.[1] ?? m?.[2];
      return digits === undefined ? [] : [Number(digits)];
    });
  return { kind: 'versions', versions };
}
