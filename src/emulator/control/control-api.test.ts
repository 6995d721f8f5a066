/** The control API over HTTP: scenarios, people, permissions, config, clock, request log. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { RunningEmulator, ScenarioSummary } from '../index.ts';
import { controlCall, DEMO, metrcCaller, startTestEmulator } from '../testing/emulator-test-kit.ts';

let emulator: RunningEmulator;

before(async () => {
  emulator = await startTestEmulator();
});
beforeEach(async () => {
  await controlCall(emulator, 'POST', '/scenario', { name: 'demo', seed: 1 });
});
after(() => emulator.close());

test('GET /_emulator/scenario matches the in-process handle and names the base URL template', async () => {
  const answer = await controlCall(emulator, 'GET', '/scenario');
  assert.equal(answer.status, 200);
  const summary = answer.body as ScenarioSummary;
  assert.deepEqual(summary, emulator.scenario());
  assert.equal(summary.baseUrlTemplate, `${emulator.url}/{state}`);
  assert.equal(summary.name, 'demo');
  const owner = summary.users.find((u) => u.id === 'ca-owner');
  assert.equal(owner?.licenses.length, 7);
  const store = summary.licenses.find((l) => l.number === DEMO.caStore);
  assert.deepEqual(store?.employees.map((e) => e.userId).sort(), [
    'ca-budtender',
    'ca-manager',
    'ca-owner',
  ]);
});

test('the same seed gives the same keys; another seed other keys', async () => {
  const first = emulator.scenario();
  const again = (await controlCall(emulator, 'POST', '/reset', {})).body as ScenarioSummary;
  assert.deepEqual(
    again.users.map((u) => u.userKey),
    first.users.map((u) => u.userKey),
  );
  const other = (await controlCall(emulator, 'POST', '/scenario', { name: 'demo', seed: 2 }))
    .body as ScenarioSummary;
  assert.notDeepEqual(
    other.users.map((u) => u.userKey),
    first.users.map((u) => u.userKey),
  );
  assert.equal(other.seed, 2);
  const unknown = await controlCall(emulator, 'POST', '/scenario', { name: 'nope' });
  assert.equal(unknown.status, 404);
  assert.equal((unknown.body as { code: string }).code, 'EMULATOR_UNKNOWN_SCENARIO');
});

test('create a vendor key, a user, a license and an employment, then call Metrc with them', async () => {
  const vendor = (await controlCall(emulator, 'POST', '/vendor-keys', { state: 'MI' })).body as {
    key: string;
  };
  const user = (await controlCall(emulator, 'POST', '/users', { state: 'mi', name: 'Pat Quinn' }))
    .body as { id: string; userKey: string };
  const license = (
    await controlCall(emulator, 'POST', '/licenses', {
      state: 'mi',
      kind: 'retailer',
      inventory: true,
    })
  ).body as { number: string };
  const hired = await controlCall(
    emulator,
    'PUT',
    `/licenses/${license.number}/employees/${user.id}`,
    { permissions: ['View Packages'] },
  );
  assert.equal(hired.status, 200);
  const pat = metrcCaller(emulator, 'mi', vendor.key, user.userKey);
  const facilities = (await pat.get('/facilities/v2')).body as {
    License: { Number: string };
    FacilityType: { CanSellToConsumers: boolean };
  }[];
  assert.equal(facilities[0]?.License.Number, license.number);
  assert.equal(facilities[0]?.FacilityType.CanSellToConsumers, true);
  assert.equal(
    (await pat.get('/packages/v2/active', { licenseNumber: license.number })).status,
    200,
  );
  assert.equal(
    (await pat.get('/sales/v2/receipts/active', { licenseNumber: license.number })).status,
    401,
  );
  const granted = await controlCall(
    emulator,
    'PATCH',
    `/licenses/${license.number}/employees/${user.id}/permissions`,
    { add: ['view sales'] },
  );
  assert.equal(granted.status, 200);
  assert.equal(
    (await pat.get('/sales/v2/receipts/active', { licenseNumber: license.number })).status,
    200,
  );
  const replaced = await controlCall(
    emulator,
    'PUT',
    `/licenses/${license.number}/employees/${user.id}/permissions`,
    { permissions: 'view-only' },
  );
  assert.equal(replaced.status, 200);
  assert.equal(
    (await pat.get('/items/v2/inactive', { licenseNumber: license.number })).status,
    401,
    'view-only has no Manage Items',
  );
  const removed = await controlCall(
    emulator,
    'DELETE',
    `/licenses/${license.number}/employees/${user.id}`,
  );
  assert.equal(removed.status, 200);
  assert.deepEqual((await pat.get('/facilities/v2')).body, []);
});

test('key lifecycle over HTTP: regenerate, expire, deactivate, reactivate', async () => {
  const user = emulator.scenario().users.find((u) => u.id === 'co-budtender');
  const vendor = emulator.scenario().vendorKeys.find((k) => k.state === 'co');
  assert.ok(user && vendor);
  const regenerated = (
    await controlCall(emulator, 'POST', '/users/co-budtender/regenerate-key', {})
  ).body as { userKey: string };
  assert.notEqual(regenerated.userKey, user.userKey);
  assert.equal(
    (await metrcCaller(emulator, 'co', vendor.key, user.userKey).get('/facilities/v2')).status,
    401,
  );
  const fresh = metrcCaller(emulator, 'co', vendor.key, regenerated.userKey);
  assert.equal((await fresh.get('/facilities/v2')).status, 200);
  await controlCall(emulator, 'POST', '/users/co-budtender/deactivate', {});
  assert.equal((await fresh.get('/facilities/v2')).status, 401);
  await controlCall(emulator, 'POST', '/users/co-budtender/reactivate', {});
  assert.equal((await fresh.get('/facilities/v2')).status, 200);
  const expired = (await controlCall(emulator, 'POST', '/users/co-budtender/expire-key', {}))
    .body as { keyStatus: string };
  assert.equal(expired.keyStatus, 'expired');
  assert.equal((await fresh.get('/facilities/v2')).status, 401);
  assert.equal((await controlCall(emulator, 'POST', '/users/nobody/expire-key', {})).status, 404);
});

test('config and clock', async () => {
  const config = (
    await controlCall(emulator, 'PATCH', '/config', {
      limits: { licenseGetsPerSecond: 7 },
      writeResponse: 'empty',
    })
  ).body as {
    limits: { licenseGetsPerSecond: number };
    writeResponse: string;
  };
  assert.equal(config.limits.licenseGetsPerSecond, 7);
  assert.equal(config.writeResponse, 'empty');
  assert.equal(
    (await controlCall(emulator, 'PATCH', '/config', { limits: { nonsense: 1 } })).status,
    400,
  );
  await controlCall(emulator, 'PATCH', '/config', {
    limits: { licenseGetsPerSecond: 50 },
    writeResponse: 'ids',
  });
  const before = Date.parse(
    ((await controlCall(emulator, 'GET', '/clock')).body as { now: string }).now,
  );
  const after = Date.parse(
    (
      (await controlCall(emulator, 'POST', '/clock', { advanceMs: 3_600_000 })).body as {
        now: string;
      }
    ).now,
  );
  assert.ok(after - before >= 3_600_000);
});

test('the request log filters by license, user and status; unknown control routes answer 404 with a code', async () => {
  const summary = emulator.scenario();
  const vendor = summary.vendorKeys.find((k) => k.state === 'ca')?.key ?? '';
  const budtender = summary.users.find((u) => u.id === 'ca-budtender')?.userKey ?? '';
  const caller = metrcCaller(emulator, 'ca', vendor, budtender);
  await caller.get('/packages/v2/active', { licenseNumber: DEMO.caStore });
  await caller.get('/sales/v2/receipts/active', { licenseNumber: DEMO.caStore });
  const denied = (
    await controlCall(emulator, 'GET', `/requests?license=${DEMO.caStore}&status=401`)
  ).body as { userId: string; path: string }[];
  assert.deepEqual(
    denied.map((e) => [e.userId, e.path]),
    [['ca-budtender', '/ca/packages/v2/active']],
  );
  const byUser = (await controlCall(emulator, 'GET', '/requests?userId=ca-budtender&limit=1'))
    .body as { status: number }[];
  assert.equal(byUser[0]?.status, 200);
  const missing = await controlCall(emulator, 'GET', '/nothing-here');
  assert.equal(missing.status, 404);
  assert.equal((missing.body as { code: string }).code, 'EMULATOR_CONTROL_NOT_FOUND');
  assert.equal(
    (await controlCall(emulator, 'POST', '/users', { state: 'zz', name: 'x' })).status,
    400,
  );
});
