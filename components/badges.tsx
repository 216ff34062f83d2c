import { BETALER_LABEL, LOOPTIJD_LABEL } from '@/lib/content/labels';
import type { Betaler } from '@/lib/content/schema';

const base = 'inline-block rounded px-2 py-0.5 text-xs font-medium';

export function PayerBadge({ betaler }: { betaler: Betaler }) {
  const tone = betaler === 'zorgverzekeraar' ? 'bg-emerald-50 text-emerald-900 ring-1 ring-emerald-700' : 'bg-brand-50 text-brand-800 ring-1 ring-brand-700';
  return <span className={`${base} ${tone}`}>{BETALER_LABEL[betaler]}</span>;
}

export function LooptijdBadge({ looptijd }: { looptijd: keyof typeof LOOPTIJD_LABEL }) {
  const tone = looptijd === 'tijdelijk' ? 'bg-accent-100 text-ink ring-1 ring-amber-700' : 'bg-gray-100 text-ink ring-1 ring-gray-600';
  return <span className={`${base} ${tone}`}>{LOOPTIJD_LABEL[looptijd]}</span>;
}
