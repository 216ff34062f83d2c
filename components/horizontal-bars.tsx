import { formatEuro } from '@/lib/money';

// Colours as in the plan charts (app/plannen/[id]/charts.tsx).
const COLORS = { funded: '#154273', text: '#1a1a1a' };

/** Horizontal bars, one per item (money by payer, a region's share per member). Server-rendered SVG; pages put a table with the same numbers beside it. */
export function HorizontalBars({ items, label }: { items: { label: string; amount: number }[]; label: string }) {
  const width = 480;
  const labelWidth = 170;
  const valueWidth = 100;
  const row = 30;
  const height = items.length * row + 8;
  const max = Math.max(...items.map((i) => i.amount), 1);
  const plot = width - labelWidth - valueWidth;
  return (
    <figure className="break-inside-avoid print:mb-2">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="h-auto w-full max-w-2xl print:max-w-[60%]">
        {items.map((item, i) => {
          const y = 4 + i * row;
          return (
            <g key={item.label}>
              <text x={labelWidth - 8} y={y + 19} textAnchor="end" fontSize={14} fill={COLORS.text}>
                {item.label}
              </text>
              <rect x={labelWidth} y={y + 3} width={(item.amount / max) * plot} height={row - 8} fill={COLORS.funded} />
              <text x={labelWidth + (item.amount / max) * plot + 6} y={y + 19} fontSize={14} fill={COLORS.text}>
                {formatEuro(item.amount)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
