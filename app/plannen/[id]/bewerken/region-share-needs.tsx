import { formatEuro } from '@/lib/money';
import { shareAmount, shareLabel, type RegionShare } from '@/lib/plans/region-shares';

/**
 * Under a cost category's need inputs in the editor: the regional shares of
 * that category, per year of the form, read-only ("aandeel regio <naam>,
 * versie N"). They count in the need and gap totals above (formTotals), and
 * change only through "Regionale plannen" (link, bijwerken, unlink).
 */
export function RegionShareNeeds({ shares, category, categoryName, years }: { shares: readonly RegionShare[]; category: string; categoryName: string; years: readonly number[] }) {
  const rows = shares.filter((s) => s.needs.some((n) => n.costCategory === category));
  if (rows.length === 0) return null;
  const first = years[0] ?? 0;
  const last = years.at(-1) ?? 0;
  return (
    <div className="mt-2 rounded bg-brand-50 px-3 py-2 text-sm">
      <p className="font-medium">Ook behoefte: aandeel in regionale plannen (alleen-lezen)</p>
      <ul className="mt-1 space-y-1">
        {rows.map((share) => {
          const inYears = years.map((y) => ({ year: y, amount: shareAmount(share, category, y) })).filter((a) => a.amount > 0);
          const outside = share.needs.filter((n) => n.costCategory === category && (n.year < first || n.year > last));
          return (
            <li key={share.regionId}>
              <span className="font-medium">{shareLabel(share)}</span> ({share.memberName}, {categoryName.toLowerCase()}):{' '}
              {inYears.length === 0 ? 'niets in deze jaren' : inYears.map((a) => `${a.year} ${formatEuro(a.amount)}`).join(', ')}.
              {outside.length > 0 && ` Niet meegeteld (buiten de looptijd): ${outside.map((n) => `${n.year} ${formatEuro(n.amount)}`).join(', ')}.`}
            </li>
          );
        })}
      </ul>
      <p className="mt-1 text-xs text-muted">
        Telt mee in de behoefte en het tekort hierboven. Wijzigen kan het regionale plan; u neemt een nieuwe versie over met “Bijwerken” bij
        Regionale plannen.
      </p>
    </div>
  );
}
