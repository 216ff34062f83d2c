const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "23 november 2026 om 14:05", in Dutch time whatever the server's zone. */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}
