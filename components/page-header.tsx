import type { ReactNode } from 'react';

/** A page's heading block. `actions` (e.g. "Kopieer link") sit beside the title, wrapping below it on narrow screens. */
export function PageHeader({ title, intro, eyebrow, actions }: { title: string; intro?: ReactNode; eyebrow?: string; actions?: ReactNode }) {
  const heading = <h1 className="nl-heading nl-heading--level-1">{title}</h1>;
  return (
    <div className="mb-6">
      {eyebrow && <p className="text-sm font-medium uppercase tracking-wide text-muted">{eyebrow}</p>}
      {actions ? (
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {intro && <div className="mt-2 max-w-3xl text-lg">{intro}</div>}
    </div>
  );
}
