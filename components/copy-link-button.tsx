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
 * lib/enhance/copy-links.ts, one listener for every button on the page in the
 * content pages' own script, marks the document as scripted; without
 * JavaScript the address bar does the job.
 * When the browser refuses the clipboard, the link is shown selected in the
 * field to copy by hand.
 *
 * Plain markup, not a client component per button: content pages are served
 * without Next's scripts (README, decisions).
 */
export function CopyLinkButton({ href, name, className = '' }: Props) {
  return (
    <span data-copy-link={href ?? ''} className={`copy-link no-print ${className}`}>
      {/* Styles in app/globals.css (.copy-link): /knelpunten has one per knelpunt, each in its inline RSC data. */}
      <button type="button" aria-label={name}>
        Kopieer link
      </button>
      <input hidden readOnly aria-label="Link om te kopiëren" />
      {/* aria-live, not role="status": a page may have many of these buttons, and its own status message. */}
      <span aria-live="polite" />
    </span>
  );
}
