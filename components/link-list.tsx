
export type LinkItem = { key: string; href: string; label: string };

/** A titled list of links to related items; renders nothing when empty. */
export function LinkListSection({ id, title, items }: { id: string; title: string; items: LinkItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-6">
      <h2 id={id} className="text-xl font-semibold text-brand-800">
        {title}
      </h2>
      <ul className="mt-2 list-disc pl-5">
        {items.map((it) => (
          <li key={it.key}>
            <a href={it.href} className="text-brand-700 underline">
              {it.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
