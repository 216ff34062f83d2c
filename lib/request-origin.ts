/**
 * The origin (scheme://host) to put in front of links the user copies, such
 * as a plan's edit link. APP_URL wins when set (the public address behind a
 * proxy); otherwise the request's own Host, with the proxy's
 * X-Forwarded-Proto/-Host when present. A forged Host only changes the link
 * shown to the same person who sent it.
 */
export function requestOrigin(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const configured = env.APP_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through to the request's host
    }
  }
  const host = (headers.get('x-forwarded-host') ?? headers.get('host') ?? '').split(',')[0]?.trim() ?? '';
  const proto = (headers.get('x-forwarded-proto') ?? 'http').split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  if (!/^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/.test(host)) return '';
  return `${proto}://${host}`;
}
