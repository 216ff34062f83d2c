/**
 * Where plans live. One place, so pages, API responses and e-mails agree.
 *
 * The edit link carries the secret in the QUERY (`?sleutel=`), not in the
 * fragment: a fragment never reaches the server, so the edit page could not
 * save without JavaScript, which the issue requires. To keep the query from
 * leaking, plan pages send `Referrer-Policy: strict-origin` (a Referer holds
 * the origin only) and API responses `no-referrer`, both are `noindex`, no
 * code logs request URLs, and the workers redact `sleutel=` from every log
 * line (scripts/worker-preload.cjs).
 * Bearer clients of the JSON API use the bare secret (`editSecret`).
 */

export const EDIT_SECRET_PARAM = 'sleutel';

export function planReadPath(id: string): string {
  return `/plannen/${encodeURIComponent(id)}`;
}

export function planEditPath(id: string, secret: string): string {
  return `/plannen/${encodeURIComponent(id)}/bewerken?${EDIT_SECRET_PARAM}=${encodeURIComponent(secret)}`;
}

export function planApiPath(id: string): string {
  return `/api/plannen/${encodeURIComponent(id)}`;
}

export function planExportPath(id: string, format: 'csv' | 'xlsx'): string {
  return `${planApiPath(id)}/export.${format}`;
}
