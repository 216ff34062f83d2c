import { bearerSecret, errorResponse, etag, jsonResponse, parseIfMatch, readJsonBody } from '@/lib/http/api';
import { clientKey } from '@/lib/client-address';
import { TOO_MANY_WRONG_SECRETS, countWrongSecret, type DocumentRef } from '@/lib/secret-attempts';

/** What a repository's save answers (municipal and regional plans alike). */
export type SaveResult =
  | { ok: true; version: number; updatedAt: Date }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'conflict'; currentVersion: number }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> };

export type Authorization<T> = { ok: true; doc: T } | { ok: false; reason: 'not-found' | 'forbidden' };

/** The Dutch refusals of one kind of document. */
export type WriteMessages = { realm: string; notFound: string; forbidden: string; stale: string };

export function staleResponse(messages: WriteMessages, currentVersion: number): Response {
  return errorResponse(412, messages.stale, { currentVersion }, { ETag: etag(currentVersion) });
}

/**
 * A PUT of a whole versioned document behind a capability secret (PUT
 * /api/plannen/<id>, PUT /api/regio/<id>). Checked in this order, the first
 * failure answers, and every refusal leaves the stored document unchanged:
 *   401 no Bearer secret · 404 unknown document
 *   403 wrong secret, or 429 (Retry-After) when this client or this document
 *       has had too many wrong secrets (lib/secret-attempts.ts); a correct
 *       secret is never refused by a limit
 *   428 If-Match missing (or "*": an unconditional save could lose updates)
 *   412 If-Match is not the current version; body {currentVersion}, ETag current
 *   415 body not declared as JSON (Content-Type) · 413 body over the limit · 400 body not JSON
 *   422 {errors: {"lines.3.amount": "…"}} invalid document
 *   412 another save won the race while this one was validated
 */
export async function versionedWrite<T extends { version: number }>(
  request: Request,
  messages: WriteMessages,
  doc: DocumentRef,
  authorize: (secret: string) => Promise<Authorization<T>>,
  save: (doc: T, expectedVersion: number, body: unknown) => Promise<SaveResult>,
): Promise<Response> {
  const secret = bearerSecret(request);
  if (!secret) {
    return errorResponse(401, 'Bewerken kan alleen met de bewerkingslink (Authorization: Bearer <sleutel>).', {}, {
      'WWW-Authenticate': `Bearer realm="${messages.realm}"`,
    });
  }
  const auth = await authorize(secret);
  if (!auth.ok && auth.reason === 'not-found') return errorResponse(404, messages.notFound);
  if (!auth.ok) {
    const limit = await countWrongSecret(clientKey(request.headers), doc);
    if (!limit.ok) return errorResponse(429, TOO_MANY_WRONG_SECRETS, {}, { 'Retry-After': String(limit.retryAfterSeconds) });
    return errorResponse(403, messages.forbidden);
  }

  const current = auth.doc.version;
  const ifMatch = parseIfMatch(request.headers.get('if-match'));
  if (ifMatch.kind !== 'versions') {
    return errorResponse(428, 'Stuur de versie die u bewerkt mee in If-Match (de ETag van GET), zodat geen wijziging verloren gaat.', {
      currentVersion: current,
    });
  }
  const expected = ifMatch.versions.length === 1 ? ifMatch.versions[0] : undefined;
  if (expected !== current) return staleResponse(messages, current);

  const body = await readJsonBody(request);
  if (!body.ok) return body.response;

  const result = await save(auth.doc, expected, body.value);
  if (result.ok) return jsonResponse({ version: result.version, updatedAt: result.updatedAt }, 200, { ETag: etag(result.version) });
  switch (result.reason) {
    case 'invalid':
      return errorResponse(422, 'Controleer de gemarkeerde velden.', { errors: result.errors });
    case 'conflict':
      return staleResponse(messages, result.currentVersion);
    case 'not-found':
      return errorResponse(404, messages.notFound);
    case 'forbidden':
      return errorResponse(403, messages.forbidden);
  }
}
