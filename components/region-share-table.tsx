import type { ReactNode } from 'react';
import { TableScroll } from '@/components/table-scroll';
import { formatEuro } from '@/lib/money';
import { shareAmount, shareTotal, type RegionShareNeed } from '@/lib/plans/region-shares';

const th = 'px-2 py-1 text-right font-semibold';
const td = 'border-b border-gray-200 px-2 py-1 text-right tabular-nums';
const rowTh = 'border-b border-gray-200 py-1 pr-3 text-left font-medium';

type Props = {
  /** The share's needs that count in the plan's years. */
  needs: readonly RegionShareNeed[];
  /** The rows; by default the categories of `needs`. */
  categories?: readonly string[];
  years: readonly number[];
  categoryName: (slug: string) => string;
  /** The scroll region's accessible name. */
  label: string;
  caption: ReactNode;
  /** A visible caption on the edit page; on the read page the heading above says it, so it is for screen readers. */
  captionClassName?: string;
  className?: string;
};

/** A regional share as need: cost categories × the plan's years, read-only (plan read and edit pages). */
export function RegionShareTable({ needs, categories = [...new Set(needs.map((n) => n.costCategory))], years, categoryName, label, caption, captionClassName = 'mb-1 text-left font-semibold', className }: Props) {
  const counted = { needs };
  return (
    <TableScroll label={label} className={className}>
      <table className="w-full border-collapse text-sm">
        <caption className={captionClassName}>{caption}</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            <th scope="col" className="py-1 pr-3 text-left">
              Kostensoort
            </th>
            {years.map((y) => (
              <th key={y} scope="col" className={th}>
                {y}
              </th>
            ))}
            <th scope="col" className={th}>
              Totaal
            </th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c}>
              <th scope="row" className={rowTh}>
                {categoryName(c)}
              </th>
              {years.map((y) => (
                <td key={y} className={td}>
                  {formatEuro(shareAmount(counted, c, y))}
                </td>
              ))}
              <td className={`${td} font-semibold`}>{formatEuro(shareTotal(needs.filter((n) => n.costCategory === c)))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
