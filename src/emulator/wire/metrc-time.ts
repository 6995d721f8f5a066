/**
 * Metrc's date and time formats (metrc-api.md §3.4). `LastModified` is an offset timestamp with
 * microseconds, so the emulator keeps stamps in microseconds; dates are `YYYY-MM-DD`;
 * `SalesDateTime` is facility-local time without a zone.
 */

/** Microseconds since the epoch → `2026-02-08T07:05:59.804361+00:00`. */
export function formatTimestamp(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString(); // …:59.804Z
  const extra = String(micros - ms * 1000).padStart(3, '0');
  return `${iso.slice(0, -1)}${extra}+00:00`;
}

/** Milliseconds since the epoch → `YYYY-MM-DD` (UTC). */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`, the only date format Metrc takes. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = DATE.exec(text);
  if (!match) return false;
  // Arithmetic, not a Date: every row of every write checks its dates.
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// yyyy-mm-ddThh:mm[:ss[.fraction]] followed by Z or ±hh:mm (window parameters).
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Parses a lastModified/salesDate query value; undefined when it is not ISO 8601 with a zone. */
export function parseZonedTimestamp(text: string): number | undefined {
  if (!ZONED.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

export type LocalDateTimeResult =
  | { ok: true; value: string }
  | { ok: false; reason: 'zone' | 'invalid' };

/**
 * Checks a facility-local date-time (`2016-10-04T16:44:53.000`) and normalises it to
 * millisecond precision. A value with a zone is refused: Metrc asks for local time "without
 * the time zone", and accepting one would hide a client bug (deliberate strictness).
 */
export function parseLocalDateTime(text: unknown): LocalDateTimeResult {
  if (typeof text !== 'string') return { ok: false, reason: 'invalid' };
  if (HAS_ZONE.test(text) && text.length > 10) return { ok: false, reason: 'zone' };
  const match = LOCAL.exec(text);
  if (!match) return { ok: false, reason: 'invalid' };
  const [, date, hh, mm, ss = '00', fraction = ''] = match;
  if (!isIsoDate(date) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) {
    return { ok: false, reason: 'invalid' };
  }
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  return { ok: true, value: `${date}T${hh}:${mm}:${ss}.${millis}` };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in `timeZone` at `ms`, as Metrc writes local times: `…T16:44:53.000`. */
export function formatLocalDateTime(ms: number, timeZone: string): string {
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
  const parts = Object.fromEntries(formatter.formatToParts(ms).map((p) => [p.type, p.value]));
  const millis = String(ms % 1000).padStart(3, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${millis}`;
}
