import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on small screens. The scroll area is a
 * focusable, named region, so keyboard users can scroll it too (WCAG 2.1.1;
 * axe "scrollable-region-focusable").
 */
export function TableScroll({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto focus-visible:outline-[3px] print:overflow-visible ${className}`}>
      {children}
    </div>
  );
}
