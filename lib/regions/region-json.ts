import { planReadPath } from '@/lib/plans/urls';
import { computeSplit, type Names, type YearShare } from './calculate';
import type { RegionView } from './repository';
import { regionExportPath, regionReadPath } from './urls';

const yearJson = (y: YearShare) => ({ year: y.year, byCategory: Object.fromEntries(y.byCategory), total: y.total });

/** A municipal plan linked to this regional plan (lib/plans/region-link.ts): who pulled which version. */
export type RegionLinkRow = { planId: string; memberName: string; regionVersion: number; pulledAt: Date };

/** The body of GET /api/regio/<id>: the stored plan plus the computed split, and the plans that linked to it. */
export function regionJson(region: RegionView, names: Names, links: readonly RegionLinkRow[] = []) {
  const { members, sharedItems, trajectoryItems, handoffs, ...fields } = region;
  const split = computeSplit(region, names);
  return {
    region: fields,
    members,
    sharedItems,
    trajectoryItems,
    split: {
      years: split.years,
      items: split.items.map(({ kind, index, costCategory, label, keyLabel, years, total }) => ({ kind, index, costCategory, label, keyLabel, years, total })),
      members: split.members.map((m) => ({
        name: m.name,
        years: m.years.map(yearJson),
        byCategory: Object.fromEntries(m.byCategory),
        total: m.total,
      })),
      byYear: split.byYear.map(yearJson),
      total: split.total,
    },
    // Only read links: a municipal plan's edit secret is never kept.
    handoffs: handoffs.map((h) => ({ ...h, planReadUrl: planReadPath(h.planId) })),
    // Municipal plans that pulled a member's share: read links only, with the version pulled and whether it is the newest.
    linkedPlans: links.map((l) => ({
      member: l.memberName,
      planReadUrl: planReadPath(l.planId),
      version: l.regionVersion,
      pulledAt: l.pulledAt,
      upToDate: l.regionVersion === region.version,
    })),
    links: { read: regionReadPath(region.id), csv: regionExportPath(region.id, 'csv'), xlsx: regionExportPath(region.id, 'xlsx') },
  };
}
