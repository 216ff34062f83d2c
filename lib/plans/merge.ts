import { applyFrom, mergeDocs, parseKey, type Doc, type Fields, type MergeKey, type Scalar } from '@/lib/merge/core';
import { formatEuro } from '@/lib/money';
import { indexPlanContent, sourceName, type PlanContent } from './content';
import { describeChange, diffStates } from './diff';
import { LOOPTIJD_OPTIONS, STATUS_OPTIONS, planToFormValues, type PlanFormValues } from './form';
import type { SavePlanData } from './schema';
import type { LineRow, NeedRow, PlanFields, PlanState } from './types';

/**
 * Three-way merge of funding plans (a stale save: base = the version the form
 * was loaded at, mine = the posted form, theirs = the stored plan), on the
 * generic core in lib/merge/core.ts. Fields: the plan's own fields, each need
 * (cost category × year; none is € 0), each line by id with each of its
 * fields (cost category, source, looptijd, status, reason, note, the amount
 * of each year), lines added and removed, and the order of the lines.
 *
 * Lines the user added in the form have no id yet; they take part as
 * NEW_LINE + their row key, which never matches a stored id.
 */

export const NEW_LINE = '+';
const LINES = 'lines';
const PLAN_FIELDS = ['municipality', 'title', 'startYear', 'endYear', 'contactNote'] as const satisfies readonly (keyof PlanFields)[];
const NEED = 'need:';
const AMOUNT = 'amount:';
const needField = (costCategory: string, year: number) => `${NEED}${costCategory}:${year}`;
const amountField = (year: number) => `${AMOUNT}${year}`;

const text = (v: Scalar | undefined): string => (typeof v === 'string' ? v : '');
const textOrNull = (v: Scalar | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: Scalar | undefined): number => (typeof v === 'number' ? v : 0);

function lineFields(line: LineRow): Fields {
  const fields = new Map<string, Scalar>([
    ['costCategory', line.costCategory],
    // One field: a catalogue source or a custom one, never both.
    ['source', line.sourceSlug !== null ? `bron:${line.sourceSlug}` : `eigen:${line.customSourceName ?? ''}`],
    ['looptijd', line.looptijd],
    ['status', line.status],
    ['rejectionReason', line.rejectionReason || null],
    ['note', line.note || null],
  ]);
  for (const a of line.amounts) if (a.amount !== 0) fields.set(amountField(a.year), a.amount);
  return fields;
}

/** A plan as flat fields and keyed lines. */
export function planDoc(state: PlanState): Doc {
  const fields = new Map<string, Scalar>();
  for (const f of PLAN_FIELDS) fields.set(f, f === 'contactNote' ? state.contactNote || null : state[f]);
  for (const n of state.needs) if (n.amount !== 0) fields.set(needField(n.costCategory, n.year), n.amount);
  const records = new Map(state.lines.map((l) => [l.id, lineFields(l)]));
  return { fields, collections: new Map([[LINES, { records, order: state.lines.map((l) => l.id) }]]) };
}

function lineFrom(id: string, f: Fields): LineRow {
  const source = text(f.get('source'));
  const amounts = [...f.entries()]
    .filter(([k, v]) => k.startsWith(AMOUNT) && typeof v === 'number' && v !== 0)
    .map(([k, v]) => ({ year: Number(k.slice(AMOUNT.length)), amount: int(v) }))
    .sort((a, b) => a.year - b.year);
  return {
    id,
    costCategory: text(f.get('costCategory')),
    sourceSlug: source.startsWith('bron:') ? source.slice(5) : null,
    customSourceName: source.startsWith('eigen:') ? source.slice(6) || null : null,
    amounts,
    looptijd: LOOPTIJD_OPTIONS.find((o) => o.value === f.get('looptijd'))?.value ?? 'tijdelijk',
    status: STATUS_OPTIONS.find((o) => o.value === f.get('status'))?.value ?? 'idee',
    rejectionReason: textOrNull(f.get('rejectionReason')),
    note: textOrNull(f.get('note')),
  };
}

export function planFromDoc(doc: Doc): PlanState {
  const needs: NeedRow[] = [];
  for (const [k, v] of doc.fields) {
    if (!k.startsWith(NEED) || typeof v !== 'number' || v === 0) continue;
    const rest = k.slice(NEED.length);
    const at = rest.lastIndexOf(':');
    needs.push({ costCategory: rest.slice(0, at), year: Number(rest.slice(at + 1)), amount: v });
  }
  needs.sort((a, b) => (a.costCategory < b.costCategory ? -1 : a.costCategory > b.costCategory ? 1 : a.year - b.year));
  const lines = doc.collections.get(LINES);
  return {
    municipality: text(doc.fields.get('municipality')),
    title: text(doc.fields.get('title')),
    startYear: int(doc.fields.get('startYear')),
    endYear: int(doc.fields.get('endYear')),
    contactNote: textOrNull(doc.fields.get('contactNote')),
    needs,
    lines: (lines?.order ?? []).flatMap((id) => {
      const f = lines?.records.get(id);
      return f ? [lineFrom(id, f)] : [];
    }),
  };
}

export type PlanMerge = {
  /** The merge; at each conflict my value. */
  merged: PlanState;
  /** The base with only their changes that were taken: diffed against the base, it lists what was merged in. */
  taken: PlanState;
  conflicts: MergeKey[];
  /** Years the merged range was widened to, because money is booked there (a bound moved past money on the other side). */
  widened: { field: 'startYear' | 'endYear'; from: number; to: number }[];
};

/** Years with money (needs and line amounts) outside [startYear, endYear] widen the range, so no amount drops out of the form unseen. */
function widen(state: PlanState): { state: PlanState; widened: PlanMerge['widened'] } {
  const years = [...state.needs.map((n) => n.year), ...state.lines.flatMap((l) => l.amounts.map((a) => a.year))];
  if (years.length === 0) return { state, widened: [] };
  const start = Math.min(state.startYear, ...years);
  const end = Math.max(state.endYear, ...years);
  const widened: PlanMerge['widened'] = [];
  if (start !== state.startYear) widened.push({ field: 'startYear', from: state.startYear, to: start });
  if (end !== state.endYear) widened.push({ field: 'endYear', from: state.endYear, to: end });
  return { state: { ...state, startYear: start, endYear: end }, widened };
}

/** merge(base, mine, theirs); base null = unknown (every difference is then a conflict). */
export function mergePlans(base: PlanState | null, mine: PlanState, theirs: PlanState): PlanMerge {
  const baseDoc = base ? planDoc(base) : null;
  const theirsDoc = planDoc(theirs);
  const result = mergeDocs(baseDoc, planDoc(mine), theirsDoc);
  // Region shares are not form fields: saves keep the stored ones (lib/plans/repository.ts), so both sides carry theirs.
  const shares = theirs.regionShares === undefined ? {} : { regionShares: theirs.regionShares };
  const { state: merged, widened } = widen({ ...planFromDoc(result.merged), ...shares });
  const taken = baseDoc ? { ...planFromDoc(applyFrom(baseDoc, theirsDoc, result.taken)), ...shares } : theirs;
  return { merged, taken, conflicts: result.conflicts, widened };
}

/** Applies "their value" choices (keys as lib/merge/core.ts keyString) from `theirs` to `mine`. */
export function resolvePlanChoices(mine: PlanState, theirs: PlanState, keys: readonly string[]): PlanState {
  const parsed = keys.map(parseKey).filter((k): k is MergeKey => k !== null);
  return parsed.length === 0 ? mine : planFromDoc(applyFrom(planDoc(mine), planDoc(theirs), parsed));
}

// ---------------------------------------------------------------------------
// Between the form and the merge.
// ---------------------------------------------------------------------------

/** The parsed form as a plan state: new lines get NEW_LINE + their row key as id. */
export function stateFromSave(data: SavePlanData, stored: PlanFields, lineKeys: readonly string[]): PlanState {
  return {
    municipality: data.municipality ?? stored.municipality,
    title: data.title ?? stored.title,
    startYear: data.startYear ?? stored.startYear,
    endYear: data.endYear ?? stored.endYear,
    contactNote: data.contactNote === undefined ? stored.contactNote : data.contactNote,
    needs: data.needs.filter((n) => n.amount !== 0).map(({ costCategory, year, amount }) => ({ costCategory, year, amount })),
    lines: data.lines.map(({ id, ...line }, i) => ({ ...line, id: id ?? `${NEW_LINE}${lineKeys[i] ?? `r${i}`}` })),
  };
}

/** A (merged) state as form values: new lines get their row key back and no id. */
export function mergedFormValues(state: PlanState): PlanFormValues {
  const values = planToFormValues(state);
  return {
    ...values,
    lines: values.lines.map((l) => (l.id.startsWith(NEW_LINE) ? { ...l, key: l.id.slice(NEW_LINE.length), id: '' } : l)),
  };
}

// ---------------------------------------------------------------------------
// In Dutch, for the notice.
// ---------------------------------------------------------------------------

const PLAN_FIELD_LABEL: Record<(typeof PLAN_FIELDS)[number], string> = {
  municipality: 'Gemeente of regio',
  title: 'Titel',
  startYear: 'Eerste jaar',
  endYear: 'Laatste jaar',
  contactNote: 'Contactnotitie',
};
const LINE_FIELD_LABEL: Record<string, string> = {
  costCategory: 'kostensoort',
  source: 'financieringsbron',
  looptijd: 'looptijd',
  status: 'status',
  rejectionReason: 'reden van afwijzing',
  note: 'toelichting',
};

const quote = (v: Scalar | undefined) => (v === undefined || v === null || v === '' ? '(leeg)' : `‘${String(v)}’`);

/** The "Automatisch samengevoegd" list: their changes now in the form, plus any widened years. */
export function describePlanMerge(base: PlanState | null, merge: PlanMerge, content: PlanContent): string[] {
  const changes = base ? diffStates(base, merge.taken).map((c) => describeChange(c, content)) : [];
  for (const w of merge.widened) {
    changes.push(
      `${PLAN_FIELD_LABEL[w.field]}: ${w.to} in plaats van ${w.from}, omdat er bedragen in ${w.to} staan. Maak die bedragen leeg als de looptijd ${w.from} moet zijn.`,
    );
  }
  return changes;
}

export type ConflictText = { label: string; mine: string; theirs: string };

/** Label and both values of one conflict. */
export function describePlanConflict(key: MergeKey, states: { base: PlanState | null; mine: PlanState; theirs: PlanState }, content: PlanContent): ConflictText {
  const index = indexPlanContent(content);
  const category = (slug: string) => (index.categories.get(slug)?.naam ?? slug).toLowerCase();
  const docs = { base: states.base ? planDoc(states.base) : null, mine: planDoc(states.mine), theirs: planDoc(states.theirs) };
  const lineOf = (doc: Doc | null, id: string) => doc?.collections.get(LINES)?.records.get(id);
  const lineName = (id: string) => {
    const f = lineOf(docs.mine, id) ?? lineOf(docs.theirs, id) ?? new Map<string, Scalar>();
    const line = lineFrom(id, f);
    return `Regel ‘${sourceName(content, line) || 'onbekende financieringsbron'}’ (${category(line.costCategory)})`;
  };
  const fieldValue = (field: string, v: Scalar | undefined): string => {
    if (field.startsWith(AMOUNT)) return formatEuro(int(v));
    if (field === 'status') return STATUS_OPTIONS.find((o) => o.value === v)?.label ?? quote(v);
    if (field === 'looptijd') return LOOPTIJD_OPTIONS.find((o) => o.value === v)?.label ?? quote(v);
    if (field === 'costCategory') return typeof v === 'string' ? category(v) : quote(v);
    if (field === 'source') {
      const s = text(v);
      return quote(s.startsWith('bron:') ? (index.sources.get(s.slice(5))?.naam ?? s.slice(5)) : s.startsWith('eigen:') ? s.slice(6) : s);
    }
    return quote(v);
  };
  const fieldLabel = (field: string) => (field.startsWith(AMOUNT) ? `bedrag ${field.slice(AMOUNT.length)}` : (LINE_FIELD_LABEL[field] ?? field));
  /** "status Idee → Toegezegd; bedrag 2027 € 0 → € 5.000" between the base's line and one side's. */
  const lineChanges = (id: string, side: Doc) => {
    const before = lineOf(docs.base, id) ?? new Map<string, Scalar>();
    const after = lineOf(side, id) ?? new Map<string, Scalar>();
    const fields = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
    return fields.map((f) => `${fieldLabel(f)} ${fieldValue(f, before.get(f))} → ${fieldValue(f, after.get(f))}`).join('; ');
  };

  switch (key.kind) {
    case 'field': {
      if (key.field.startsWith(NEED)) {
        const rest = key.field.slice(NEED.length);
        const at = rest.lastIndexOf(':');
        return {
          label: `Behoefte ${category(rest.slice(0, at))} ${rest.slice(at + 1)}`,
          mine: formatEuro(int(docs.mine.fields.get(key.field))),
          theirs: formatEuro(int(docs.theirs.fields.get(key.field))),
        };
      }
      const field = PLAN_FIELDS.find((f) => f === key.field);
      return { label: field ? PLAN_FIELD_LABEL[field] : key.field, mine: quote(docs.mine.fields.get(key.field)), theirs: quote(docs.theirs.fields.get(key.field)) };
    }
    case 'record-field':
      return {
        label: `${lineName(key.id)}: ${fieldLabel(key.field)}`,
        mine: fieldValue(key.field, lineOf(docs.mine, key.id)?.get(key.field)),
        theirs: fieldValue(key.field, lineOf(docs.theirs, key.id)?.get(key.field)),
      };
    case 'record': {
      const side = (doc: Doc, who: string) => {
        if (!lineOf(doc, key.id)) return 'verwijderd';
        const changes = lineChanges(key.id, doc);
        return changes ? `behouden, met ${who} wijzigingen: ${changes}` : 'behouden';
      };
      return { label: lineName(key.id), mine: side(docs.mine, 'uw'), theirs: side(docs.theirs, 'hun') };
    }
    case 'order': {
      const order = (doc: Doc) =>
        (doc.collections.get(LINES)?.order ?? [])
          .map((id) => {
            const line = lineFrom(id, lineOf(doc, id) ?? new Map<string, Scalar>());
            return sourceName(content, line) || 'onbekende financieringsbron';
          })
          .join(', ');
      return { label: 'Volgorde van de financieringsregels', mine: order(docs.mine), theirs: order(docs.theirs) };
    }
  }
}
