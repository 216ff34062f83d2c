import { EDIT_SECRET_PARAM } from '@/lib/plans/urls';

/** Where regional plans live; the same link scheme as municipal plans (lib/plans/urls.ts). */
export function regionReadPath(id: string): string {
  return `/regio/${encodeURIComponent(id)}`;
}

export function regionEditPath(id: string, secret: string): string {
  return `/regio/${encodeURIComponent(id)}/bewerken?${EDIT_SECRET_PARAM}=${encodeURIComponent(secret)}`;
}

export function regionApiPath(id: string): string {
  return `/api/regio/${encodeURIComponent(id)}`;
}

export function regionExportPath(id: string, format: 'csv' | 'xlsx'): string {
  return `${regionApiPath(id)}/export.${format}`;
}

/**
 * A municipal plan's edit link, pasted by a member for the hand-off: the full
 * URL, the path, or "…/plannen/<id>/bewerken?sleutel=<secret>" copied from
 * anywhere. Null when it is not such a link.
 */
export function parsePlanEditLink(text: string): { planId: string; secret: string } | null {
  const t = text.trim();
  const m = /\/plannen\/([A-Za-z0-9_-]{1,128})\/bewerken\?(?:[^#]*&)?sleutel=([A-Za-z0-9_-]{1,128})(?:[&#].*)?$/.exec(t);
  return m?.[1] && m[2] ? { planId: m[1], secret: m[2] } : null;
}

/**
 * The regional plan a pasted link points at, for a municipality that links its
 * plan (issue 9: pull). Takes the read link (`/regio/<id>` or a full URL), the
 * API address (`/api/regio/<id>`), an export link, or the bare id. An edit link
 * also names the plan, but only its id is used: the secret is never read, kept
 * or needed. Null when the text names no regional plan.
 */
export function parseRegionReadLink(text: string): string | null {
  const t = text.trim();
  if (/^[A-Za-z0-9_-]{16,128}$/.test(t)) return t;
  const m = /(?:^|\/)regio\/([A-Za-z0-9_-]{1,128})(?:[/?#].*)?$/.exec(t);
  const id = m?.[1];
  return id && id !== 'nieuw' ? id : null;
}
