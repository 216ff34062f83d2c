import type { ReactNode } from 'react';

export function PageHeader({ title, intro, eyebrow }: { title: string; intro?: ReactNode; eyebrow?: string }) {
  return (
    <div className="mb-6">
      {eyebrow && <p className="text-sm font-medium uppercase tracking-wide text-muted">{eyebrow}</p>}
      <h1 className="nl-heading nl-heading--level-1">{title}</h1>
      {intro && <div className="mt-2 max-w-3xl text-lg">{intro}</div>}
    </div>
  );
}
