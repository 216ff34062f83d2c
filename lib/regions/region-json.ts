import { planReadPath } from '@/lib/plans/urls';
import { computeSplit, type Names } from './calculate';
import type { RegionView } from './repository';
import { regionExportPath, regionReadPath } from './urls';

/** The body of GET /api/regio/<id>: the stored plan plus the computed split. */
export function regionJson(region: RegionView, names: Names) {
  const { members, sharedItems, trajectoryItems, handoffs, ...fields } = region;
  const split = computeSplit(region, names);
  return {
    region: fields,
    members,
    sharedItems,
    trajectoryItems,
    split: {
      years: split.years,
      items: split.items.map(({ kind, index, costCategory, label, keyLabel, amountPerYear, shares, trajectories }) => ({
        kind,
        index,
        costCategory,
        label,
        keyLabel,
        amountPerYear,
        shares,
        trajectories,
      })),
      members: split.members.map((m) => ({ name: m.name, perYearByCategory: Object.fromEntries(m.perYearByCategory), perYear: m.perYear, total: m.total })),
      perYear: split.perYear,
      total: split.total,
    },
    // Only read links: a municipal plan's edit secret is never kept.
    handoffs: handoffs.map((h) => ({ ...h, planReadUrl: planReadPath(h.planId) })),
    links: { read: regionReadPath(region.id), csv: regionExportPath(region.id, 'csv'), xlsx: regionExportPath(region.id, 'xlsx') },
  };
}
