import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { clientKey, secretFailureLimiter } from '@/lib/rate-limit';

/**
 * Gate of an edit page (funding plans and regional plans): checked before
 * anything editable is rendered. A client that guessed too often, a missing
 * or wrong secret → 403 (forbidden.tsx); an unknown id → 404. Wrong secrets
 * count against the client's limit, like wrong secrets posted to the API.
 */
export async function guardEditPage(
  requestHeaders: Headers,
  secret: string | undefined,
  authorize: (secret: string) => Promise<{ ok: true } | { ok: false; reason: 'not-found' | 'forbidden' }>,
): Promise<void> {
  const key = clientKey(requestHeaders);
  if (!secretFailureLimiter.check(key).ok) forbidden();
  if (!secret) forbidden();
  const auth = await authorize(secret);
  if (!auth.ok) {
    if (auth.reason === 'not-found') notFound();
    await secretFailureLimiter.hit(key);
    forbidden();
  }
}
