import { documentSecretFailureLimiter, secretFailureLimiter, type RateLimitResult } from '@/lib/rate-limit';

/**
 * What happens after a WRONG edit secret (issue 11). The order everywhere a
 * secret is checked: verify the secret first (constant time, a hash lookup);
 * a correct secret proceeds whatever the limits say, because the limits
 * protect resources and the 128-bit secret is what stops guessing, so other
 * people's wrong guesses can never lock the owner out. A wrong secret is
 * counted twice, per client address and per document (so rotating addresses
 * does not help against one plan), and answered 429 once either is over its
 * limit, 403 before that.
 *
 * Only secrets sent to change something count: PUT/POST of the API and the
 * edit pages' Server Actions. A GET of an edit page with a wrong secret is a
 * plain 403 and counts nowhere (lib/edit-page-guard.ts): any site can make a
 * visitor's browser send such GETs (`<img src=".../bewerken?sleutel=guess">`),
 * and counting them would let that site push the visitor's address over the
 * limit; a count is also a database write, dearer than the check it would
 * limit.
 */
export type DocumentRef = { kind: 'plan' | 'regio'; id: string };

export function documentKey(doc: DocumentRef): string {
  return `${doc.kind}:${doc.id}`.slice(0, 100);
}

export async function countWrongSecret(client: string, doc: DocumentRef | null): Promise<RateLimitResult> {
  const byClient = await secretFailureLimiter.hit(client);
  const byDocument = doc ? await documentSecretFailureLimiter.hit(documentKey(doc)) : byClient;
  if (!byClient.ok && !byDocument.ok) return { ok: false, retryAfterSeconds: Math.max(byClient.retryAfterSeconds, byDocument.retryAfterSeconds) };
  if (!byClient.ok) return byClient;
  if (!byDocument.ok) return byDocument;
  return byClient.remaining <= byDocument.remaining ? byClient : byDocument;
}

/** The 429 answer of the JSON API. */
export const TOO_MANY_WRONG_SECRETS = 'Te veel pogingen met een verkeerde bewerkingssleutel. Probeer het later opnieuw.';

/** The forms' message after too many wrong secrets. */
export function tooManyWrongSecretsMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Er is te vaak een verkeerde bewerkingslink gebruikt. Er is niets opgeslagen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`;
}
