import type { Betaler, Zekerheid } from './schema';

export const BETALER_LABEL: Record<Betaler, string> = {
  gemeente: 'Gemeente',
  zorgverzekeraar: 'Zorgverzekeraar',
  provincie: 'Provincie',
  rijk: 'Rijk',
  fonds: 'Fonds',
};

export const LOOPTIJD_LABEL = {
  tijdelijk: 'Tijdelijk (voorfinanciering)',
  structureel: 'Structureel (borging)',
  beide: 'Tijdelijk en structureel',
  onbekend: 'Looptijd onbekend',
} as const;

/** The certainty labels of actuele-feiten-2026.md, in words a user reads. */
export const ZEKERHEID_LABEL: Record<Zekerheid, string> = {
  autoriteit: 'Autoriteit (verantwoordelijke instantie)',
  'gemeente-nieuws': 'Gemeente of nieuws',
  afgeleid: 'Afgeleid (onze conclusie)',
};

export const THEMA_LABEL = {
  'drempels-voor-kwetsbare-gezinnen': 'Drempels voor kwetsbare gezinnen',
  interventies: 'Interventies',
  'kwaliteit-van-zorg': 'Kwaliteit van zorg',
  samenwerkingsverbanden: 'Samenwerkingsverbanden',
} as const;

/** "2020-12" → "december 2020"; "2020" → "2020"; "2022-07-01" → "1 juli 2022". */
export function formatPeildatum(value: string): string {
  const [y, m, d] = value.split('-').map(Number);
  if (!y) return value;
  if (!m) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    ...(d ? { day: 'numeric' } : {}),
  }).format(date);
}
