/**
 * "Mijn plannen": the plans and regional plans opened in this browser, kept
 * in localStorage only (components/my-plans.tsx reads and writes it; nothing
 * goes to the server). Pure functions, so they are unit-tested without a DOM.
 *
 * What is stored per plan: kind, id, title, place (municipality, or the number
 * of member municipalities), when it was last opened, and the edit secret ONLY
 * when the user ticked "Onthoud de bewerkingslink op dit apparaat". Links are
 * never stored: they are rebuilt from kind, id and secret, so data written by
 * anything else (another app on this origin, a hand edit) can never become a
 * `javascript:` or foreign link. Everything read is validated; an invalid
 * entry is dropped, and a value that is not ours reads as an empty list.
 */

import { planEditPath, planReadPath } from '@/lib/plans/urls';
import { regionEditPath, regionReadPath } from '@/lib/regions/urls';

export const MY_PLANS_KEY = 'kansrijke-start:mijn-plannen';
const FORMAT = 1;
/** Oldest entries beyond this are dropped: a list, not an archive. */
export const MY_PLANS_MAX = 50;
const TITLE_MAX = 200;
const PLACE_MAX = 120;

export type PlanKind = 'plan' | 'regio';

export type RememberedPlan = {
  kind: PlanKind;
  id: string;
  title: string;
  place: string;
  /** Last opened, ms since the epoch. */
  seen: number;
  /** The edit secret, only when the user chose to remember the edit link. */
  secret?: string;
};

/** What a page knows when it is opened. */
export type Visit = { kind: PlanKind; id: string; title: string; place: string };

const ID = /^[A-Za-z0-9_-]{1,128}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const cleanText = (v: unknown, max: number): string | null => {
  if (typeof v !== 'string') return null;
  // No control characters (a line break in a title would only confuse the list).
  return v.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, max);
};

/** One stored entry, or null when anything about it is off. */
export function parseEntry(value: unknown): RememberedPlan | null {
  if (!isRecord(value)) return null;
  const { kind, id, title, place, seen, secret } = value;
  if (kind !== 'plan' && kind !== 'regio') return null;
  if (typeof id !== 'string' || !ID.test(id)) return null;
  const cleanTitle = cleanText(title, TITLE_MAX);
  const cleanPlace = cleanText(place, PLACE_MAX);
  if (cleanTitle === null || cleanPlace === null) return null;
  if (typeof seen !== 'number' || !Number.isFinite(seen) || seen < 0) return null;
  if (secret !== undefined && (typeof secret !== 'string' || !ID.test(secret))) return null;
  return { kind, id, title: cleanTitle, place: cleanPlace, seen, ...(secret === undefined ? {} : { secret }) };
}

/** The stored text as a list, newest first, one entry per plan, at most MY_PLANS_MAX. */
export function parseMyPlans(raw: string | null | undefined): RememberedPlan[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!isRecord(data) || data.format !== FORMAT || !Array.isArray(data.plans)) return [];
  const entries = data.plans.map(parseEntry).filter((e): e is RememberedPlan => e !== null);
  return normalize(entries);
}

export function serializeMyPlans(list: readonly RememberedPlan[]): string {
  return JSON.stringify({ format: FORMAT, plans: normalize(list) });
}

const sameKey = (a: { kind: PlanKind; id: string }, b: { kind: PlanKind; id: string }) => a.kind === b.kind && a.id === b.id;

function normalize(list: readonly RememberedPlan[]): RememberedPlan[] {
  const sorted = [...list].sort((a, b) => b.seen - a.seen);
  const out: RememberedPlan[] = [];
  for (const entry of sorted) if (!out.some((e) => sameKey(e, entry))) out.push(entry);
  return out.slice(0, MY_PLANS_MAX);
}

/**
 * Records a visit. `secret`: a string stores that edit secret, null removes
 * any stored one, undefined keeps what is stored (a read page never changes it).
 */
export function rememberVisit(list: readonly RememberedPlan[], visit: Visit, now: number, secret?: string | null): RememberedPlan[] {
  const entry = parseEntry({ ...visit, seen: now });
  if (!entry) return [...list];
  const before = list.find((e) => sameKey(e, entry));
  const kept = secret === undefined ? before?.secret : secret === null ? undefined : ID.test(secret) ? secret : undefined;
  const next: RememberedPlan = { ...entry, ...(kept === undefined ? {} : { secret: kept }) };
  return normalize([next, ...list.filter((e) => !sameKey(e, entry))]);
}

export function forgetPlan(list: readonly RememberedPlan[], kind: PlanKind, id: string): RememberedPlan[] {
  return list.filter((e) => !sameKey(e, { kind, id }));
}

export function forgetEditLink(list: readonly RememberedPlan[], kind: PlanKind, id: string): RememberedPlan[] {
  return list.map((e) => {
    if (!sameKey(e, { kind, id })) return e;
    const { secret: _secret, ...rest } = e;
    return rest;
  });
}

export function findPlan(list: readonly RememberedPlan[], kind: PlanKind, id: string): RememberedPlan | undefined {
  return list.find((e) => sameKey(e, { kind, id }));
}

export function readPathOf(entry: { kind: PlanKind; id: string }): string {
  return entry.kind === 'plan' ? planReadPath(entry.id) : regionReadPath(entry.id);
}

export function editPathOf(entry: RememberedPlan): string | null {
  if (!entry.secret) return null;
  return entry.kind === 'plan' ? planEditPath(entry.id, entry.secret) : regionEditPath(entry.id, entry.secret);
}

/** A regional plan's "place" in the list: how many municipalities take part. */
export function membersPlace(count: number): string {
  return `${count} ${count === 1 ? 'gemeente' : 'gemeenten'}`;
}
