import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metrcLocalDate, metrcLocalDateTime } from './action-time-fns.ts';

/** The reference: Intl alone, per instant, through another locale's format (Swedish is ISO-like). */
function byIntl(instant: Date, timeZone: string): string {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  return format.format(instant).replace(' ', 'T');
}

const ZONES = [
  'America/Los_Angeles',
  'America/Denver',
  'America/Phoenix',
  'America/New_York',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/St_Johns', // half-hour offset
  'Asia/Kathmandu', // quarter-hour offset
  'Australia/Lord_Howe', // half-hour daylight saving
  'UTC',
];

test('local wall times match Intl across DST changes, to the second', () => {
  for (const zone of ZONES) {
    for (const day of ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05']) {
      // Every 7 s 30 ms over 30 hours around each change day.
      const from = Date.parse(`${day}T00:00:00Z`) - 3 * 3_600_000;
      for (let ms = from; ms < from + 30 * 3_600_000; ms += 7_030) {
        const instant = new Date(ms);
        assert.equal(metrcLocalDateTime(instant, zone), byIntl(instant, zone), `${zone} ${ms}`);
      }
    }
  }
});

test('the second before and the second of a change land on either side of it', () => {
  // US daylight saving starts 2026-03-08 at 02:00 local (10:00 UTC in Los Angeles).
  const change = Date.parse('2026-03-08T10:00:00Z');
  assert.equal(
    metrcLocalDateTime(new Date(change - 1), 'America/Los_Angeles'),
    '2026-03-08T01:59:59',
  );
  assert.equal(metrcLocalDateTime(new Date(change), 'America/Los_Angeles'), '2026-03-08T03:00:00');
  assert.equal(metrcLocalDate(new Date(change), 'America/Los_Angeles'), '2026-03-08');
});

test('random instants, old local mean times and far years agree with Intl', () => {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const span = Date.parse('2100-01-01T00:00:00Z') - Date.parse('1850-01-01T00:00:00Z');
  for (let i = 0; i < 3_000; i++) {
    const instant = new Date(Date.parse('1850-01-01T00:00:00Z') + Math.floor(random() * span));
    const zone = ZONES[i % ZONES.length] ?? 'UTC';
    assert.equal(
      metrcLocalDateTime(instant, zone),
      byIntl(instant, zone),
      `${zone} ${instant.toISOString()}`,
    );
  }
  // Detroit left local mean time on 1905-01-01 at 00:00 LMT (05:32:11 UTC), off the quarter-hour.
  for (const iso of ['1905-01-01T05:32:10Z', '1905-01-01T05:32:11Z', '1905-01-01T05:40:00Z']) {
    const instant = new Date(iso);
    assert.equal(
      metrcLocalDateTime(instant, 'America/Detroit'),
      byIntl(instant, 'America/Detroit'),
      iso,
    );
  }
});
