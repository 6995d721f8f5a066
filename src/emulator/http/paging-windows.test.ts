/** Paging and date windows (issue item 5, metrc-api.md §3.2–3.3). */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningEmulator } from '../index.ts';
import {
  callerFor,
  type MetrcCaller,
  rows,
  startTestEmulator,
} from '../testing/emulator-test-kit.ts';

let emulator: RunningEmulator;
let owner: MetrcCaller;
const q = { licenseNumber: '' };

before(async () => {
  emulator = await startTestEmulator({
    scenario: 'scale',
    scenarioParams: { licenses: 1, packages: 45, spreadHours: 10 },
  });
  owner = callerFor(emulator, 'ca-owner');
  q.licenseNumber = emulator.scenario().licenses[0]?.number ?? '';
});
after(() => emulator.close());

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
const window = (fromMsAgo: number, toMsAgo = -3_600_000) => {
  const now = emulator.control.now().getTime();
  return { lastModifiedStart: iso(now - fromMsAgo), lastModifiedEnd: iso(now - toMsAgo) };
};

test('pages of 20 cover every record exactly once, with consistent totals', async () => {
  const seen = new Set<unknown>();
  for (let page = 1; page <= 3; page++) {
    const answer = await owner.get('/packages/v2/active', {
      ...q,
      ...window(86_400_000),
      pageNumber: page,
      pageSize: 20,
    });
    const body = answer.body as {
      Total: number;
      TotalPages: number;
      RecordsOnPage: number;
      Page: number;
    };
    assert.equal(body.Total, 45);
    assert.equal(body.TotalPages, 3);
    assert.equal(body.RecordsOnPage, page < 3 ? 20 : 5);
    for (const row of rows(answer)) seen.add(row.Id);
  }
  assert.equal(seen.size, 45);
  const beyond = await owner.get('/packages/v2/active', {
    ...q,
    ...window(86_400_000),
    pageNumber: 9,
    pageSize: 20,
  });
  assert.equal(rows(beyond).length, 0);
});

test('without pageSize everything comes in one envelope; bad page parameters answer 400', async () => {
  const all = (await owner.get('/packages/v2/active', { ...q, ...window(86_400_000) })).body as {
    PageSize: number;
    Total: number;
  };
  assert.equal(all.PageSize, all.Total);
  for (const bad of [
    { pageSize: 21 },
    { pageSize: 0 },
    { pageSize: 'ten' },
    { pageSize: 5, pageNumber: 0 },
  ]) {
    assert.equal(
      (await owner.get('/packages/v2/active', { ...q, ...bad })).status,
      400,
      JSON.stringify(bad),
    );
  }
});

test('a window filters by LastModified, ordered oldest first', async () => {
  const recent = rows(await owner.get('/packages/v2/active', { ...q, ...window(5 * 3_600_000) }));
  assert.ok(recent.length > 0 && recent.length < 45);
  const stamps = recent.map((row) => Date.parse(String(row.LastModified)));
  assert.deepEqual(
    [...stamps].sort((a, b) => a - b),
    stamps,
  );
  const cutoff = emulator.control.now().getTime() - 5 * 3_600_000;
  assert.ok(stamps.every((stamp) => stamp >= cutoff - 1000));
});

test('LastModified advances on every change, so the change shows in a later window', async () => {
  const before = rows(
    await owner.get('/packages/v2/active', { ...q, ...window(86_400_000) }),
  )[0] as { Id: number; Label: string; LastModified: string };
  const since = emulator.control.now().getTime();
  const adjust = {
    Label: before.Label,
    Quantity: -1,
    UnitOfMeasure: 'Grams',
    AdjustmentReason: 'Drying',
    AdjustmentDate: '2026-01-10',
  };
  const unit = (await owner.get(`/packages/v2/${before.Id}`, q)).body as {
    UnitOfMeasureName: string;
  };
  assert.equal(
    (
      await owner.post(
        '/packages/v2/adjust',
        [{ ...adjust, UnitOfMeasure: unit.UnitOfMeasureName }],
        q,
      )
    ).status,
    200,
  );
  const after = (await owner.get(`/packages/v2/${before.Id}`, q)).body as { LastModified: string };
  assert.ok(
    after.LastModified > before.LastModified,
    `${after.LastModified} > ${before.LastModified}`,
  );
  assert.match(after.LastModified, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/);
  const changed = rows(
    await owner.get('/packages/v2/active', {
      ...q,
      lastModifiedStart: iso(since - 1000),
      lastModifiedEnd: iso(since + 60_000),
    }),
  );
  assert.deepEqual(
    changed.map((row) => row.Id),
    [before.Id],
  );
});

test('window errors: half a window, an unparseable date, end before start', async () => {
  const now = emulator.control.now().getTime();
  const cases = [
    { lastModifiedStart: iso(now - 1000) },
    { lastModifiedStart: 'yesterday', lastModifiedEnd: iso(now) },
    { lastModifiedStart: iso(now), lastModifiedEnd: iso(now - 60_000) },
  ];
  for (const bad of cases) {
    const answer = await owner.get('/packages/v2/active', { ...q, ...bad });
    assert.equal(answer.status, 400, JSON.stringify(bad));
    assert.ok((answer.body as { Message: string }).Message);
  }
});

test('v1 windows stop at 24 hours; v2 windows at the configured maximum (unlimited by default)', async () => {
  assert.equal(
    (await owner.get('/packages/v1/active', { ...q, ...window(25 * 3_600_000) })).status,
    400,
  );
  assert.equal(
    (await owner.get('/packages/v1/active', { ...q, ...window(23 * 3_600_000, 0) })).status,
    200,
  );
  assert.equal(
    (await owner.get('/packages/v2/active', { ...q, ...window(400 * 86_400_000) })).status,
    200,
  );
  emulator.control.updateConfig({ limits: { v2MaxWindowHours: 24 } });
  try {
    assert.equal(
      (await owner.get('/packages/v2/active', { ...q, ...window(25 * 3_600_000) })).status,
      400,
    );
  } finally {
    emulator.control.updateConfig({ limits: { v2MaxWindowHours: null } });
  }
});

test('a call without a window sees only the last 24 hours; salesDate windows pick receipts by local sale time', async () => {
  const bare = rows(await owner.get('/packages/v2/active', q));
  assert.equal(bare.length, 45, 'all stamped within the last 10 hours');
  const receipt = [
    {
      SalesDateTime: '2026-01-02T10:15:00',
      SalesCustomerType: 'Consumer',
      Transactions: [
        {
          PackageLabel: String(bare[1]?.Label),
          Quantity: 1,
          UnitOfMeasure: String(bare[1]?.UnitOfMeasureName),
          TotalAmount: 5,
        },
      ],
    },
  ];
  assert.equal((await owner.post('/sales/v2/receipts', receipt, q)).status, 200);
  const onDay = await owner.get('/sales/v2/receipts/active', {
    ...q,
    salesDateStart: '2026-01-02',
    salesDateEnd: '2026-01-02',
  });
  assert.equal(rows(onDay).length, 1);
  const otherDay = await owner.get('/sales/v2/receipts/active', {
    ...q,
    salesDateStart: '2026-01-03T00:00:00Z',
    salesDateEnd: '2026-01-03T23:59:59Z',
  });
  assert.equal(rows(otherDay).length, 0);
  emulator.control.advanceClock(25 * 3_600_000);
  assert.equal(
    rows(await owner.get('/packages/v2/active', q)).length,
    0,
    'nothing changed in the last 24 hours',
  );
});

test('lookups are bare arrays even with paging parameters; paged lookups use the envelope', async () => {
  const units = await owner.get('/unitsofmeasure/v2/active', { pageSize: 5 });
  assert.ok(Array.isArray(units.body));
  const tags = await owner.get('/tags/v2/package/available', q);
  assert.ok(Array.isArray(tags.body));
  const categories = await owner.get('/items/v2/categories', { pageSize: 3, pageNumber: 2 });
  assert.equal(rows(categories).length, 3);
  assert.equal((categories.body as { Page: number }).Page, 2);
});
