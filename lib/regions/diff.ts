import { formatEuro, formatNumber } from '@/lib/money';
import type { Names } from './calculate';
import { formatBp } from './paste';
import { TRAJECTORY_BASIS_LABEL, type RegionState, type SharedItem, type TrajectoryItem } from './schema';
import { SPLIT_KEY_LABEL, type Member } from './split';
import { amountIn } from './years';

/**
 * "What changed" between two states of a regional plan (two revisions, or the
 * version a form was loaded at and the one that won a race), for the history
 * and the conflict message, as lib/plans/diff.ts does for funding plans.
 *
 * Items have no ids, so they are matched by what names them: a shared item by
 * its description (or, without one, its cost category), a trajectory item by
 * its intervention; items with the same name pair up in list order. Renaming
 * an item therefore reads as one removed and one added. Members are matched
 * by name (case-insensitive); per-member values (trajectories) are compared by
 * member name and year, so a reordered or extended member list does not read
 * as changed counts.
 */

type Field = 'name' | 'startYear' | 'endYear';
type Item = { kind: 'gedeeld'; item: SharedItem } | { kind: 'trajecten'; item: TrajectoryItem };

export type RegionChange =
  | { kind: 'field'; field: Field; before: string | number; after: string | number }
  | { kind: 'member-added'; member: Member }
  | { kind: 'member-removed'; member: Member }
  | { kind: 'member-changed'; before: Member; after: Member }
  | { kind: 'members-reordered' }
  | { kind: 'item-added'; item: Item }
  | { kind: 'item-removed'; item: Item }
  | { kind: 'item-changed'; before: Item; after: Item; details: ItemDetail[] };

/** One difference within an item, in terms the description can render. */
export type ItemDetail =
  | { what: 'costCategory'; before: string; after: string }
  | { what: 'amount'; year: number; before: number; after: number }
  | { what: 'splitKey'; before: SharedItem['splitKey']; after: SharedItem['splitKey'] }
  | { what: 'percentages'; before: number[] | null; after: number[] | null }
  | { what: 'price'; before: number; after: number }
  | { what: 'basis'; before: TrajectoryItem['basis']; after: TrajectoryItem['basis'] }
  | { what: 'percentage'; before: number | null; after: number | null }
  | { what: 'trajectories'; member: string; year: number; before: number; after: number };

const FIELDS: Field[] = ['name', 'startYear', 'endYear'];
const memberKey = (name: string) => name.trim().toLocaleLowerCase('nl-NL');
const itemKey = (i: Item) => (i.kind === 'gedeeld' ? `gedeeld:${(i.item.description ?? `#${i.item.costCategory}`).toLocaleLowerCase('nl-NL')}` : `trajecten:${i.item.intervention}`);
const sameList = (a: readonly number[] | null, b: readonly number[] | null) => (a === null || b === null ? a === b : a.length === b.length && a.every((x, i) => x === b[i]));

function memberChanges(before: readonly Member[], after: readonly Member[]): RegionChange[] {
  const changes: RegionChange[] = [];
  const old = new Map(before.map((m) => [memberKey(m.name), m]));
  const now = new Set(after.map((m) => memberKey(m.name)));
  for (const m of after) {
    const b = old.get(memberKey(m.name));
    if (!b) changes.push({ kind: 'member-added', member: m });
    else if (b.name !== m.name || b.children0to4 !== m.children0to4 || b.children0to18 !== m.children0to18) changes.push({ kind: 'member-changed', before: b, after: m });
  }
  for (const m of before) if (!now.has(memberKey(m.name))) changes.push({ kind: 'member-removed', member: m });
  const common = (list: readonly Member[], other: Set<string>) => list.map((m) => memberKey(m.name)).filter((k) => other.has(k));
  const a = common(before, now);
  const b = common(after, new Set(old.keys()));
  if (a.some((k, i) => k !== b[i])) changes.push({ kind: 'members-reordered' });
  return changes;
}

/** Trajectories per member name and year (0 where there is none). */
function countsByMember(item: TrajectoryItem, members: readonly Member[]): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  members.forEach((m, i) => out.set(memberKey(m.name), new Map((item.trajectories ?? []).map((t) => [t.year, t.counts[i] ?? 0]))));
  return out;
}

function itemDetails(before: Item, after: Item, states: { before: RegionState; after: RegionState }): ItemDetail[] {
  const details: ItemDetail[] = [];
  if (before.item.costCategory !== after.item.costCategory) details.push({ what: 'costCategory', before: before.item.costCategory, after: after.item.costCategory });
  if (before.kind === 'gedeeld' && after.kind === 'gedeeld') {
    const b = before.item;
    const a = after.item;
    const years = [...new Set([...b.amounts, ...a.amounts].map((x) => x.year))].sort((x, y) => x - y);
    for (const year of years) {
      const [was, is] = [amountIn(b.amounts, year), amountIn(a.amounts, year)];
      if (was !== is) details.push({ what: 'amount', year, before: was, after: is });
    }
    if (b.splitKey !== a.splitKey) details.push({ what: 'splitKey', before: b.splitKey, after: a.splitKey });
    else if (!sameList(b.percentages, a.percentages)) details.push({ what: 'percentages', before: b.percentages, after: a.percentages });
  }
  if (before.kind === 'trajecten' && after.kind === 'trajecten') {
    const b = before.item;
    const a = after.item;
    if (b.pricePerTrajectory !== a.pricePerTrajectory) details.push({ what: 'price', before: b.pricePerTrajectory, after: a.pricePerTrajectory });
    if (b.basis !== a.basis) details.push({ what: 'basis', before: b.basis, after: a.basis });
    if (a.basis === 'percentage' && b.percentage !== a.percentage) details.push({ what: 'percentage', before: b.percentage, after: a.percentage });
    if (a.basis === 'historisch' && b.basis === 'historisch') {
      const was = countsByMember(b, states.before.members);
      const is = countsByMember(a, states.after.members);
      // Members in both versions only: an added or removed member is its own change.
      for (const m of states.after.members) {
        const key = memberKey(m.name);
        const wasCounts = was.get(key);
        const isCounts = is.get(key);
        if (!wasCounts || !isCounts) continue;
        const years = [...new Set([...wasCounts.keys(), ...isCounts.keys()])].sort((x, y) => x - y);
        for (const year of years) {
          const [x, y] = [wasCounts.get(year) ?? 0, isCounts.get(year) ?? 0];
          if (x !== y) details.push({ what: 'trajectories', member: m.name, year, before: x, after: y });
        }
      }
    }
  }
  return details;
}

export function diffRegions(before: RegionState, after: RegionState): RegionChange[] {
  const changes: RegionChange[] = [];
  for (const field of FIELDS) if (before[field] !== after[field]) changes.push({ kind: 'field', field, before: before[field], after: after[field] });
  changes.push(...memberChanges(before.members, after.members));

  const items = (s: RegionState): Item[] => [
    ...s.sharedItems.map((item): Item => ({ kind: 'gedeeld', item })),
    ...s.trajectoryItems.map((item): Item => ({ kind: 'trajecten', item })),
  ];
  const unmatched = new Map<string, Item[]>();
  for (const item of items(before)) unmatched.set(itemKey(item), [...(unmatched.get(itemKey(item)) ?? []), item]);
  for (const item of items(after)) {
    const old = unmatched.get(itemKey(item))?.shift();
    if (!old) {
      changes.push({ kind: 'item-added', item });
      continue;
    }
    const details = itemDetails(old, item, { before, after });
    if (details.length > 0) changes.push({ kind: 'item-changed', before: old, after: item, details });
  }
  for (const rest of unmatched.values()) for (const item of rest) changes.push({ kind: 'item-removed', item });
  return changes;
}

const FIELD_LABEL: Record<Field, string> = { name: 'Naam', startYear: 'Eerste jaar', endYear: 'Laatste jaar' };
/** How many trajectory differences one item lists before "and N more". */
const MAX_TRAJECTORY_DETAILS = 6;

const quote = (value: string | number) => `‘${value}’`;
const percent = (p: number | null) => (p === null ? '(geen)' : `${formatBp(Math.round(p * 100))}%`);
const percentList = (list: number[] | null) => (list === null ? '(geen)' : list.map((p) => formatBp(Math.round(p * 100))).join('; '));

function itemLabel(i: Item, names: Names): string {
  return i.kind === 'gedeeld'
    ? `gedeelde kostenpost ${quote(i.item.description ?? names.category(i.item.costCategory))}`
    : `trajectpost ${quote(names.intervention(i.item.intervention))}`;
}

function itemSummary(i: Item, names: Names): string {
  if (i.kind === 'gedeeld') {
    const total = i.item.amounts.reduce((a, x) => a + x.amount, 0);
    return `${itemLabel(i, names)} (${names.category(i.item.costCategory).toLowerCase()}, ${formatEuro(total)} over de looptijd, ${SPLIT_KEY_LABEL[i.item.splitKey].toLowerCase()})`;
  }
  return `${itemLabel(i, names)} (${names.category(i.item.costCategory).toLowerCase()}, ${formatEuro(i.item.pricePerTrajectory)} per traject)`;
}

function describeDetails(details: readonly ItemDetail[], names: Names): string[] {
  const parts: string[] = [];
  let trajectories = 0;
  for (const d of details) {
    switch (d.what) {
      case 'costCategory':
        parts.push(`kostensoort ${names.category(d.before).toLowerCase()} → ${names.category(d.after).toLowerCase()}`);
        break;
      case 'amount':
        parts.push(`bedrag ${d.year} ${formatEuro(d.before)} → ${formatEuro(d.after)}`);
        break;
      case 'splitKey':
        parts.push(`verdeelsleutel ${quote(SPLIT_KEY_LABEL[d.before].toLowerCase())} → ${quote(SPLIT_KEY_LABEL[d.after].toLowerCase())}`);
        break;
      case 'percentages':
        parts.push(`percentages ${percentList(d.before)} → ${percentList(d.after)}`);
        break;
      case 'price':
        parts.push(`prijs per traject ${formatEuro(d.before)} → ${formatEuro(d.after)}`);
        break;
      case 'basis':
        parts.push(`aantal trajecten volgens ${quote(TRAJECTORY_BASIS_LABEL[d.before].toLowerCase())} → ${quote(TRAJECTORY_BASIS_LABEL[d.after].toLowerCase())}`);
        break;
      case 'percentage':
        parts.push(`geadviseerd percentage ${percent(d.before)} → ${percent(d.after)}`);
        break;
      case 'trajectories':
        trajectories++;
        if (trajectories <= MAX_TRAJECTORY_DETAILS) parts.push(`trajecten ${d.member} ${d.year}: ${formatNumber(d.before)} → ${formatNumber(d.after)}`);
        break;
    }
  }
  if (trajectories > MAX_TRAJECTORY_DETAILS) parts.push(`en nog ${trajectories - MAX_TRAJECTORY_DETAILS} aantallen trajecten`);
  return parts;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const children = (m: Member) => `${formatNumber(m.children0to4)} kinderen 0–4, ${formatNumber(m.children0to18)} kinderen 0–18`;

/** One Dutch sentence per change, for the history and the conflict message. */
export function describeRegionChange(change: RegionChange, names: Names): string {
  switch (change.kind) {
    case 'field':
      return `${FIELD_LABEL[change.field]}: ${quote(change.before)} → ${quote(change.after)}`;
    case 'member-added':
      return `Gemeente toegevoegd: ${change.member.name} (${children(change.member)})`;
    case 'member-removed':
      return `Gemeente verwijderd: ${change.member.name}`;
    case 'member-changed': {
      const { before, after } = change;
      const parts = [
        ...(before.name !== after.name ? [`naam ${quote(before.name)} → ${quote(after.name)}`] : []),
        ...(before.children0to4 !== after.children0to4 || before.children0to18 !== after.children0to18 ? [`${children(before)} → ${children(after)}`] : []),
      ];
      return `Gemeente gewijzigd: ${after.name}: ${parts.join('; ')}`;
    }
    case 'members-reordered':
      return 'Volgorde van de gemeenten gewijzigd';
    case 'item-added':
      return `Kostenpost toegevoegd: ${itemSummary(change.item, names)}`;
    case 'item-removed':
      return `Kostenpost verwijderd: ${itemSummary(change.item, names)}`;
    case 'item-changed':
      return `${capital(itemLabel(change.after, names))} gewijzigd: ${describeDetails(change.details, names).join('; ')}`;
  }
}

export function describeRegionChanges(before: RegionState, after: RegionState, names: Names): string[] {
  return diffRegions(before, after).map((c) => describeRegionChange(c, names));
}
