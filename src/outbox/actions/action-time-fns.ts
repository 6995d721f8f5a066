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

/** The wall time by `Intl`: exact for any instant and zone, but slow (~µs per call). */
function wallTimeByIntl(instant: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * A zone's UTC offsets only change at instants on a quarter-hour of UTC (every zone's offset and
 * every transition is whole quarter-hours), so an offset is looked up once per zone and quarter
 * and reused for every instant inside it. A batch of receipts costs one `Intl` call, not one each.
 */
const QUARTER_MS = 15 * 60_000;
const MAX_OFFSETS = 4_096;
const FAST_FROM_MS = Date.parse('1900-01-01T00:00:00Z');
const FAST_UNTIL_MS = Date.parse('9999-12-31T00:00:00Z');
const offsets = new Map<string, number | null>();

/** The offset (ms) in force for the whole quarter-hour, or null if it changes inside it. */
function quarterOffset(quarter: number, timeZone: string): number | null {
  const key = `${timeZone}\u0000${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = quarter * QUARTER_MS;
    const atStart = offsetByIntl(start, timeZone);
    offset = atStart === offsetByIntl(start + QUARTER_MS - 1_000, timeZone) ? atStart : null;
    if (offsets.size >= MAX_OFFSETS) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

function offsetByIntl(ms: number, timeZone: string): number {
  const wall = wallTimeByIntl(new Date(ms), timeZone);
  return Date.parse(`${wall}Z`) - (ms - (((ms % 1_000) + 1_000) % 1_000));
}

/**
 * The facility-local wall time of an instant, `YYYY-MM-DDThh:mm:ss` without a zone (Metrc's
 * `SalesDateTime`).
 *
 * @example
 * metrcLocalDateTime(new Date('2026-11-27T18:30:00Z'), 'America/Los_Angeles'); // '2026-11-27T10:30:00'
 */
export function metrcLocalDateTime(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const offset = quarterOffset(Math.floor(ms / QUARTER_MS), timeZone);
  const local = offset === null ? Number.NaN : ms + offset;
  // Outside 1900–9999 (old local mean times, ISO's six-digit years): leave it to Intl.
  if (Number.isNaN(local) || local < FAST_FROM_MS || local >= FAST_UNTIL_MS) {
    return wallTimeByIntl(instant, timeZone);
  }
  return new Date(local).toISOString().slice(0, 19);
}

/** The facility-local calendar date of an instant, `YYYY-MM-DD` (Metrc's `ActualDate` and kin). */
export function metrcLocalDate(instant: Date, timeZone: string): string {
  return metrcLocalDateTime(instant, timeZone).slice(0, 10);
}
