/**
 * Calendar days as "YYYY-MM-DD" strings (they sort as dates). No imports, so
 * client components can use them without pulling in the content schemas.
 */

/** The last day a peildatum ("2020", "2020-12", "2020-12-01") can mean, as YYYY-MM-DD. */
export function lastDayOf(value: string): string {
  const [y, m, d] = value.split('-');
  if (d) return value;
  if (m) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return `${y}-${m}-${String(last).padStart(2, '0')}`;
  }
  return `${y}-12-31`;
}

/** The first day a peildatum can mean, as YYYY-MM-DD. */
export function firstDayOf(value: string): string {
  const [y, m, d] = value.split('-');
  return `${y}-${m ?? '01'}-${d ?? '01'}`;
}

/** Today as YYYY-MM-DD in the Netherlands' calendar (the content's dates are Dutch dates). */
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
export function isoToday(now: Date = new Date()): string {
  return dayFormat.format(now);
}

