import type { ValidityStatus } from '@/lib/content/validity';

/** Badge colours per validity status, shared by server pages and the wegwijzer's client explorer. The badge always carries a word too. */
export const VALIDITY_TONE: Record<ValidityStatus, string> = {
  loopt: 'bg-emerald-50 text-emerald-900 ring-emerald-700',
  'loopt-af': 'bg-accent-100 text-ink ring-amber-700',
  start: 'bg-brand-50 text-brand-800 ring-brand-700',
  'onbekend-na': 'bg-gray-100 text-ink ring-gray-600',
  onbekend: 'bg-gray-100 text-ink ring-gray-600',
  beeindigd: 'bg-red-50 text-red-900 ring-red-800',
};
