import type { ContentProblem } from './errors';
import { firstDayOf, isoToday } from './days';
import { contentFiles, type CollectionName, type RawContent } from './files';

/**
 * Ids the app itself relies on (URLs, the matrix layout, the funding plan).
 * Fixed by the issue; content may add to wetten but not rename these.
 */
export const REQUIRED_IDS: Partial<Record<CollectionName, readonly string[]>> = {
  wetten: ['jeugdwet', 'wpg', 'participatiewet', 'wmo', 'zvw', 'overig'],
  niveaus: ['universeel', 'selectief', 'geindiceerd'],
  fasen: ['voor-de-zwangerschap', 'tijdens-de-zwangerschap', 'na-de-geboorte'],
  kostensoorten: ['interventies', 'voorinvesteringen', 'proceskosten', 'maatwerkbudget'],
  financieringsvormen: ['voorfinanciering', 'borging'],
  voorbeelden: ['den-haag', 'smallingerland', 'gelderland-midden', 'zuid-limburg'],
  vragen: ['opgave', 'taken', 'gesprek'],
  teksten: ['melding-wegwijzer', 'melding-wetten', 'melding-voorbeelden', 'wie-betaalt'],
  // Routes (/toegankelijkheid, /privacy, /colofon) and the footer.
  paginas: ['toegankelijkheid', 'privacy', 'colofon'],
  site: ['voettekst', 'eigenaar-onbekend', 'contact-onbekend'],
};

/** The key that identifies an item of each collection. */
export function idOf(item: object): string {
  const rec = item as Record<string, unknown>;
  const id = rec.slug ?? rec.id ?? rec.bestand;
  return typeof id === 'string' ? id : '';
}

/** Which collection each referencing field points into. */
const REFERENCE_FIELDS: Partial<Record<CollectionName, Record<string, CollectionName>>> = {
  wetten: { gesprekspartners: 'gesprekspartners' },
  taken: { wet: 'wetten', niveaus: 'niveaus', fasen: 'fasen' },
  financieringsbronnen: {
    wetten: 'wetten',
    niveaus: 'niveaus',
    kostensoorten: 'kostensoorten',
    gesprekspartners: 'gesprekspartners',
  },
  interventies: { wetten: 'wetten', niveaus: 'niveaus', fasen: 'fasen', financieringsbronnen: 'financieringsbronnen' },
  knelpunten: {
    wetten: 'wetten',
    niveaus: 'niveaus',
    fasen: 'fasen',
    financieringsbronnen: 'financieringsbronnen',
    interventies: 'interventies',
  },
  voorbeelden: { interventies: 'interventies' },
  actueel: { financieringsbronnen: 'financieringsbronnen' },
  teksten: { documenten: 'documenten' },
};

/** References inside a single nested object: [field of item, field of that object, target]. */
const OBJECT_REFERENCES: Partial<Record<CollectionName, [string, string, CollectionName][]>> = {
  financieringsbronnen: [['geldigheid', 'opvolger', 'financieringsbronnen']],
  interventies: [
    ['hoofdroute', 'wet', 'wetten'],
    ['hoofdroute', 'niveau', 'niveaus'],
    ['hoofdroute', 'financieringsbronnen', 'financieringsbronnen'],
  ],
};

/** Nested references: [field of item, field of each element, target]. */
const NESTED_REFERENCES: Partial<Record<CollectionName, [string, string, CollectionName][]>> = {
  voorbeelden: [
    ['financieringsmix', 'financieringsbron', 'financieringsbronnen'],
    ['financieringsmix', 'financieringsvorm', 'financieringsvormen'],
    ['cellen', 'wet', 'wetten'],
    ['cellen', 'niveau', 'niveaus'],
  ],
};

/** Finds every citation (an element of a `bron` list) anywhere inside a value. */
function* citations(value: unknown, path: string): Generator<{ path: string; document: unknown }> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* citations(v, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const p = path ? `${path}.${key}` : key;
      if (key === 'bron' && Array.isArray(v)) {
        for (const [i, c] of v.entries()) yield { path: `${p}[${i}].document`, document: (c as { document?: unknown }).document };
      } else {
        yield* citations(v, p);
      }
    }
  }
}

/**
 * Dates that say when something held or was written: none may lie in the
 * future (a peildatum is a date we looked at, not a forecast). Validity ends
 * (geldigheid.tot/bekendTot) are not peildata and may lie ahead.
 */
function* peildata(value: unknown, path: string): Generator<{ path: string; date: string }> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* peildata(v, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const p = path ? `${path}.${key}` : key;
      if (key === 'geldigheid') {
        yield* peildata((v as { bron?: unknown }).bron, `${p}.bron`);
      } else if ((key === 'peildatum' || key === 'datum') && typeof v === 'string') {
        yield { path: p, date: v };
      } else {
        yield* peildata(v, p);
      }
    }
  }
}

/** "niet gevonden" in a fact's value must be marked, and a fact that was not found has no amount. */
const NOT_FOUND = /\bniet gevonden\b/i;

function factProblems(item: object, head: string, file: string): ContentProblem[] {
  const feiten = (item as { feiten?: unknown }).feiten;
  if (!Array.isArray(feiten)) return [];
  const problems: ContentProblem[] = [];
  feiten.forEach((f: { waarde?: unknown; bedrag?: unknown; nietGevonden?: unknown; zekerheid?: unknown }, i) => {
    const at = `${head}.feiten[${i}]`;
    const saysNotFound = typeof f.waarde === 'string' && NOT_FOUND.test(f.waarde);
    if (f.nietGevonden && f.bedrag !== undefined) {
      problems.push({ file, path: `${at}.bedrag`, message: 'een feit dat niet gevonden is, heeft geen bedrag' });
    }
    if (f.nietGevonden && !saysNotFound) {
      problems.push({ file, path: `${at}.waarde`, message: 'een feit met nietGevonden: true zegt in de waarde "niet gevonden"' });
    }
    if (!f.nietGevonden && f.zekerheid === undefined) {
      problems.push({ file, path: `${at}.zekerheid`, message: 'noem de zekerheid: autoriteit, gemeente-nieuws of afgeleid' });
    }
    if (saysNotFound && !f.nietGevonden) {
      problems.push({ file, path: `${at}.nietGevonden`, message: 'de waarde zegt "niet gevonden": zet nietGevonden: true, zodat het niet als bedrag of feit getoond wordt' });
    }
  });
  return problems;
}

/**
 * An intervention's main route must be one of its own: its law and level
 * among the intervention's, its funding sources among the intervention's, and
 * its payer the payer of at least one of those sources (when it names any).
 */
function hoofdrouteProblems(content: RawContent, broken: ReadonlySet<CollectionName>): ContentProblem[] {
  if (broken.has('interventies')) return [];
  const file = contentFiles.interventies.file;
  const payerOf = new Map(content.financieringsbronnen.map((b) => [b.slug, b.betaler]));
  const problems: ContentProblem[] = [];
  content.interventies.forEach((i, n) => {
    const h = i.hoofdroute;
    const at = `[${n}] (${i.slug}).hoofdroute`;
    if (h.wet !== undefined && !i.wetten.includes(h.wet)) {
      problems.push({ file, path: `${at}.wet`, message: `"${h.wet}" staat niet in de wetten van deze interventie` });
    }
    if (h.niveau !== undefined && !i.niveaus.includes(h.niveau)) {
      problems.push({ file, path: `${at}.niveau`, message: `"${h.niveau}" staat niet in de niveaus van deze interventie` });
    }
    h.financieringsbronnen.forEach((b, j) => {
      if (!i.financieringsbronnen.includes(b)) {
        problems.push({ file, path: `${at}.financieringsbronnen[${j}]`, message: `"${b}" staat niet in de financieringsbronnen van deze interventie` });
      }
    });
    const payers = h.financieringsbronnen.flatMap((b) => payerOf.get(b) ?? []);
    if (h.betaler !== undefined && payers.length > 0 && !payers.includes(h.betaler) && !broken.has('financieringsbronnen')) {
      problems.push({ file, path: `${at}.betaler`, message: `"${h.betaler}" betaalt geen van de financieringsbronnen van de hoofdroute (${[...new Set(payers)].join(', ')})` });
    }
  });
  return problems;
}

/**
 * `broken` names collections whose file did not parse: references into them are
 * not reported again, so an editor sees each mistake once.
 */
export function crossReferenceProblems(
  content: RawContent,
  broken: ReadonlySet<CollectionName> = new Set(),
  today: string = isoToday(),
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = {} as Record<CollectionName, Set<string>>;

  for (const name of Object.keys(contentFiles) as CollectionName[]) {
    const { file } = contentFiles[name];
    const seen = new Set<string>();
    content[name].forEach((item, i) => {
      const id = idOf(item);
      if (seen.has(id)) problems.push({ file, path: `[${i}] (${id})`, message: `dubbele id "${id}"` });
      seen.add(id);
    });
    ids[name] = seen;
    if (broken.has(name)) continue;
    for (const required of REQUIRED_IDS[name] ?? []) {
      if (!seen.has(required)) problems.push({ file, path: '', message: `"${required}" ontbreekt; de app heeft dit item nodig` });
    }
  }

  const check = (name: CollectionName, path: string, value: unknown, target: CollectionName) => {
    if (value === undefined || broken.has(target)) return;
    const values = Array.isArray(value) ? value : [value];
    const seen = new Set<unknown>();
    values.forEach((v, j) => {
      const at = Array.isArray(value) ? `${path}[${j}]` : path;
      if (typeof v !== 'string' || !ids[target].has(v)) {
        problems.push({
          file: contentFiles[name].file,
          path: at,
          message: `onbekende verwijzing "${String(v)}": bestaat niet in content/${contentFiles[target].file}`,
        });
      }
      if (seen.has(v)) problems.push({ file: contentFiles[name].file, path: at, message: `"${String(v)}" staat er twee keer in` });
      seen.add(v);
    });
  };

  for (const name of Object.keys(contentFiles) as CollectionName[]) {
    const items = content[name] as object[];
    items.forEach((item, i) => {
      const rec = item as Record<string, unknown>;
      const head = `[${i}] (${idOf(item)})`;
      for (const [field, target] of Object.entries(REFERENCE_FIELDS[name] ?? {})) {
        check(name, `${head}.${field}`, rec[field], target);
      }
      for (const [field, sub, target] of NESTED_REFERENCES[name] ?? []) {
        const list = rec[field];
        if (!Array.isArray(list)) continue;
        list.forEach((el, j) => check(name, `${head}.${field}[${j}].${sub}`, (el as Record<string, unknown>)[sub], target));
      }
      for (const [field, sub, target] of OBJECT_REFERENCES[name] ?? []) {
        const obj = rec[field];
        if (obj && typeof obj === 'object') check(name, `${head}.${field}.${sub}`, (obj as Record<string, unknown>)[sub], target);
      }
      for (const d of peildata(item, '')) {
        if (firstDayOf(d.date) > today) {
          problems.push({ file: contentFiles[name].file, path: `${head}.${d.path}`, message: `datum "${d.date}" ligt in de toekomst; een peildatum is een datum waarop het feit gold` });
        }
      }
      problems.push(...factProblems(item, head, contentFiles[name].file));
      if (name !== 'documenten' && !broken.has('documenten')) {
        for (const c of citations(item, '')) {
          if (typeof c.document !== 'string' || !ids.documenten.has(c.document)) {
            problems.push({
              file: contentFiles[name].file,
              path: `${head}.${c.path}`,
              message: `onbekend brondocument "${String(c.document)}": noem een bestand uit content/documenten.yaml`,
            });
          }
        }
      }
    });
  }
  problems.push(...hoofdrouteProblems(content, broken));
  return problems;
}
