/** Auth and key lifecycle as Metrc behaves: every failure is a 401 with Metrc's body. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { RunningEmulator } from '../index.ts';
import { callerFor, DEMO, metrcCaller, startTestEmulator } from '../testing/emulator-test-kit.ts';

let emulator: RunningEmulator;
const DENIED = { Message: 'Authorization has been denied for this request.' };

before(async () => {
  emulator = await startTestEmulator();
});
beforeEach(() => {
  emulator.control.reset();
});
after(() => emulator.close());

test('a regenerated key stops working at once; the new one works; the log says whose key failed', async () => {
  const old = callerFor(emulator, 'ca-budtender');
  assert.equal((await old.get('/facilities/v2')).status, 200);
  emulator.control.regenerateUserKey('ca-budtender');
  const rejected = await old.get('/facilities/v2');
  assert.equal(rejected.status, 401);
  assert.deepEqual(rejected.body, DENIED);
  assert.equal((await callerFor(emulator, 'ca-budtender').get('/facilities/v2')).status, 200);
  const entry = emulator.control.requests({ status: 401 })[0];
  assert.equal(entry?.userId, 'ca-budtender');
});

test('an expired key and a deactivated user answer 401 everywhere', async () => {
  const budtender = callerFor(emulator, 'ca-budtender');
  emulator.control.expireUserKey('ca-budtender');
  assert.equal((await budtender.get('/facilities/v2')).status, 401);
  const owner = callerFor(emulator, 'ca-owner');
  emulator.control.setUserActive('ca-owner', false);
  assert.equal((await owner.get('/facilities/v2')).status, 401);
  assert.equal(
    (await owner.get('/packages/v2/active', { licenseNumber: DEMO.caStore })).status,
    401,
  );
  emulator.control.setUserActive('ca-owner', true);
  assert.equal((await owner.get('/facilities/v2')).status, 200);
});

test('removing a user from a license hides it from /facilities and answers 401 for it', async () => {
  const manager = callerFor(emulator, 'ca-manager');
  const before = (await manager.get('/facilities/v2')).body as { License: { Number: string } }[];
  assert.deepEqual(before.map((f) => f.License.Number).sort(), [DEMO.caStore, DEMO.caMicro].sort());
  emulator.control.removeEmployee(DEMO.caMicro, 'ca-manager');
  const afterRemoval = (await manager.get('/facilities/v2')).body as {
    License: { Number: string };
  }[];
  assert.deepEqual(
    afterRemoval.map((f) => f.License.Number),
    [DEMO.caStore],
  );
  assert.equal(
    (await manager.get('/packages/v2/active', { licenseNumber: DEMO.caMicro })).status,
    401,
  );
});

test('changing permissions takes effect on the next call', async () => {
  const budtender = callerFor(emulator, 'ca-budtender');
  const query = { licenseNumber: DEMO.caStore };
  assert.equal((await budtender.get('/packages/v2/active', query)).status, 401);
  emulator.control.setPermissions({
    license: DEMO.caStore,
    userId: 'ca-budtender',
    add: ['View Packages'],
  });
  assert.equal((await budtender.get('/packages/v2/active', query)).status, 200);
  emulator.control.setPermissions({
    license: DEMO.caStore,
    userId: 'ca-budtender',
    remove: ['View Sales', 'Manage Sales'],
  });
  assert.equal((await budtender.get('/sales/v2/receipts/active', query)).status, 401);
});

test('vendor keys are per state and can be deactivated; user keys work only in their state', async () => {
  const summary = emulator.scenario();
  const caVendor = summary.vendorKeys.find((k) => k.state === 'ca');
  const coVendor = summary.vendorKeys.find((k) => k.state === 'co');
  const caUser = summary.users.find((u) => u.id === 'ca-owner');
  const coUser = summary.users.find((u) => u.id === 'co-owner');
  assert.ok(caVendor && coVendor && caUser && coUser);
  assert.equal(
    (await metrcCaller(emulator, 'co', caVendor.key, coUser.userKey).get('/facilities/v2')).status,
    401,
  );
  assert.equal(
    (await metrcCaller(emulator, 'co', coVendor.key, caUser.userKey).get('/facilities/v2')).status,
    401,
  );
  emulator.control.setVendorKeyActive(caVendor.id, false);
  assert.equal(
    (await metrcCaller(emulator, 'ca', caVendor.key, caUser.userKey).get('/facilities/v2')).status,
    401,
  );
  const extra = emulator.control.createVendorKey({ state: 'ca' });
  assert.equal(
    (await metrcCaller(emulator, 'ca', extra.key, caUser.userKey).get('/facilities/v2')).status,
    200,
  );
});

test('a malformed Authorization header answers 401', async () => {
  for (const authorization of [
    'Bearer abc',
    'Basic !!!',
    `Basic ${Buffer.from('no-colon').toString('base64')}`,
  ]) {
    const answer = await fetch(`${emulator.url}/ca/facilities/v2`, { headers: { authorization } });
    assert.equal(answer.status, 401);
  }
});

test('the request log names users, never keys', async () => {
  const owner = callerFor(emulator, 'ca-owner');
  await owner.get('/facilities/v2');
  await owner.get('/packages/v2/active', { licenseNumber: DEMO.caStore });
  const text = JSON.stringify(emulator.control.requests());
  const summary = emulator.scenario();
  for (const secret of [
    ...summary.vendorKeys.map((k) => k.key),
    ...summary.users.map((u) => u.userKey),
  ]) {
    assert.ok(!text.includes(secret), 'no key in the log');
  }
  const entry = emulator.control.requests({ license: DEMO.caStore }).at(-1);
  assert.equal(entry?.userName, 'Alex Rivera');
  assert.equal(entry.status, 200);
});
