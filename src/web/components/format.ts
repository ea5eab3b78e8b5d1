// Dates and times as Stegvis shows them: YYYY-MM-DD, and YYYY-MM-DD HH:MM in Swedish time.

const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat.format(date);
}

/** A calendar date is already YYYY-MM-DD; a timestamp is cut to its Swedish date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return formatDateTime(value).slice(0, 10);
}

/** The UTC offset of Swedish time at a moment, as +01:00 or +02:00. */
function stockholmOffset(at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(part ?? '');
  if (!match) return '+00:00';
  return `${match[1]}:${match[2] ?? '00'}`;
}

/** A date (YYYY-MM-DD) and time (HH:MM) in Swedish time as an ISO datetime with offset. */
export function swedishDateTimeToIso(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  return `${date}T${time}:00${stockholmOffset(guess)}`;
}

export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}
