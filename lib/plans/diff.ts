import { formatEuro } from '@/lib/money';
import { indexPlanContent, sourceName, type PlanContent } from './content';
import { STATUS_LABEL } from './schema';
import { amountIn } from './lines';
import { countedNeeds, describeShareChanges, shareChanges, shareLabel, shareTotal, type RegionShare, type ShareAmountChange } from './region-shares';
import type { LineRow, PlanFields, PlanState, YearAmount } from './types';

/**
 * "What changed" between two states of a plan (two revisions, or a revision
 * and the current plan). Lines are matched by id: the repository keeps a
 * line's id across saves as long as the form sends it back.
 */

export type PlanField = keyof PlanFields;
export type LineField = Exclude<keyof LineRow, 'id'>;

export type PlanChange =
  | { kind: 'plan'; field: PlanField; before: string | number | null; after: string | number | null }
  | { kind: 'need'; costCategory: string; year: number; before: number; after: number }
  | { kind: 'line-added'; line: LineRow }
  | { kind: 'line-removed'; line: LineRow }
  | { kind: 'line-changed'; before: LineRow; after: LineRow; fields: LineField[] }
  /** Regional shares (lib/plans/region-shares.ts), matched by regionId. */
  /** `counted`: the share's need in the plan's years (after linking; before unlinking). */
  | { kind: 'region-linked'; share: RegionShare; counted: number }
  | { kind: 'region-unlinked'; share: RegionShare; counted: number }
  | { kind: 'region-updated'; before: RegionShare; after: RegionShare; amounts: ShareAmountChange[] };

const PLAN_FIELDS: PlanField[] = ['municipality', 'title', 'startYear', 'endYear', 'contactNote'];
const LINE_FIELDS: LineField[] = [
  'costCategory',
  'sourceSlug',
  'customSourceName',
  'amounts',
  'looptijd',
  'status',
  'rejectionReason',
  'note',
];

function sameAmounts(a: readonly YearAmount[], b: readonly YearAmount[]): boolean {
  return a.length === b.length && a.every((x, i) => x.year === b[i]?.year && x.amount === b[i]?.amount);
}

/** "2026: € 1.000 → € 2.000; 2027: € 0 → € 500" for the years whose amount differs. */
function amountChanges(before: readonly YearAmount[], after: readonly YearAmount[]): string {
  const years = [...new Set([...before, ...after].map((a) => a.year))].sort((x, y) => x - y);
  return years
    .filter((y) => amountIn({ amounts: before }, y) !== amountIn({ amounts: after }, y))
    .map((y) => `${y}: ${formatEuro(amountIn({ amounts: before }, y))} → ${formatEuro(amountIn({ amounts: after }, y))}`)
    .join(', ');
}

/** "€ 1.000 (2026), € 2.000 (2027)", or "geen bedragen". */
function amountsText(amounts: readonly YearAmount[]): string {
  return amounts.length === 0 ? 'geen bedragen' : amounts.map((a) => `${formatEuro(a.amount)} (${a.year})`).join(', ');
}

export function diffStates(before: PlanState, after: PlanState): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const field of PLAN_FIELDS) {
    if (before[field] !== after[field]) changes.push({ kind: 'plan', field, before: before[field], after: after[field] });
  }

  // Needs: a missing row is 0, so "0 → 5.000" and "row added with 5.000" read the same.
  const needKey = (n: { costCategory: string; year: number }) => `${n.costCategory}\u0000${n.year}`;
  const beforeNeeds = new Map(before.needs.map((n) => [needKey(n), n]));
  const afterNeeds = new Map(after.needs.map((n) => [needKey(n), n]));
  const needKeys = [...new Set([...beforeNeeds.keys(), ...afterNeeds.keys()])];
  const needChanges = needKeys.flatMap((key) => {
    const b = beforeNeeds.get(key);
    const a = afterNeeds.get(key);
    const row = a ?? b;
    if (!row || (b?.amount ?? 0) === (a?.amount ?? 0)) return [];
    return [{ kind: 'need' as const, costCategory: row.costCategory, year: row.year, before: b?.amount ?? 0, after: a?.amount ?? 0 }];
  });
  needChanges.sort((x, y) => x.costCategory.localeCompare(y.costCategory) || x.year - y.year);
  changes.push(...needChanges);

  const beforeLines = new Map(before.lines.map((l) => [l.id, l]));
  const afterIds = new Set(after.lines.map((l) => l.id));
  for (const line of after.lines) {
    const old = beforeLines.get(line.id);
    if (!old) {
      changes.push({ kind: 'line-added', line });
      continue;
    }
    const fields = LINE_FIELDS.filter((f) => (f === 'amounts' ? !sameAmounts(old.amounts, line.amounts) : old[f] !== line[f]));
    if (fields.length > 0) changes.push({ kind: 'line-changed', before: old, after: line, fields });
  }
  for (const line of before.lines) {
    if (!afterIds.has(line.id)) changes.push({ kind: 'line-removed', line });
  }

  const beforeShares = new Map((before.regionShares ?? []).map((r) => [r.regionId, r]));
  const afterShares = new Map((after.regionShares ?? []).map((r) => [r.regionId, r]));
  for (const share of after.regionShares ?? []) {
    const old = beforeShares.get(share.regionId);
    if (!old) {
      changes.push({ kind: 'region-linked', share, counted: shareTotal(countedNeeds(share, after.startYear, after.endYear)) });
      continue;
    }
    const amounts = shareChanges(old, share);
    if (amounts.length > 0 || old.regionVersion !== share.regionVersion || old.memberName !== share.memberName || old.regionName !== share.regionName) {
      changes.push({ kind: 'region-updated', before: old, after: share, amounts });
    }
  }
  for (const share of before.regionShares ?? []) {
    if (!afterShares.has(share.regionId)) changes.push({ kind: 'region-unlinked', share, counted: shareTotal(countedNeeds(share, before.startYear, before.endYear)) });
  }
  return changes;
}

const PLAN_FIELD_LABEL: Record<PlanField, string> = {
  municipality: 'Gemeente of regio',
  title: 'Titel',
  startYear: 'Eerste jaar',
  endYear: 'Laatste jaar',
  contactNote: 'Contactnotitie',
};
const LINE_FIELD_LABEL: Record<LineField, string> = {
  costCategory: 'kostensoort',
  sourceSlug: 'financieringsbron',
  customSourceName: 'eigen financieringsbron',
  amounts: 'bedragen',
  looptijd: 'looptijd',
  status: 'status',
  rejectionReason: 'reden van afwijzing',
  note: 'toelichting',
};

function quote(value: string | number | null): string {
  return value === null || value === '' ? '(leeg)' : `‘${value}’`;
}

/** One Dutch sentence per change, for the revision history. */
export function describeChange(change: PlanChange, content: PlanContent): string {
  const index = indexPlanContent(content);
  const category = (slug: string) => index.categories.get(slug)?.naam ?? slug;
  const lineLabel = (l: LineRow) => `${sourceName(content, l) || 'onbekende financieringsbron'} (${category(l.costCategory).toLowerCase()})`;
  switch (change.kind) {
    case 'plan':
      return `${PLAN_FIELD_LABEL[change.field]}: ${quote(change.before)} → ${quote(change.after)}`;
    case 'need':
      return `Behoefte ${category(change.costCategory).toLowerCase()} ${change.year}: ${formatEuro(change.before)} → ${formatEuro(change.after)}`;
    case 'line-added':
      return `Regel toegevoegd: ${lineLabel(change.line)}, ${amountsText(change.line.amounts)}, ${STATUS_LABEL[change.line.status].toLowerCase()}`;
    case 'line-removed':
      return `Regel verwijderd: ${lineLabel(change.line)}, ${amountsText(change.line.amounts)}`;
    case 'line-changed': {
      const parts = change.fields.map((f) => {
        if (f === 'amounts') return `${LINE_FIELD_LABEL[f]} ${amountChanges(change.before.amounts, change.after.amounts)}`;
        const show = (l: LineRow) =>
          f === 'status'
              ? STATUS_LABEL[l.status].toLowerCase()
              : f === 'costCategory'
                ? category(l.costCategory).toLowerCase()
                : f === 'sourceSlug'
                  ? quote(l.sourceSlug ? (index.sources.get(l.sourceSlug)?.naam ?? l.sourceSlug) : null)
                  : quote(l[f]);
        return `${LINE_FIELD_LABEL[f]} ${show(change.before)} → ${show(change.after)}`;
      });
      return `Regel gewijzigd: ${lineLabel(change.after)}: ${parts.join('; ')}`;
    }
    case 'region-linked':
      return `Gekoppeld aan regionaal plan “${change.share.regionName}” als ${change.share.memberName} (versie ${change.share.regionVersion}): ${formatEuro(change.counted)} behoefte`;
    case 'region-unlinked':
      return `Koppeling met regionaal plan “${change.share.regionName}” verwijderd (${shareLabel(change.share)}): ${formatEuro(change.counted)} minder behoefte`;
    case 'region-updated': {
      const amounts = describeShareChanges(change.amounts, (slug) => category(slug).toLowerCase());
      const from = `Aandeel regio ${change.after.regionName} bijgewerkt van versie ${change.before.regionVersion} naar ${change.after.regionVersion}`;
      return amounts.length === 0 ? `${from}; de bedragen bleven gelijk` : `${from}: ${amounts.join(', ')}`;
    }
  }
}
