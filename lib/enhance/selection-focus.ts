import { DETAIL_HEADING_ID, SELECT_ATTRIBUTE } from '@/lib/wegwijzer-url';

/** What a click on a matrix link leaves for the page it loads (sessionStorage: this tab only). */
const PENDING_KEY = 'kansrijke-start:wegwijzer-keuze';

type Pending = { url: string; scrollY: number };

/**
 * The wegwijzer's focus move. Its matrix links (app/(inhoud)/wegwijzer/select-link.tsx)
 * end in `#detail`, so without JavaScript the browser jumps to the detail.
 * With JavaScript a click loads the link without that fragment, remembering
 * where the page was scrolled; the new page scrolls back there and moves focus
 * to the detail's heading, scrolling it into view only when it is not (beside
 * the matrix on wide screens it already is). So choosing a cell keeps the
 * matrix where the user had it, as a client-side navigation would, on a page
 * that loads no framework (README, decisions: content pages without the
 * framework's scripts).
 *
 * Reloads and Back/Forward do not move focus: only the page a click loaded.
 */
export function installSelectionFocus(): void {
  document.addEventListener('click', onClick);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resume, { once: true });
  else resume();
}

function onClick(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest(`a[${SELECT_ATTRIBUTE}]`) : null;
  if (!(link instanceof HTMLAnchorElement)) return;
  const url = new URL(link.href);
  url.hash = '';
  const pending: Pending = { url: url.href, scrollY: Math.round(window.scrollY) };
  try {
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  } catch {
    return; // No storage (private mode, disabled): the link jumps to #detail as without JavaScript.
  }
  event.preventDefault();
  window.location.assign(url.href);
}

function resume() {
  let raw: string | null;
  try {
    raw = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
  } catch {
    return;
  }
  const pending = parsePending(raw);
  if (!pending) return;
  const here = new URL(window.location.href);
  here.hash = '';
  if (pending.url !== here.href) return;
  const navigation = performance.getEntriesByType('navigation')[0];
  if (navigation instanceof PerformanceNavigationTiming && navigation.type !== 'navigate') return;
  window.scrollTo(0, pending.scrollY);
  focusHeading(DETAIL_HEADING_ID);
}

/** Storage is shared by every page of this origin in the tab: read it as untrusted. */
export function parsePending(raw: string | null): Pending | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { url, scrollY } = value as Record<string, unknown>;
    if (typeof url !== 'string' || typeof scrollY !== 'number' || !Number.isFinite(scrollY) || scrollY < 0) return null;
    return { url, scrollY };
  } catch {
    return null;
  }
}

function focusHeading(id: string) {
  const heading = document.getElementById(id);
  if (!heading) return;
  const { top, bottom } = heading.getBoundingClientRect();
  if (top < 0 || bottom > window.innerHeight) heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}
