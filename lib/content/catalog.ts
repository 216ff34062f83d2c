import type { RawContent } from './files';
import type {
  Actueel,
  Document,
  Fase,
  Financieringsbron,
  Financieringsvorm,
  Gesprekspartner,
  Interventie,
  Knelpunt,
  Kostensoort,
  Niveau,
  Pagina,
  SiteTekst,
  Taak,
  Tekst,
  Voorbeeld,
  Vraag,
  Wet,
} from './schema';

function byKey<T>(items: T[], key: (item: T) => string): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/**
 * Validated content with lookups. Pure data: built from RawContent, so unit
 * tests can build one from fixtures without touching the file system.
 */
export type Catalog = ReturnType<typeof buildCatalog>;

export function buildCatalog(raw: RawContent) {
  const maps = {
    documenten: byKey<Document>(raw.documenten, (d) => d.bestand),
    wetten: byKey<Wet>(raw.wetten, (w) => w.slug),
    niveaus: byKey<Niveau>(raw.niveaus, (n) => n.slug),
    fasen: byKey<Fase>(raw.fasen, (f) => f.slug),
    taken: byKey<Taak>(raw.taken, (t) => t.id),
    gesprekspartners: byKey<Gesprekspartner>(raw.gesprekspartners, (g) => g.id),
    kostensoorten: byKey<Kostensoort>(raw.kostensoorten, (k) => k.slug),
    financieringsvormen: byKey<Financieringsvorm>(raw.financieringsvormen, (f) => f.slug),
    financieringsbronnen: byKey<Financieringsbron>(raw.financieringsbronnen, (b) => b.slug),
    interventies: byKey<Interventie>(raw.interventies, (i) => i.slug),
    knelpunten: byKey<Knelpunt>(raw.knelpunten, (k) => k.slug),
    voorbeelden: byKey<Voorbeeld>(raw.voorbeelden, (v) => v.slug),
    vragen: byKey<Vraag>(raw.vragen, (v) => v.id),
    actueel: byKey<Actueel>(raw.actueel, (a) => a.id),
    teksten: byKey<Tekst>(raw.teksten, (t) => t.id),
    paginas: byKey<Pagina>(raw.paginas, (p) => p.id),
    site: byKey<SiteTekst>(raw.site, (t) => t.id),
  };
  return { ...raw, by: maps };
}

/** Looks up items by id in content order, skipping none (ids are validated). */
export function pick<T>(map: ReadonlyMap<string, T>, ids: readonly string[]): T[] {
  return ids.flatMap((id) => {
    const item = map.get(id);
    return item ? [item] : [];
  });
}
