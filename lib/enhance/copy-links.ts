import { shareUrl } from '@/lib/share-url';

const COPIED = 'Link gekopieerd';
const REFUSED = 'Kopiëren lukte niet. De link staat geselecteerd in het veld: kopieer hem met Ctrl+C (Cmd+C op een Mac).';

/**
 * Makes every "Kopieer link" button (components/copy-link-button.tsx) work:
 * shows them (`data-js` on <html>, see app/globals.css) and handles their
 * clicks with one listener on the document.
 */
export function installCopyLinks(): void {
  document.documentElement.dataset.js = '';
  const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

  async function onClick(event: MouseEvent) {
    const button = event.target instanceof Element ? event.target.closest('[data-copy-link] > button') : null;
    const root = button?.parentElement;
    if (!root) return;
    const field = root.querySelector('input');
    const status = root.querySelector('[aria-live]');
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    const url = shareUrl(root.getAttribute('data-copy-link') ?? '', canonical, window.location.href);
    clearTimeout(timers.get(root));
    try {
      await navigator.clipboard.writeText(url);
      if (field) field.hidden = true;
      // Cleared after a while, so a second copy is announced again.
      if (status) status.textContent = COPIED;
      timers.set(root, setTimeout(() => status?.textContent === COPIED && (status.textContent = ''), 4000));
    } catch {
      // Refused (permissions, an insecure context, an old browser): copy by hand.
      if (field) {
        field.value = url;
        field.hidden = false;
        field.focus();
        field.select();
      }
      if (status) status.textContent = REFUSED;
    }
  }

  // The field selects its whole link again when it gets focus.
  function onFocus(event: FocusEvent) {
    if (event.target instanceof HTMLInputElement && event.target.matches('[data-copy-link] > input')) event.target.select();
  }

  document.addEventListener('click', onClick);
  document.addEventListener('focusin', onFocus);
}
