/**
 * Edit links carry their secret in `?sleutel=`; no log line may contain it.
 * The same rule runs over every write to stdout/stderr of a production worker
 * (scripts/worker-preload.cjs, which cannot import TypeScript); this copy is for
 * our own logger, so `npm run dev` logs are clean too.
 * tests/unit/rate-limit.test.ts checks that both agree.
 */
const SECRET_IN_URL = /(sleutel(?:=|%3D))[^&\s"'<>#;,)]+/gi;

export function redactSecrets(text: string): string {
  return text.replace(SECRET_IN_URL, '$1[verborgen]');
}
