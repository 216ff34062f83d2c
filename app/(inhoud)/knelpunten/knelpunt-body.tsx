import type { ReactNode } from 'react';
import { Citations } from '@/components/citations';
import { Interpretation } from '@/components/interpretation';
import { pick, type Catalog } from '@/lib/content/catalog';
import type { Knelpunt } from '@/lib/content/schema';

/**
 * A knelpunt's text, on the list (/knelpunten, under an h3 per knelpunt) and on its own page (under the h1):
 * problem, solutions, actions, then `facts` (the table on its own page, a link to it on the list), laws and
 * phases, related pages, our interpretation and the source. Styles in app/globals.css (.knelpunt).
 */
export function KnelpuntBody({ k, c, heading: H, facts }: { k: Knelpunt; c: Catalog; heading: 'h2' | 'h4'; facts?: ReactNode }) {
  const related = [
    ...pick(c.by.interventies, k.interventies).map((i) => ({ href: `/interventies/${i.slug}`, label: i.naam })),
    ...pick(c.by.financieringsbronnen, k.financieringsbronnen).map((b) => ({ href: `/bronnen/${b.slug}`, label: b.naam })),
  ];
  const meta = [
    k.wetten.length > 0 && `Wetten: ${pick(c.by.wetten, k.wetten).map((w) => w.korteNaam).join(', ')}`,
    k.fasen.length > 0 && `Fasen: ${pick(c.by.fasen, k.fasen).map((f) => f.naam).join(', ')}`,
  ].filter(Boolean);
  return (
    <>
      <H>Probleem</H>
      <p>{k.probleem}</p>
      <H>Oplossingen</H>
      <ul>
        {k.oplossingen.map((o, i) => (
          <li key={i}>{o}</li>
        ))}
      </ul>
      {k.acties.length > 0 && (
        <>
          <H>Acties (2020)</H>
          <ul>
            {k.acties.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {facts}
      {meta.length > 0 && <p className="knelpunt-meta">{meta.join(' · ')}</p>}
      {related.length > 0 && (
        <p className="knelpunt-meta">
          Zie ook:{' '}
          {related.flatMap((l, i) => [
            i > 0 ? ', ' : null,
            <a key={l.href} href={l.href}>
              {l.label}
            </a>,
          ])}
        </p>
      )}
      {k.interpretatie && <Interpretation className="mt-2">{k.interpretatie}</Interpretation>}
      <Citations bron={k.bron} className="mt-2" />
    </>
  );
}
