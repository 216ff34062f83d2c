import { z } from 'zod';
import { PLAN_LIMITS, always, field, objectError, readAmount, readInteger, requiredText, optionalText, unknownFieldMessage, yearField, yearRangeProblem, type Parsed } from '@/lib/plans/schema';
import { formatEuro } from '@/lib/money';
import { textProblem } from '@/lib/text-validation';
import { exactRegionTotal } from './calculate';
import { MAX_CHILDREN, MAX_MEMBERS, MAX_MEMBER_NAME, MAX_TRAJECTORIES, parseCount, parseMemberRows, parsePercentBp, parseTrajectoryGrid, splitList } from './paste';
import { SplitError, largestRemainder, weightsFor, type Member, type SplitKey } from './split';
import { amountsForYears, countsForYears, outsideRangeMessage, yearsOf, type YearAmount, type YearCounts } from './years';

/**
 * The one zod schema for a regional plan, used by the JSON API (POST and PUT
 * bodies), the Server Actions of /regio (form data, via lib/regions/form.ts)
 * and when a stored document is read back. Fields accept form strings
 * ("€ 12.500", "12,5", pasted member rows) and JSON values alike; every
 * problem gets a Dutch message on its own path ("sharedItems.2.amounts.1.amount").
 */

export const SPLIT_KEYS = ['kinderen-0-4', 'kinderen-0-18', 'gelijk', 'percentages'] as const satisfies readonly SplitKey[];
export const TRAJECTORY_BASES = ['historisch', 'percentage'] as const;
export type TrajectoryBasis = (typeof TRAJECTORY_BASES)[number];
export const TRAJECTORY_BASIS_LABEL: Record<TrajectoryBasis, string> = {
  historisch: 'Historisch gebruik (trajecten per gemeente per jaar)',
  percentage: 'Geadviseerd percentage van de kinderen van 0 tot 4 jaar',
};

export const REGION_LIMITS = {
  name: 120,
  description: 200,
  maxMembers: MAX_MEMBERS,
  /** Shared and trajectory items together. */
  maxItems: 100,
  maxTrajectoriesPerMember: MAX_TRAJECTORIES,
  /**
   * Members × cost items (shared and trajectory) × years: the number of
   * amounts the read and edit pages and the exports show per member and per
   * item. Bounded so no accepted document renders a page of more than a few
   * MB (a 59 KB body within every other limit once made a 31.9 MB read page).
   * Measured 2026-12-02: the read page takes ~350–520 bytes per cell (10,000
   * cells: 3.5 MB with shared items, 5.2 MB with trajectory items, 0.6–0.9 s
   * on the server under load), so 5,000 cells keep it at about 2.6 MB at most.
   */
  maxCells: 5_000,
  /**
   * The region's total over all years, in euros (€ 1 biljoen: more than the
   * national budget for all municipalities). Totals are summed as plain
   * numbers, which is exact only up to Number.MAX_SAFE_INTEGER; this cap keeps
   * every total, and a municipal plan adding several regions' shares, far
   * below that. Checked exactly, in BigInt (exactRegionTotal).
   */
  maxTotal: 1_000_000_000_000,
} as const;

/** What the schema needs from content/: cost categories and interventions (slugs + names). */
export type RegionContent = {
  kostensoorten: { slug: string; naam: string }[];
  interventies: { slug: string; naam: string }[];
};

export type SharedItem = {
  costCategory: string;
  description: string | null;
  /**
   * Whole euros per year: one entry for every year of the plan, ascending. On
   * input a year left out is 0, and `amountPerYear: <n>` is shorthand for the
   * same amount every year (lib/regions/years.ts).
   */
  amounts: YearAmount[];
  splitKey: SplitKey;
  /** Percent per member (member order, at most two decimals) when splitKey is 'percentages'; else null. */
  percentages: number[] | null;
};

export type TrajectoryItem = {
  intervention: string;
  costCategory: string;
  pricePerTrajectory: number;
  basis: TrajectoryBasis;
  /**
   * When basis is 'historisch': trajectories per year (every year of the plan,
   * ascending), one count per member in member order; else null. On input
   * also one number per member (the same every year) or pasted rows.
   */
  trajectories: YearCounts[] | null;
  /** Percent of a member's children 0–4 per year when basis is 'percentage'; else null. */
  percentage: number | null;
};

export type RegionDocument = { members: Member[]; sharedItems: SharedItem[]; trajectoryItems: TrajectoryItem[] };
export type RegionFields = { name: string; startYear: number; endYear: number };
export type RegionState = RegionFields & RegionDocument;

/** Years are unique within an item, so a list never needs more entries than there are possible years. */
const MAX_YEAR_ENTRIES = PLAN_LIMITS.maxYear - PLAN_LIMITS.minYear + 1;

type Issue = { path: (string | number)[]; message: string };
type Range = { start: number; end: number };

const numberIn = (entry: unknown, key: string): number | null => {
  if (!entry || typeof entry !== 'object') return null;
  const value: unknown = new Map<string, unknown>(Object.entries(entry)).get(key);
  return typeof value === 'number' ? value : null;
};

/**
 * The per-year amounts of a shared item (as parsed so far): `amounts` or the
 * shorthand `amountPerYear`, not both; each year once; a year outside the
 * plan's range only with 0 (then it is dropped).
 */
function yearAmountProblems(item: { amounts?: unknown; amountPerYear?: unknown }, range: Range | null): Issue[] {
  const issues: Issue[] = [];
  const list: unknown[] | null = Array.isArray(item.amounts) ? item.amounts : null;
  if (list && item.amountPerYear !== null && item.amountPerYear !== undefined) {
    issues.push({ path: ['amountPerYear'], message: 'Geef óf één bedrag voor elk jaar (amountPerYear) óf bedragen per jaar (amounts), niet allebei.' });
  }
  if (item.amounts === undefined && item.amountPerYear === null) issues.push({ path: ['amounts'], message: 'Vul de bedragen per jaar in.' });
  const seen = new Set<number>();
  list?.forEach((entry, j) => {
    const year = numberIn(entry, 'year');
    if (year === null) return;
    if (seen.has(year)) issues.push({ path: ['amounts', j, 'year'], message: `${year} staat er al eerder in; geef elk jaar één keer.` });
    seen.add(year);
    const amount = numberIn(entry, 'amount');
    if (range && (year < range.start || year > range.end) && amount !== null && amount !== 0) {
      issues.push({ path: ['amounts', j, 'amount'], message: outsideRangeMessage(year, range.start, range.end) });
    }
  });
  return issues;
}

/** Percent (number or "12,5") → basis points. */
function readPercentBp(value: unknown): number | null {
  if (typeof value === 'number') {
    const bp = Math.round(value * 100);
    return Number.isFinite(value) && value >= 0 && value <= 100 && Math.abs(bp - value * 100) < 1e-6 ? bp : null;
  }
  return typeof value === 'string' ? parsePercentBp(value) : null;
}

const MEMBER_KEYS = new Set(['name', 'children0to4', 'children0to18']);
const YEAR_COUNTS_KEYS = new Set(['year', 'counts']);

function readMembers(value: unknown): Parsed<Member[]> {
  if (typeof value === 'string') {
    const result = parseMemberRows(value);
    return result.ok ? { ok: true, value: result.members } : { ok: false, message: result.errors.join(' ') };
  }
  if (!Array.isArray(value)) return { ok: false, message: 'Vul de deelnemende gemeenten in.' };
  const problems: string[] = [];
  const members: Member[] = [];
  const seen = new Set<string>();
  value.forEach((raw: unknown, i) => {
    const m = new Map<string, unknown>(raw && typeof raw === 'object' ? Object.entries(raw) : []);
    const rawName = m.get('name');
    const name = typeof rawName === 'string' ? rawName.trim() : '';
    const count = (v: unknown) => (typeof v === 'number' ? (Number.isSafeInteger(v) && v >= 0 ? v : null) : typeof v === 'string' ? parseCount(v) : null);
    const c4 = count(m.get('children0to4'));
    const c18 = count(m.get('children0to18'));
    const key = name.toLocaleLowerCase('nl-NL');
    const unknown = [...m.keys()].filter((k) => !MEMBER_KEYS.has(k));
    if (unknown.length > 0) problems.push(`Gemeente ${i + 1}: ${unknownFieldMessage(unknown)}`);
    // The same text check and message as the form's pasted rows (lib/regions/paste.ts, lib/text-validation.ts).
    const nameProblem = name ? textProblem(name) : null;
    if (!name || name.length > MAX_MEMBER_NAME) problems.push(`Gemeente ${i + 1}: geef een naam van hoogstens ${MAX_MEMBER_NAME} tekens.`);
    else if (nameProblem) problems.push(`Gemeente ${i + 1}: ${nameProblem}`);
    else if (seen.has(key)) problems.push(`Gemeente ${i + 1}: ${name} staat er al eerder in.`);
    if (c4 === null || c18 === null || c4 > MAX_CHILDREN || c18 > MAX_CHILDREN) problems.push(`Gemeente ${i + 1}: aantallen kinderen moeten hele, niet-negatieve getallen zijn.`);
    else if (c4 > c18) problems.push(`Gemeente ${i + 1}: er zijn meer kinderen van 0–4 dan van 0–18 jaar.`);
    seen.add(key);
    members.push({ name, children0to4: c4 ?? 0, children0to18: c18 ?? 0 });
  });
  if (value.length === 0) problems.push('Vul minstens één gemeente in.');
  if (value.length > MAX_MEMBERS) problems.push(`Een regio heeft hoogstens ${MAX_MEMBERS} gemeenten.`);
  return problems.length > 0 ? { ok: false, message: problems.join(' ') } : { ok: true, value: members };
}

/** A per-member list: an array, or text "12,5; 7,5" / one per line. */
function readList<T>(value: unknown, cell: (v: unknown) => T | null, what: string): Parsed<T[] | null> {
  if (value === undefined || value === null || value === '') return { ok: true, value: null };
  const cells: unknown[] | null = Array.isArray(value) ? value : typeof value === 'string' ? splitList(value) : null;
  if (!cells) return { ok: false, message: `Geef ${what} als lijst.` };
  const out: T[] = [];
  for (const [i, c] of cells.entries()) {
    const parsed = cell(c);
    if (parsed === null) return { ok: false, message: `Waarde ${i + 1} (“${String(c)}”) is geen geldig ${what.replace(/^de /, '')}.` };
    out.push(parsed);
  }
  return { ok: true, value: out };
}

const readTrajectoryCount = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? parseCount(v) : null;
  return n !== null && Number.isSafeInteger(n) && n >= 0 && n <= REGION_LIMITS.maxTrajectoriesPerMember ? n : null;
};

/**
 * Historical trajectories as given, before the members and years are known:
 * pasted rows (text), one number per member (the same every year: the shape
 * before trajectories per year), or per year [{year, counts}].
 */
type TrajectoriesInput = { kind: 'text'; text: string } | { kind: 'same'; counts: number[] } | { kind: 'years'; entries: YearCounts[] };

const TRAJECTORIES_SHAPE = 'Geef de trajecten per jaar als [{"year": 2026, "counts": [12, 9, 0]}, …] (één aantal per gemeente), of plak ze als regels.';

function readTrajectories(value: unknown): Parsed<TrajectoriesInput | null> {
  if (value === undefined || value === null || value === '') return { ok: true, value: null };
  if (typeof value === 'string') return { ok: true, value: { kind: 'text', text: value } };
  if (!Array.isArray(value)) return { ok: false, message: TRAJECTORIES_SHAPE };
  const list: unknown[] = value;
  if (list.every((v) => typeof v === 'number' || typeof v === 'string')) {
    const counts = readList(list, readTrajectoryCount, 'de aantallen trajecten');
    return counts.ok ? { ok: true, value: { kind: 'same', counts: counts.value ?? [] } } : counts;
  }
  if (list.length > MAX_YEAR_ENTRIES) return { ok: false, message: 'Geef elk jaar hoogstens één keer.' };
  const entries: YearCounts[] = [];
  for (const raw of list) {
    const m = new Map<string, unknown>(raw && typeof raw === 'object' ? Object.entries(raw) : []);
    // Strict like every other object of the API: a misspelt key must not read as 0 trajectories.
    const unknown = [...m.keys()].filter((k) => !YEAR_COUNTS_KEYS.has(k));
    if (unknown.length > 0) return { ok: false, message: unknownFieldMessage(unknown) };
    const year = readInteger(m.get('year'));
    const rawCounts = m.get('counts');
    if (year === undefined || year < PLAN_LIMITS.minYear || year > PLAN_LIMITS.maxYear || !Array.isArray(rawCounts)) return { ok: false, message: TRAJECTORIES_SHAPE };
    const counts = readList(rawCounts, readTrajectoryCount, 'de aantallen trajecten');
    if (!counts.ok) return { ok: false, message: `${year}: ${counts.message}` };
    entries.push({ year, counts: counts.value ?? [] });
  }
  return { ok: true, value: { kind: 'years', entries } };
}

/** The trajectories of every year of the plan, for these members; or what is wrong, in Dutch. */
function resolveTrajectories(input: TrajectoriesInput, members: readonly Member[], range: Range): Parsed<YearCounts[]> {
  const years = yearsOf(range.start, range.end);
  const perMember = (n: number) => `Geef ${members.length} aantallen trajecten per jaar, één per gemeente in de volgorde van de lijst (nu ${n}).`;
  switch (input.kind) {
    case 'text': {
      const grid = parseTrajectoryGrid(input.text, members.map((m) => m.name), range.start, range.end);
      return grid.ok ? grid : { ok: false, message: grid.errors.join(' ') };
    }
    case 'same':
      if (input.counts.length !== members.length) return { ok: false, message: perMember(input.counts.length) };
      return { ok: true, value: years.map((year) => ({ year, counts: [...input.counts] })) };
    case 'years': {
      const problems: string[] = [];
      const seen = new Set<number>();
      for (const { year, counts } of input.entries) {
        if (seen.has(year)) problems.push(`${year} staat er al eerder in; geef elk jaar één keer.`);
        seen.add(year);
        if (counts.length !== members.length) problems.push(`${year}: ${perMember(counts.length)}`);
        else if (!years.includes(year) && counts.some((n) => n !== 0)) {
          problems.push(outsideRangeMessage(year, range.start, range.end, `Zet de aantallen van ${year} op 0 of laat het jaar weg, of pas de looptijd aan.`));
        }
      }
      return problems.length > 0 ? { ok: false, message: problems.join(' ') } : { ok: true, value: countsForYears(years, input.entries, members.length) };
    }
  }
}

/** Members × items × years over REGION_LIMITS.maxCells, in Dutch naming the three fields; or null. */
export function cellsProblem(members: number, items: number, years: number): string | null {
  const cells = members * items * years;
  if (cells <= REGION_LIMITS.maxCells) return null;
  const n = (x: number) => x.toLocaleString('nl-NL');
  return `Dit regionale plan wordt te groot om te tonen: ${n(members)} gemeenten (members) × ${n(items)} kostenposten (sharedItems en trajectoryItems) × ${n(years)} jaar = ${n(cells)} bedragen; hoogstens ${n(REGION_LIMITS.maxCells)}. Gebruik minder gemeenten, kostenposten of jaren, of maak twee plannen.`;
}

function slugField(slugs: ReadonlySet<string>, missing: string, unknown: string) {
  return field((v): Parsed<string> => {
    if (v === undefined || v === null || v === '') return { ok: false, message: missing };
    if (typeof v === 'string' && slugs.has(v.trim())) return { ok: true, value: v.trim() };
    return { ok: false, message: unknown };
  });
}

function oneOfField<T extends string>(values: readonly T[], message: string) {
  return field((v): Parsed<T> => {
    const found = typeof v === 'string' ? values.find((x) => x === v.trim()) : undefined;
    return found ? { ok: true, value: found } : { ok: false, message };
  });
}

function buildSchemas(content: RegionContent) {
  const categories = new Set(content.kostensoorten.map((k) => k.slug));
  const interventions = new Set(content.interventies.map((i) => i.slug));
  const costCategory = slugField(categories, 'Kies een kostensoort.', 'Onbekende kostensoort; kies er een uit de lijst.');

  // Strict objects: an unknown field is refused (422) with a message naming it,
  // as in the funding plan API, so a misspelt key never empties an item silently.
  const yearAmountSchema = z.strictObject(
    {
      year: yearField('Vul het jaar in.'),
      // Blank is 0: the form offers an input for every year.
      amount: field((v) => readAmount(v, true)),
    },
    { error: objectError('Geef elk bedrag als {"year": 2026, "amount": 10000}.') },
  );

  const sharedItemSchema = z.strictObject(
    {
      costCategory,
      description: optionalText(REGION_LIMITS.description),
      amounts: z
        .array(yearAmountSchema, { error: 'Geef de bedragen per jaar als lijst: [{"year": 2026, "amount": 10000}, …].' })
        .max(MAX_YEAR_ENTRIES, 'Geef elk jaar hoogstens één keer.')
        .optional(),
      /** Shorthand: the same amount in every year of the plan. */
      amountPerYear: field((v): Parsed<number | null> => (v === undefined || v === null || v === '' ? { ok: true, value: null } : readAmount(v))),
      splitKey: oneOfField(SPLIT_KEYS, 'Kies een verdeelsleutel.'),
      percentages: field((v) => readList(v, readPercentBp, 'de percentages')),
    },
    { error: objectError('Ongeldige gedeelde kostenpost.') },
  );

  const trajectoryItemSchema = z.strictObject(
    {
      intervention: slugField(interventions, 'Kies een interventie.', 'Deze interventie staat niet in de catalogus; kies er een uit de lijst.'),
      costCategory,
      pricePerTrajectory: field((v) => readAmount(v)),
      basis: oneOfField(TRAJECTORY_BASES, 'Kies historisch gebruik of een geadviseerd percentage.'),
      trajectories: field(readTrajectories),
      percentage: field((v): Parsed<number | null> => {
        if (v === undefined || v === null || v === '') return { ok: true, value: null };
        const bp = readPercentBp(v);
        return bp === null ? { ok: false, message: 'Vul een percentage in tussen 0 en 100, hoogstens twee decimalen.' } : { ok: true, value: bp };
      }),
    },
    { error: objectError('Ongeldige trajectpost.') },
  );

  const regionSchema = z
    .strictObject(
      {
        name: requiredText(REGION_LIMITS.name, 'Geef de regio of het plan een naam.'),
        startYear: yearField('Vul het eerste jaar in.'),
        endYear: yearField('Vul het laatste jaar in.'),
        members: field(readMembers),
        sharedItems: z
          .array(sharedItemSchema, { error: 'Geef de gedeelde kosten als lijst (sharedItems).' })
          .max(REGION_LIMITS.maxItems, `Hoogstens ${REGION_LIMITS.maxItems} kostenposten.`)
          .default([]),
        trajectoryItems: z
          .array(trajectoryItemSchema, { error: 'Geef de trajecten als lijst (trajectoryItems).' })
          .max(REGION_LIMITS.maxItems, `Hoogstens ${REGION_LIMITS.maxItems} kostenposten.`)
          .default([]),
      },
      { error: objectError('Stuur de regio als object.') },
    )
    .superRefine((data, ctx) => {
      const problem = yearRangeProblem(data.startYear, data.endYear);
      if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
      const range = !problem && typeof data.startYear === 'number' && typeof data.endYear === 'number' ? { start: data.startYear, end: data.endYear } : null;
      const members = Array.isArray(data.members) ? data.members : null;
      const shared = Array.isArray(data.sharedItems) ? data.sharedItems : [];
      const trajectories = Array.isArray(data.trajectoryItems) ? data.trajectoryItems : [];
      if (shared.length + trajectories.length > REGION_LIMITS.maxItems) {
        ctx.addIssue({ code: 'custom', path: ['trajectoryItems'], message: `Een regio heeft hoogstens ${REGION_LIMITS.maxItems} kostenposten in totaal.` });
      } else if (range && members) {
        const problem = cellsProblem(members.length, shared.length + trajectories.length, range.end - range.start + 1);
        if (problem) ctx.addIssue({ code: 'custom', path: [shared.length > 0 ? 'sharedItems' : 'trajectoryItems'], message: problem });
      }
      shared.forEach((item, i) => {
        if (!item || typeof item !== 'object') return;
        yearAmountProblems(item, range).forEach(({ path, message }) => ctx.addIssue({ code: 'custom', path: ['sharedItems', i, ...path], message }));
      });
      if (!members) return; // the members field has said what is wrong
      shared.forEach((item, i) => {
        if (!item || typeof item !== 'object' || !SPLIT_KEYS.includes(item.splitKey)) return;
        const percentages = Array.isArray(item.percentages) ? item.percentages : undefined;
        if (item.splitKey === 'percentages' && percentages && percentages.length !== members.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['sharedItems', i, 'percentages'],
            message: `Geef ${members.length} percentages, één per gemeente in de volgorde van de lijst (nu ${percentages.length}).`,
          });
          return;
        }
        try {
          // The same check the split itself makes: a key that cannot split (all
          // zero, percentages not 100%) is refused here, with its message.
          largestRemainder(0, weightsFor(item.splitKey, members, percentages));
        } catch (error) {
          if (!(error instanceof SplitError)) throw error;
          ctx.addIssue({ code: 'custom', path: ['sharedItems', i, item.splitKey === 'percentages' ? 'percentages' : 'splitKey'], message: error.message });
        }
      });
      trajectories.forEach((item, i) => {
        if (!item || typeof item !== 'object') return;
        if (item.basis === 'historisch') {
          const path = ['trajectoryItems', i, 'trajectories'];
          if (item.trajectories === null) ctx.addIssue({ code: 'custom', path, message: 'Vul de aantallen trajecten per gemeente per jaar in.' });
          else if (range && item.trajectories && typeof item.trajectories === 'object' && 'kind' in item.trajectories) {
            const resolved = resolveTrajectories(item.trajectories, members, range);
            if (!resolved.ok) ctx.addIssue({ code: 'custom', path, message: resolved.message });
          }
        } else if (item.basis === 'percentage' && item.percentage === null) {
          ctx.addIssue({ code: 'custom', path: ['trajectoryItems', i, 'percentage'], message: 'Vul het geadviseerde percentage in.' });
        }
      });
    }, always)
    .transform((data): RegionState => {
      const years = yearsOf(data.startYear, data.endYear);
      return {
        name: data.name,
        startYear: data.startYear,
        endYear: data.endYear,
        members: data.members,
        sharedItems: data.sharedItems.map((s) => ({
          costCategory: s.costCategory,
          description: s.description,
          // Every year of the plan, ascending; years outside it were 0 (checked above).
          amounts: amountsForYears(years, s.amounts ?? null, s.amountPerYear),
          splitKey: s.splitKey,
          // Stored as percent again (bp / 100), the unit users and the API speak.
          percentages: s.splitKey === 'percentages' && s.percentages ? s.percentages.map((bp) => bp / 100) : null,
        })),
        trajectoryItems: data.trajectoryItems.map((t) => {
          // Checked above; a failure here would be a bug, not the user's input.
          const resolved = t.basis === 'historisch' && t.trajectories ? resolveTrajectories(t.trajectories, data.members, { start: data.startYear, end: data.endYear }) : null;
          if (resolved && !resolved.ok) throw new Error(`trajectories: ${resolved.message}`);
          return {
            intervention: t.intervention,
            costCategory: t.costCategory,
            pricePerTrajectory: t.pricePerTrajectory,
            basis: t.basis,
            trajectories: resolved ? resolved.value : null,
            percentage: t.basis === 'percentage' && t.percentage !== null ? t.percentage / 100 : null,
          };
        }),
      };
    });

  /** The same, with the exact total checked (the split sums in plain numbers). */
  const checkedRegionSchema = regionSchema.superRefine((state, ctx) => {
    if (exactRegionTotal(state) > BigInt(REGION_LIMITS.maxTotal)) {
      const anyTrajectories = state.trajectoryItems.length > 0;
      ctx.addIssue({
        code: 'custom',
        path: [anyTrajectories ? 'trajectoryItems' : 'sharedItems'],
        message: `De kosten van de regio komen samen boven ${formatEuro(REGION_LIMITS.maxTotal)}; dat is waarschijnlijk een tikfout. Controleer de bedragen${anyTrajectories ? ', prijzen per traject en aantallen trajecten' : ''}.`,
      });
    }
  });

  /** The same plus the version the form was loaded at (Server Actions). */
  const versionSchema = z.object({
    version: field((v): Parsed<number> => {
      const n = readInteger(v);
      return n !== undefined && n >= 1 ? { ok: true, value: n } : { ok: false, message: 'Ongeldige versie; laad de pagina opnieuw.' };
    }),
  });

  return { regionSchema: checkedRegionSchema, versionSchema };
}

export type RegionSchemas = ReturnType<typeof buildSchemas>;
const cache = new WeakMap<RegionContent, RegionSchemas>();

export function regionSchemas(content: RegionContent): RegionSchemas {
  let schemas = cache.get(content);
  if (!schemas) {
    schemas = buildSchemas(content);
    cache.set(content, schemas);
  }
  return schemas;
}

/**
 * A stored document as read back from the database (Region.document and the
 * documents inside RegionRevision snapshots): shapes only, no catalogue
 * checks (a slug that later leaves content/ must not make a stored region
 * unreadable; the next save reports it). Parsed, never cast.
 *
 * Documents written before amounts per year were stored `amountPerYear: <n>`
 * (the same every year); they are read as that amount in every year of the
 * plan's range, which is why the schema is made for a range. Entries outside
 * the range (never written, but possible in a hand-edited row) are dropped.
 */
const storedInt = z.number().int().nonnegative();
const storedMember = z.object({ name: z.string(), children0to4: storedInt, children0to18: storedInt });
const storedSharedItem = z
  .object({
    costCategory: z.string(),
    description: z.string().nullable(),
    amounts: z.array(z.object({ year: z.number().int(), amount: storedInt })).optional(),
    /** The shape before amounts per year. */
    amountPerYear: storedInt.optional(),
    splitKey: z.enum(SPLIT_KEYS),
    percentages: z.array(z.number()).nullable(),
  })
  .refine((item) => item.amounts !== undefined || item.amountPerYear !== undefined, 'Een gedeelde kostenpost zonder bedragen.');
const storedTrajectoryItem = z.object({
  intervention: z.string(),
  costCategory: z.string(),
  pricePerTrajectory: storedInt,
  basis: z.enum(TRAJECTORY_BASES),
  /** Per year; or, before trajectories per year, one count per member (the same every year). */
  trajectories: z.union([z.array(z.object({ year: z.number().int(), counts: z.array(storedInt) })), z.array(storedInt)]).nullable(),
  percentage: z.number().nullable(),
});
const storedDocumentShape = z.object({
  members: z.array(storedMember),
  sharedItems: z.array(storedSharedItem),
  trajectoryItems: z.array(storedTrajectoryItem),
});

const isSameEveryYear = (t: YearCounts[] | number[]): t is number[] => t.every((x: YearCounts | number) => typeof x === 'number');

function storedCounts(trajectories: YearCounts[] | number[], years: readonly number[], memberCount: number): YearCounts[] {
  if (isSameEveryYear(trajectories)) return years.map((year) => ({ year, counts: [...trajectories] }));
  return countsForYears(years, trajectories, memberCount);
}

function buildStoredDocumentSchema(startYear: number, endYear: number) {
  const years = yearsOf(startYear, endYear);
  return storedDocumentShape.transform(
    (doc): RegionDocument => ({
      members: doc.members,
      sharedItems: doc.sharedItems.map(({ amounts, amountPerYear, ...item }) => ({
        costCategory: item.costCategory,
        description: item.description,
        amounts: amountsForYears(years, amounts ?? null, amounts ? null : (amountPerYear ?? 0)),
        splitKey: item.splitKey,
        percentages: item.percentages,
      })),
      trajectoryItems: doc.trajectoryItems.map(({ trajectories, ...item }) => ({
        ...item,
        trajectories: trajectories === null ? null : storedCounts(trajectories, years, doc.members.length),
      })),
    }),
  );
}

const storedSchemas = new Map<string, ReturnType<typeof buildStoredDocumentSchema>>();

/** The schema of a stored document of a plan running from startYear to endYear. */
export function storedDocumentSchema(startYear: number, endYear: number) {
  const key = `${startYear}-${endYear}`;
  let schema = storedSchemas.get(key);
  if (!schema) {
    schema = buildStoredDocumentSchema(startYear, endYear);
    storedSchemas.set(key, schema);
  }
  return schema;
}

export { fieldErrors } from '@/lib/plans/schema';
