type Props = {
  /** What to link to, relative to the page's canonical URL: a path, "#fragment", or nothing for the page itself. */
  href?: string;
  /** Accessible name when a page has several buttons ("Kopieer link naar …"); it starts with the visible text. */
  name?: string;
  className?: string;
};

/**
 * "Kopieer link": copies the canonical absolute URL of what is in view. Only
 * with JavaScript (the clipboard needs it): hidden by CSS until
 * components/copy-links.tsx, one listener for every button on the page, marks
 * the document as scripted; without JavaScript the address bar does the job.
 * When the browser refuses the clipboard, the link is shown selected in the
 * field to copy by hand.
 *
 * A server component, not one client component per button: /knelpunten has
 * one per knelpunt, and each island would be hydrated on every page load
 * (README, decisions: where the time went).
 */
export function CopyLinkButton({ href, name, className = '' }: Props) {
  return (
    <span data-copy-link={href ?? ''} className={`copy-link no-print flex-wrap items-center gap-x-2 gap-y-1 ${className}`}>
      <button
        type="button"
        aria-label={name}
        className="rounded border-2 border-brand-700 bg-white px-2.5 py-0.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
      >
        Kopieer link
      </button>
      <input
        hidden
        readOnly
        aria-label="Link om te kopiëren"
        className="w-72 max-w-full rounded border border-gray-500 px-2 py-0.5 font-mono text-sm"
      />
      {/* aria-live, not role="status": a page may have many of these buttons, and its own status message. */}
      <span aria-live="polite" className="text-sm" />
    </span>
  );
}
