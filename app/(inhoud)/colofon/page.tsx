import { SitePage, sitePageMetadata } from '@/components/site-page';
import { getCatalog } from '@/lib/content';
import { formatDatering } from '@/lib/content/validity';

export const metadata = sitePageMetadata('colofon');

/** The colofon, with the list of source documents straight from content/documenten.yaml. */
export default function ColofonPage() {
  const { documenten } = getCatalog();
  return (
    <SitePage id="colofon">
      <section id="brondocumenten" aria-labelledby="brondocumenten-kop" className="mt-8 scroll-mt-4">
        <h2 id="brondocumenten-kop" className="nl-heading nl-heading--level-2">
          Brondocumenten
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {documenten.map((d) => (
            <li key={d.bestand}>
              {d.titel}
              {d.uitgever && <> ({d.uitgever})</>}, {formatDatering(d.datering)}
            </li>
          ))}
        </ul>
      </section>
    </SitePage>
  );
}
