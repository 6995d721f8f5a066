import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLocalDateTime, isIsoDate, parseLocalDateTime } from './metrc-time.ts';

test('isIsoDate takes real calendar dates only, leap days by the Gregorian rule', () => {
  for (const good of ['2026-01-31', '2024-02-29', '2000-02-29', '2026-04-30', '2026-12-31']) {
    assert.equal(isIsoDate(good), true, good);
  }
  for (const bad of [
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-05',
    '2026-01-05T00:00:00',
    '',
    20260105,
    null,
  ]) {
    assert.equal(isIsoDate(bad), false, String(bad));
  }
});

test('a local date-time is normalised to milliseconds and refused with a zone or an impossible day', () => {
  assert.deepEqual(parseLocalDateTime('2016-10-04T16:44'), {
    ok: true,
    value: '2016-10-04T16:44:00.000',
  });
  assert.deepEqual(parseLocalDateTime('2016-10-04T16:44:53.1234'), {
    ok: true,
    value: '2016-10-04T16:44:53.123',
  });
  assert.deepEqual(parseLocalDateTime('2016-10-04T16:44:53Z'), { ok: false, reason: 'zone' });
  assert.deepEqual(parseLocalDateTime('2026-02-30T10:00:00'), { ok: false, reason: 'invalid' });
});

test('formatLocalDateTime writes the wall clock of the zone, across a DST change', () => {
  // 2026-03-08 10:30 UTC is 03:30 PDT (after the spring change at 02:00 PST).
  const ms = Date.UTC(2026, 2, 8, 10, 30, 0, 45);
  assert.equal(formatLocalDateTime(ms, 'America/Los_Angeles'), '2026-03-08T03:30:00.045');
  assert.equal(formatLocalDateTime(ms, 'America/Denver'), '2026-03-08T04:30:00.045');
});
