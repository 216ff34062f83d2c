import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on small screens. The scroll area is a
 * focusable, named region, so keyboard users can scroll it too (WCAG 2.1.1;
 * axe "scrollable-region-focusable").
 *
 * `relative`: screen-reader-only text in the table (`sr-only` is absolutely
 * positioned) must be positioned inside this scroll area; otherwise it is
 * placed against the page and makes the whole page scroll sideways on a phone.
 *
 * The hint shows only when the table is wider than its area (a scroll-state
 * container query, app/globals.css; browsers without it show the hint on
 * every small screen).
 */
export function TableScroll({
  label,
  children,
  className = '',
  hint = 'Scroll opzij voor de hele tabel',
}: {
  label: string;
  children: ReactNode;
  className?: string;
  hint?: string;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`table-scroll relative overflow-x-auto focus-visible:outline-[3px] print:overflow-visible ${className}`}>
      <p className="table-scroll-hint mb-1 text-sm text-muted">
        {hint} <span aria-hidden="true">→</span>
      </p>
      {children}
    </div>
  );
}
