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
