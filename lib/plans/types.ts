import type { LineStatus, Looptijd } from './schema';

/**
 * Shapes of a stored plan as the rest of the app sees it. Amounts are whole
 * euros. PlanState is what a save replaces and a revision keeps; PlanView adds
 * identity and bookkeeping.
 */

export type NeedRow = { costCategory: string; year: number; amount: number };

export type LineRow = {
  id: string;
  costCategory: string;
  /** A financieringsbronnen slug, or null for a custom source. */
  sourceSlug: string | null;
  /** A source the catalogue lacks, as the user typed it; null for catalogue sources. */
  customSourceName: string | null;
  year: number;
  amount: number;
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

export type PlanState = PlanFields & { needs: NeedRow[]; lines: LineRow[] };

export type PlanView = PlanState & {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};
