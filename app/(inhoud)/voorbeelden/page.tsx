import { PageHeader } from '@/components/page-header';
import { getCatalog } from '@/lib/content';
import { fixedPage } from '@/lib/content/page-titles';
import { metadataFor } from '@/lib/site';

export const metadata = metadataFor(fixedPage('/voorbeelden'));

export default function VoorbeeldenPage() {
  const c = getCatalog();
  return (
    <>
      <PageHeader
        title="Voorbeelden"
        intro={<p>Hoe gemeenten en regio’s hun aanpak Kansrijke Start financieren, uit de bijlage bij de wegwijzer.</p>}
      />
      <ul className="grid gap-4 sm:grid-cols-2">
        {c.voorbeelden.map((v) => (
          <li key={v.slug} className="rounded border border-gray-300 p-4">
            <a href={`/voorbeelden/${v.slug}`} className="text-lg font-semibold text-brand-700 underline">
              {v.naam}
            </a>
            <p className="text-sm text-muted">
              {v.schaal === 'regionaal' ? 'Regionaal' : 'Lokaal'} · {v.plaats}
            </p>
            <p className="mt-2">{v.samenvatting}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
