'use client';

import { useState, useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * A link as selectable text plus a copy button. The button only appears once
 * JavaScript runs (without it, the text is there to select and copy by hand).
 */
export function CopyLink({ url, buttonLabel, id }: { url: string; buttonLabel: string; id: string }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const [status, setStatus] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Gekopieerd.');
    } catch {
      // Clipboard refused (permissions, http): select the text so Ctrl+C works.
      const el = document.getElementById(id);
      const selection = window.getSelection();
      if (el && selection) {
        selection.selectAllChildren(el);
        setStatus('Kopiëren lukte niet automatisch; de link is geselecteerd, kopieer hem met Ctrl+C.');
      }
    }
  }

  return (
    <div className="mt-1 flex flex-wrap items-start gap-2">
      <code id={id} className="block min-w-0 flex-1 rounded border border-gray-500 bg-gray-50 px-2 py-1.5 font-mono text-sm break-all select-all">
        {url}
      </code>
      {hydrated && (
        <button type="button" onClick={copy} className="rounded border-2 border-brand-700 bg-white px-3 py-1 font-medium text-brand-700 hover:bg-brand-50">
          {buttonLabel}
        </button>
      )}
      <p role="status" className="w-full text-sm">
        {status}
      </p>
    </div>
  );
}
