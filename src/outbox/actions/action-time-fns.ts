/**
 * Original times (design §3 rule 8): every Metrc date of a submission comes from its
 * `occurredAt`, never from when it was sent. Metrc wants facility-local times without a zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The facility-local wall time of an instant, `YYYY-MM-DDThh:mm:ss` without a zone (Metrc's
 * `SalesDateTime`).
 *
 * @example
 * metrcLocalDateTime(new Date('2026-11-27T18:30:00Z'), 'America/Los_Angeles'); // '2026-11-27T10:30:00'
 */
export function metrcLocalDateTime(instant: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The facility-local calendar date of an instant, `YYYY-MM-DD` (Metrc's `ActualDate` and kin). */
export function metrcLocalDate(instant: Date, timeZone: string): string {
  return metrcLocalDateTime(instant, timeZone).slice(0, 10);
}
