import type { RegionShare } from './region-shares';
import type { LineStatus, Looptijd } from './schema';

/**
 * Shapes of a stored plan as the rest of the app sees it. Amounts are whole
 * euros. PlanState is what a save replaces and a revision keeps; PlanView adds
 * identity and bookkeeping.
 */

export type NeedRow = { costCategory: string; year: number; amount: number };

/** An amount in one year. Lists of these are ascending by year, one entry per year, never 0 (a missing year is 0). */
export type YearAmount = { year: number; amount: number };

export type LineRow = {
  id: string;
  costCategory: string;
  /** A financieringsbronnen slug, or null for a custom source. */
  sourceSlug: string | null;
  /** A source the catalogue lacks, as the user typed it; null for catalogue sources. */
  customSourceName: string | null;
  /** Money per year (lib/plans/lines.ts normalises: ascending, no zeros). A line without amounts is a row still to fill. */
  amounts: YearAmount[];
  looptijd: Looptijd;
  status: LineStatus;
  rejectionReason: string | null;
  note: string | null;
};

export type PlanFields = {
  municipality: string;
  title: string;
  startYear: number;
  endYear: number;
  contactNote: string | null;
};

export type PlanState = PlanFields & {
  needs: NeedRow[];
  lines: LineRow[];
  /**
   * Shares of regional plans this plan is linked to, counted as need (lib/plans/region-shares.ts).
   * Optional: states written before links existed (and callers that build a state by hand) have none.
   */
  regionShares?: RegionShare[];
};

export type PlanView = PlanState & {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};
