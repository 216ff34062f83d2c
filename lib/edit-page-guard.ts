import 'server-only';
import { forbidden, notFound } from 'next/navigation';

/**
 * Gate of an edit page (funding plans and regional plans): checked before
 * anything editable is rendered. A missing or wrong secret → 403
 * (forbidden.tsx); an unknown id → 404.
 *
 * A wrong secret here is NOT counted against any rate limit
 * (lib/secret-attempts.ts): this is a GET, which any other site can make a
 * visitor's browser send (`<img src="…/bewerken?sleutel=guess">`), and
 * counting it would let that site lock the visitor out. Guessing through this
 * page gets nowhere against a 128-bit secret, and each guess costs one hash
 * lookup, less than recording it would.
 */
export async function guardEditPage(
  secret: string | undefined,
  authorize: (secret: string) => Promise<{ ok: true } | { ok: false; reason: 'not-found' | 'forbidden' }>,
): Promise<void> {
  if (!secret) forbidden();
  const auth = await authorize(secret);
  if (!auth.ok) {
    if (auth.reason === 'not-found') notFound();
    forbidden();
  }
}
