import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getPage, type MetrcPage } from './endpoint-helpers.ts';
import { MetrcRequestInvalidError, MetrcValidationError } from './metrc-errors.ts';
import { packageSchema } from './metrc-records.ts';
import { listActivePackages } from './packages-endpoints.ts';
import { iteratePages, iterateRecords } from './paging.ts';
import { type MetrcTestKit, startMetrcTestKit } from './testing/metrc-test-kit.ts';
import {
  HOUR_MS,
  iterateWindowedRecords,
  splitWindows,
  V1_MAX_WINDOW_MS,
  windowPolicyFor,
} from './time-windows.ts';

const page = <T>(data: T[], pageNumber: number, totalPages: number): MetrcPage<T> => ({
  data,
  total: totalPages * 2,
  pageNumber,
  pageSize: 2,
  totalPages,
});

describe('iteratePages', () => {
  test('walks every page up to TotalPages, in order, also when fetching ahead', async () => {
    for (const concurrency of [1, 3]) {
      const asked: number[] = [];
      const pages = iteratePages(
        async ({ pageNumber }) => {
          asked.push(pageNumber);
          await new Promise((resolve) => setTimeout(resolve, (5 - pageNumber) * 3));
          return page([pageNumber * 10, pageNumber * 10 + 1], pageNumber, 4);
        },
        { concurrency },
      );
      const seen: number[] = [];
      for await (const p of pages) seen.push(p.pageNumber);
      assert.deepEqual(seen, [1, 2, 3, 4]);
      assert.deepEqual([...asked].sort(), [1, 2, 3, 4]);
    }
  });

  test('a bare array is one page; an empty page stops the walk; pages are 20 rows', async () => {
    const sizes: number[] = [];
    const records = [];
    for await (const r of iterateRecords(async ({ pageSize }) => {
      sizes.push(pageSize);
      return { data: ['a', 'b', 'c'], total: 3, pageNumber: 1, pageSize: 3, totalPages: 1 };
    }))
      records.push(r);
    assert.deepEqual(records, ['a', 'b', 'c']);
    assert.deepEqual(sizes, [20]);
    let calls = 0;
    for await (const _ of iteratePages(async ({ pageNumber }) => {
      calls++;
      return page(pageNumber === 2 ? [] : [1], pageNumber, 5);
    }));
    assert.equal(calls, 2);
  });
});

describe('splitWindows', () => {
  const start = new Date('2026-03-01T00:00:00.400Z');
  test('chronological windows of at most the maximum, overlapping at the seams', () => {
    const end = new Date(start.getTime() + 50 * HOUR_MS);
    const windows = splitWindows({ start, end }, { maxWindowMs: 24 * HOUR_MS, overlapMs: 60_000 });
    assert.equal(windows.length, 3);
    assert.equal(windows[0]?.start.toISOString(), '2026-03-01T00:00:00.000Z');
    for (const [i, w] of windows.entries()) {
      assert.ok(w.end.getTime() - w.start.getTime() <= 24 * HOUR_MS);
      assert.equal(w.start.getMilliseconds(), 0);
      const next = windows[i + 1];
      if (next) assert.equal(w.end.getTime() - next.start.getTime(), 60_000);
    }
    assert.equal(windows.at(-1)?.end.getTime(), end.getTime());
  });

  test('exactly 24 hours is one window; no maximum is one window; v1 paths are 24 h', () => {
    const whole = new Date('2026-03-01T00:00:00.000Z');
    const day = { start: whole, end: new Date(whole.getTime() + 24 * HOUR_MS) };
    assert.equal(splitWindows(day, { maxWindowMs: 24 * HOUR_MS, overlapMs: 60_000 }).length, 1);
    assert.equal(
      splitWindows(
        { start, end: new Date(start.getTime() + 900 * HOUR_MS) },
        { maxWindowMs: null, overlapMs: 0 },
      ).length,
      1,
    );
    assert.equal(
      windowPolicyFor('/packages/v1/active', { v2MaxWindowMs: null }).maxWindowMs,
      V1_MAX_WINDOW_MS,
    );
    assert.equal(windowPolicyFor('/packages/v2/active', { v2MaxWindowMs: null }).maxWindowMs, null);
  });
});

describe('paging and windows against the emulator', () => {
  let kit: MetrcTestKit;
  const licenseNumber = 'CA-SCALE-0001';
  before(async () => {
    kit = await startMetrcTestKit({
      emulator: {
        scenario: 'scale',
        scenarioParams: { licenses: 1, packages: 45, spreadHours: 70 },
      },
    });
  });
  after(() => kit.close());

  test('45 packages: three pages of 20, nothing lost or repeated, with or without fetching ahead', async () => {
    const api = kit.api('ca-owner');
    const end = new Date();
    const window = {
      lastModifiedStart: new Date(end.getTime() - 80 * HOUR_MS),
      lastModifiedEnd: end,
    };
    for (const concurrency of [1, 2]) {
      kit.mark();
      const ids: number[] = [];
      for await (const pkg of iterateRecords(
        (p) => listActivePackages(api, { licenseNumber, ...window, ...p }),
        { concurrency },
      ))
        ids.push(pkg.Id);
      assert.equal(ids.length, 45);
      assert.equal(new Set(ids).size, 45);
      assert.equal(kit.requests({ pathPrefix: '/ca/packages' }).length, 3);
    }
  });

  test('a page above 20 rows is refused before it is sent', async () => {
    kit.mark();
    await assert.rejects(
      listActivePackages(kit.api('ca-owner'), { licenseNumber, pageSize: 50 }),
      MetrcRequestInvalidError,
    );
    assert.equal(kit.requests().length, 0);
  });

  test('a 70-hour range on a v1 endpoint: 24-hour windows Metrc accepts, every record once', async () => {
    const api = kit.api('ca-owner');
    const listV1 = (query: { lastModifiedStart: Date; lastModifiedEnd: Date }) =>
      getPage(api, { path: '/packages/v1/active', licenseNumber, query }, packageSchema);
    const end = new Date();
    const range = { start: new Date(end.getTime() - 72 * HOUR_MS), end };
    // One call over the whole range is what Metrc refuses.
    await assert.rejects(
      listV1({ lastModifiedStart: range.start, lastModifiedEnd: end }),
      MetrcValidationError,
    );
    const ids = new Set<number>();
    let rows = 0;
    for await (const { record } of iterateWindowedRecords(
      listV1,
      range,
      windowPolicyFor('/packages/v1/active'),
    )) {
      ids.add(record.Id);
      rows++;
    }
    assert.equal(ids.size, 45);
    assert.ok(rows >= 45, 'seams may repeat a record; de-duplicate by Id');
  });
});
