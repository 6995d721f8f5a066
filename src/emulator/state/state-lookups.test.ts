/** Lookups differ by state: a client must read each state's lists, and writes check them. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningEmulator } from '../index.ts';
import {
  callerFor,
  DEMO,
  type MetrcCaller,
  rows,
  startTestEmulator,
} from '../testing/emulator-test-kit.ts';

let emulator: RunningEmulator;
let ca: MetrcCaller;
let co: MetrcCaller;
before(async () => {
  emulator = await startTestEmulator();
  ca = callerFor(emulator, 'ca-owner');
  co = callerFor(emulator, 'co-owner');
});
after(() => emulator.close());

const names = async (caller: MetrcCaller, path: string, licenseNumber: string) =>
  rows(await caller.get(path, { licenseNumber })).map((row) => String(row.Name));

test('adjustment reasons, waste reasons, item categories and location types differ between CA and CO', async () => {
  for (const [path, caLicense, coLicense] of [
    ['/packages/v2/adjust/reasons', DEMO.caStore, DEMO.coStore],
    ['/plants/v2/waste/reasons', DEMO.caCultivator, DEMO.coCultivator],
    ['/plantbatches/v2/waste/reasons', DEMO.caCultivator, DEMO.coCultivator],
    ['/items/v2/categories', DEMO.caStore, DEMO.coStore],
    ['/locations/v2/types', DEMO.caStore, DEMO.coStore],
  ] as const) {
    const inCa = await names(ca, path, caLicense);
    const inCo = await names(co, path, coLicense);
    assert.ok(inCa.length > 0 && inCo.length > 0, path);
    assert.notDeepEqual(inCa.sort(), inCo.sort(), `${path} is the same in CA and CO`);
  }
  const reasons = await names(co, '/packages/v2/adjust/reasons', DEMO.coStore);
  assert.ok(reasons.includes('Spoilage') && !reasons.includes('API Related Error'));
});

test("writes accept only the state's own entries", async () => {
  const item = (category: string, name: string) => [
    { ItemCategory: category, Name: name, UnitOfMeasure: 'Each', UnitThcContent: 10 },
  ];
  const coOnly = 'Infused Non-Edible';
  const refused = await ca.post('/items/v2', item(coOnly, 'Lotion CA'), {
    licenseNumber: DEMO.caStore,
  });
  assert.equal(refused.status, 400);
  assert.match(
    (refused.body as { message: string }[])[0]?.message ?? '',
    /Item Category "Infused Non-Edible" is not valid/,
  );
  const accepted = await co.post('/items/v2', item(coOnly, 'Lotion CO'), {
    licenseNumber: DEMO.coStore,
  });
  assert.equal(accepted.status, 200, accepted.text);
  const location = await ca.post(
    '/locations/v2',
    [{ Name: 'Bins', LocationTypeName: 'Waste Storage' }],
    {
      licenseNumber: DEMO.caStore,
    },
  );
  assert.equal(location.status, 400);
});
