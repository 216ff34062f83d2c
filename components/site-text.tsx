import { Fragment, type ReactNode } from 'react';
import { getCatalog } from '@/lib/content';
import { contentDate } from '@/lib/content/content-date';
import { formatPeildatum } from '@/lib/content/labels';
import { INLINE_LINK, SITE_PLACEHOLDERS, type SitePlaceholder } from '@/lib/content/schema';
import { siteContactEmail, siteOwner } from '@/lib/site';

export type SiteValues = Record<SitePlaceholder, ReactNode>;

const PLACEHOLDER = new RegExp(`\\{(${SITE_PLACEHOLDERS.join('|')})\\}`, 'g');

function withPlaceholders(text: string, values: Partial<SiteValues>, keyBase: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    out.push(<Fragment key={`${keyBase}-${at}`}>{values[m[1] as SitePlaceholder] ?? null}</Fragment>);
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/**
 * Text from content/paginas.yaml and content/site.yaml: `[tekst](/pad)` becomes
 * a link, `{eigenaar}`, `{contact}` and `{inhoudsdatum}` are filled in. The
 * schema has already refused any other syntax (lib/content/schema.ts).
 */
export function SiteText({ text, values = {} }: { text: string; values?: Partial<SiteValues> }) {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE_LINK)) {
    const at = m.index ?? 0;
    if (at > last) out.push(...withPlaceholders(text.slice(last, at), values, `t${at}`));
    const [, label = '', href = ''] = m;
    out.push(
      href.startsWith('/') ? (
        <a key={`l${at}`} href={href} className="nl-link">
          {label}
        </a>
      ) : (
        <a key={`l${at}`} href={href} className="nl-link">
          {label}
        </a>
      ),
    );
    last = at + m[0].length;
  }
  if (last < text.length) out.push(...withPlaceholders(text.slice(last), values, 'end'));
  return <>{out}</>;
}

/** The site text `id` from content/site.yaml (its ids are required by the content check). */
export function siteTekst(id: string): string {
  return getCatalog().by.site.get(id)?.tekst ?? '';
}

/** What the placeholders stand for in this deployment: the owner and contact it set, or the honest fallback. */
export function siteValues(): SiteValues {
  const owner = siteOwner();
  const email = siteContactEmail();
  const date = contentDate(getCatalog());
  return {
    eigenaar: owner ?? <SiteText text={siteTekst('eigenaar-onbekend')} />,
    contact: email ? (
      <a href={`mailto:${email}`} className="nl-link">
        {email}
      </a>
    ) : (
      <SiteText text={siteTekst('contact-onbekend')} />
    ),
    inhoudsdatum: date ? <time dateTime={date}>{formatPeildatum(date)}</time> : null,
  };
}
