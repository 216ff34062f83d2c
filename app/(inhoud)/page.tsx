import { getCatalog } from '@/lib/content';
import { pageMetadata, SITE_DESCRIPTION, SITE_NAME } from '@/lib/site';
import { wegwijzerHref } from '@/lib/wegwijzer-url';

export const metadata = { ...pageMetadata(SITE_NAME, SITE_DESCRIPTION, '/'), title: { absolute: SITE_NAME } };

export default function HomePage() {
  const c = getCatalog();
  const entries = [
    { href: '/wegwijzer', title: 'Wegwijzer', text: 'De matrix van wetten en preventieniveaus: taken, wie betaalt, met wie u praat en welke financieringsbronnen passen.' },
    { href: '/bronnen', title: 'Financieringsbronnen', text: `${c.financieringsbronnen.length} geldbronnen: van gemeentelijke budgetten tot SPUK, zorgverzekeraar, provincie en fondsen.` },
    { href: '/interventies', title: 'Interventies', text: `${c.interventies.length} interventies en wat de bronnen zeggen over hun financiering.` },
    { href: '/knelpunten', title: 'Knelpunten', text: `${c.knelpunten.length} bekende knelpunten in de financiering, met oplossingen.` },
    { href: '/voorbeelden', title: 'Voorbeelden', text: 'Hoe Den Haag, Smallingerland, Gelderland-Midden en Zuid-Limburg hun aanpak financieren.' },
    { href: '/plannen/nieuw', title: 'Financieringsplan', text: 'Zet behoefte en geldbronnen per kostensoort en jaar op een rij, zie het tekort en deel het plan met een link.' },
    { href: '/regio/nieuw', title: 'Regionaal plan', text: 'Verdeel gedeelde kosten naar rato over de gemeenten van een regio, zoals Gelderland-Midden, en neem elk aandeel over in het eigen financieringsplan.' },
  ];
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{SITE_NAME}</h1>
      <p className="mt-3 max-w-3xl text-lg">
        Een Kansrijke Start voor ieder kind vraagt om samenwerking tussen het medisch en sociaal domein, en om geld uit veel
        potjes tegelijk: gemeentelijke wetten, de zorgverzekering en tijdelijke landelijke middelen. Deze wegwijzer helpt
        beleidsmedewerkers en coalitiecoördinatoren om die financiering te vinden en te combineren.
      </p>

      {/* A plain GET form: no JavaScript needed, and the results page is a link to share. */}
      <form action="/wegwijzer" method="get" role="search" aria-label="Zoeken in de wegwijzer" className="mt-6 max-w-xl">
        <label htmlFor="home-q" className="block font-medium">
          Zoek in wetten, geldbronnen, interventies, knelpunten en voorbeelden
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="home-q"
            name="q"
            type="search"
            required
            maxLength={200}
            placeholder="bijv. prenataal huisbezoek"
            className="min-w-0 flex-1 rounded border border-gray-500 bg-white px-2 py-1.5"
          />
          <button type="submit" className="shrink-0 rounded bg-brand-700 px-4 py-1.5 font-medium text-white hover:bg-brand-800">
            Zoeken
          </button>
        </div>
      </form>

      <h2 className="mt-8 text-xl font-semibold text-brand-800">Drie vragen waar de wegwijzer mee helpt</h2>
      <ol className="mt-2 list-decimal space-y-2 pl-6">
        {c.vragen.map((v) => (
          <li key={v.id}>
            <strong>{v.vraag}</strong> <span className="text-muted">{v.toelichting}</span>
          </li>
        ))}
      </ol>

      <h2 className="mt-8 text-xl font-semibold text-brand-800">Aan de slag</h2>
      <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {entries.map((e) => (
          <li key={e.href} className="rounded border border-gray-300 p-4">
            <a href={e.href} className="text-lg font-semibold text-brand-700 underline">
              {e.title}
            </a>
            <p className="mt-1">{e.text}</p>
          </li>
        ))}
      </ul>

      <h2 className="mt-8 text-xl font-semibold text-brand-800">Direct naar een wet</h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {c.wetten.map((w) => (
          <li key={w.slug}>
            <a href={wegwijzerHref({ wet: w.slug }, {}, '#detail')} className="inline-block rounded border border-brand-700 px-3 py-1 text-brand-700 hover:bg-brand-50">
              {w.naam}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
