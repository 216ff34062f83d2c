'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * "Afdrukken" as a list item of a page's links. The button needs JavaScript
 * (window.print), so without it the item says how to print with the browser.
 */
export function PrintButton() {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  if (!hydrated) return <li className="text-muted">Afdrukken of als pdf bewaren: gebruik Afdrukken in uw browser (Ctrl+P).</li>;
  return (
    <li>
      <button
        type="button"
        onClick={() => window.print()}
        className="nl-button nl-button--secondary"
      >
        Afdrukken
      </button>{' '}
      <span className="text-sm text-muted">(of als pdf bewaren)</span>
    </li>
  );
}
