'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { shareUrl } from '@/lib/share-url';

const subscribe = () => () => {};

type Props = {
  /** What to link to, relative to the page's canonical URL: a path, "#fragment", or nothing for the page itself. */
  href?: string;
  /** Accessible name when a page has several buttons ("Kopieer link naar …"); it starts with the visible text. */
  name?: string;
  className?: string;
};

/**
 * "Kopieer link": copies the canonical absolute URL of what is in view. Only
 * with JavaScript (the clipboard needs it); without it nothing is rendered
 * and the address bar does the job. When the browser refuses the clipboard,
 * the link is shown selected in a field to copy by hand.
 */
export function CopyLinkButton({ href, name, className = '' }: Props) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState<string>();
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => field.current?.select(), [manual]);
  useEffect(() => {
    if (status !== 'Link gekopieerd') return;
    // Cleared after a while, so a second copy is announced again.
    const timer = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  if (!hydrated) return null;

  async function copy() {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    const url = shareUrl(href, canonical, window.location.href);
    try {
      await navigator.clipboard.writeText(url);
      setManual(undefined);
      setStatus('Link gekopieerd');
    } catch {
      // Refused (permissions, an insecure context, an old browser): copy by hand.
      setManual(url);
      setStatus('Kopiëren lukte niet. De link staat geselecteerd in het veld: kopieer hem met Ctrl+C (Cmd+C op een Mac).');
    }
  }

  return (
    <span className={`no-print inline-flex flex-wrap items-center gap-x-2 gap-y-1 ${className}`}>
      <button
        type="button"
        onClick={copy}
        aria-label={name}
        className="rounded border-2 border-brand-700 bg-white px-2.5 py-0.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
      >
        Kopieer link
      </button>
      {manual && (
        <input
          ref={field}
          readOnly
          value={manual}
          aria-label="Link om te kopiëren"
          onFocus={(e) => e.currentTarget.select()}
          className="w-72 max-w-full rounded border border-gray-500 px-2 py-0.5 font-mono text-sm"
        />
      )}
      {/* aria-live, not role="status": a page may have many of these buttons, and its own status message. */}
      <span aria-live="polite" className="text-sm">
        {status}
      </span>
    </span>
  );
}
