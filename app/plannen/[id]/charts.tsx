import { formatEuro } from '@/lib/money';

/**
 * Small server-rendered SVG charts for the read page. No JavaScript, prints as
 * vector. Each chart is one role="img" with a sentence as its name; the page
 * puts a table with the same numbers beside every chart, so the SVG's own
 * labels are a visual aid only.
 */

const COLORS = {
  need: '#d1d5db',
  needStroke: '#374151',
  funded: '#154273',
  temporary: '#ffb612',
  temporaryStroke: '#92400e',
  structural: '#154273',
  axis: '#4b5563',
  text: '#1a1a1a',
  cliff: '#b91c1c',
};

/** A round upper bound for the axis: 1, 2, 2.5 or 5 × a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

/** "€ 1,2 mln", "€ 250k"-style ticks would be English; Dutch: "€ 250.000" is clear and fits at this size. */
const tick = (value: number) => formatEuro(value);

type Layout = { width: number; height: number; left: number; right: number; top: number; bottom: number };
const LAYOUT: Layout = { width: 480, height: 240, left: 84, right: 8, top: 12, bottom: 44 };

function Axis({ max, layout }: { max: number; layout: Layout }) {
  const plotHeight = layout.height - layout.top - layout.bottom;
  const steps = [0, 0.25, 0.5, 0.75, 1];
  return (
    <g>
      {steps.map((s) => {
        const y = layout.top + plotHeight * (1 - s);
        return (
          <g key={s}>
            <line x1={layout.left} x2={layout.width - layout.right} y1={y} y2={y} stroke="#e5e7eb" strokeWidth={1} />
            <text x={layout.left - 6} y={y + 4} textAnchor="end" fontSize={12} fill={COLORS.axis}>
              {tick(max * s)}
            </text>
          </g>
        );
      })}
      <line x1={layout.left} x2={layout.width - layout.right} y1={layout.top + plotHeight} y2={layout.top + plotHeight} stroke={COLORS.axis} strokeWidth={1} />
    </g>
  );
}

function Legend({ items }: { items: { label: string; fill: string; stroke?: string }[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
      {items.map((i) => (
        <li key={i.label} className="flex items-center gap-1.5">
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <rect x="0.5" y="0.5" width="13" height="13" fill={i.fill} stroke={i.stroke ?? i.fill} />
          </svg>
          {i.label}
        </li>
      ))}
    </ul>
  );
}

type Series = { label: string; values: number[]; fill: string; stroke?: string };

/** Bars side by side per year, one per series, with a legend. */
function GroupedBarsChart({ years, series, label }: { years: number[]; series: Series[]; label: string }) {
  const L = LAYOUT;
  const max = niceMax(Math.max(...series.flatMap((s) => s.values), 0));
  const plotWidth = L.width - L.left - L.right;
  const plotHeight = L.height - L.top - L.bottom;
  const slot = plotWidth / Math.max(years.length, 1);
  const bar = Math.min(28, (slot * 0.7) / Math.max(series.length, 1));
  const h = (v: number) => (Math.max(v, 0) / max) * plotHeight;
  return (
    <figure className="break-inside-avoid print:mb-2">
      <svg viewBox={`0 0 ${L.width} ${L.height}`} role="img" aria-label={label} className="h-auto w-full max-w-2xl print:max-w-[60%]">
        <Axis max={max} layout={L} />
        {years.map((year, i) => {
          const center = L.left + slot * i + slot / 2;
          const first = center - (bar * series.length) / 2;
          const base = L.top + plotHeight;
          return (
            <g key={year}>
              {series.map((s, j) => {
                const v = s.values[i] ?? 0;
                return <rect key={s.label} x={first + bar * j + 0.5} y={base - h(v)} width={bar - 1} height={h(v)} fill={s.fill} stroke={s.stroke ?? s.fill} />;
              })}
              <text x={center} y={base + 16} textAnchor="middle" fontSize={14} fill={COLORS.text}>
                {year}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend items={series.map(({ label: l, fill, stroke }) => ({ label: l, fill, stroke }))} />
    </figure>
  );
}

/** Need (grey) next to funding (blue) per year. */
export function NeedFundedChart({ years, need, funded, label }: { years: number[]; need: number[]; funded: number[]; label: string }) {
  return (
    <GroupedBarsChart
      years={years}
      label={label}
      series={[
        { label: 'Behoefte', values: need, fill: COLORS.need, stroke: COLORS.needStroke },
        { label: 'Financiering (toegezegd en aangevraagd)', values: funded, fill: COLORS.funded },
      ]}
    />
  );
}

/**
 * Two scenarios per year beside the need: the plan as entered, and without
 * money from sources that have ended or are uncertain in that year.
 */
export function ScenarioChart({ years, need, asEntered, floor, label }: { years: number[]; need: number[]; asEntered: number[]; floor: number[]; label: string }) {
  return (
    <GroupedBarsChart
      years={years}
      label={label}
      series={[
        { label: 'Behoefte', values: need, fill: COLORS.need, stroke: COLORS.needStroke },
        { label: 'Zoals ingevuld', values: asEntered, fill: COLORS.temporary, stroke: COLORS.temporaryStroke },
        { label: 'Zonder afgelopen of onzekere geldbronnen', values: floor, fill: COLORS.funded },
      ]}
    />
  );
}

/** Temporary (amber) stacked on structural (blue) per year, with the cliff year marked. */
export function TemporaryStructuralChart({
  years,
  temporary,
  structural,
  cliffYear,
  label,
}: {
  years: number[];
  temporary: number[];
  structural: number[];
  cliffYear: number | null;
  label: string;
}) {
  const L = LAYOUT;
  const totals = years.map((_, i) => (temporary[i] ?? 0) + (structural[i] ?? 0));
  const max = niceMax(Math.max(...totals, 0));
  const plotWidth = L.width - L.left - L.right;
  const plotHeight = L.height - L.top - L.bottom;
  const slot = plotWidth / Math.max(years.length, 1);
  const bar = Math.min(48, slot * 0.6);
  const h = (v: number) => (Math.max(v, 0) / max) * plotHeight;
  const cliffIndex = cliffYear === null ? -1 : years.indexOf(cliffYear);
  // After the last plan year, the marker sits at the right edge.
  const cliffX = cliffYear === null ? null : cliffIndex >= 0 ? L.left + slot * cliffIndex : cliffYear > (years.at(-1) ?? 0) ? L.left + plotWidth : null;
  return (
    <figure className="break-inside-avoid print:mb-2">
      <svg viewBox={`0 0 ${L.width} ${L.height}`} role="img" aria-label={label} className="h-auto w-full max-w-2xl print:max-w-[60%]">
        <Axis max={max} layout={L} />
        {years.map((year, i) => {
          const x = L.left + slot * i + slot / 2 - bar / 2;
          const base = L.top + plotHeight;
          const s = structural[i] ?? 0;
          const t = temporary[i] ?? 0;
          return (
            <g key={year}>
              <rect x={x} y={base - h(s)} width={bar} height={h(s)} fill={COLORS.structural} />
              <rect x={x} y={base - h(s) - h(t)} width={bar} height={h(t)} fill={COLORS.temporary} stroke={COLORS.temporaryStroke} />
              <text x={x + bar / 2} y={base + 16} textAnchor="middle" fontSize={14} fill={COLORS.text}>
                {year}
              </text>
            </g>
          );
        })}
        {cliffX !== null && (
          <g>
            <line x1={cliffX} x2={cliffX} y1={L.top} y2={L.top + plotHeight + 24} stroke={COLORS.cliff} strokeWidth={2} strokeDasharray="5 3" />
            <text x={cliffIndex >= 0 ? cliffX + 4 : cliffX - 4} y={L.top + plotHeight + 38} textAnchor={cliffIndex >= 0 ? 'start' : 'end'} fontSize={13} fontWeight="bold" fill={COLORS.cliff}>
              klif {cliffYear}
            </text>
          </g>
        )}
      </svg>
      <Legend
        items={[
          { label: 'Tijdelijk', fill: COLORS.temporary, stroke: COLORS.temporaryStroke },
          { label: 'Structureel', fill: COLORS.structural },
          ...(cliffX !== null ? [{ label: 'Klif: geen tijdelijk geld meer', fill: '#fff', stroke: COLORS.cliff }] : []),
        ]}
      />
    </figure>
  );
}

export { HorizontalBars } from '@/components/horizontal-bars';
