/**
 * GET limits per license and per vendor key. Buckets run on the emulator's clock, so the depth
 * and pacing tests use a frozen base clock and move it by hand: no sleeps, no machine speed.
 * The precise rates over real time are measured by `npm run bench -- emulator`.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DEFAULT_LIMITS, type RunningEmulator } from '../index.ts';
import {
  callerFor,
  DEMO,
  type MetrcCaller,
  startTestEmulator,
} from '../testing/emulator-test-kit.ts';

let emulator: RunningEmulator;
let owner: MetrcCaller;
const MESSAGE =
  'The limit of API calls allowed has been exceeded. Please pace the usage rate of the API more apart.';
/** One token, refilled every 100 s: a second call is always refused, however slow the machine. */
const ONE_CALL = 0.01;

before(async () => {
  emulator = await startTestEmulator();
  owner = callerFor(emulator, 'ca-owner');
});
beforeEach(() => {
  emulator.control.reset();
  emulator.control.updateConfig({ limits: { ...DEFAULT_LIMITS } });
  owner = callerFor(emulator, 'ca-owner');
});
after(() => emulator.close());

test('per license: the bucket refuses the next GET of that license only', async () => {
  emulator.control.updateConfig({ limits: { licenseGetsPerSecond: ONE_CALL } });
  const store = { licenseNumber: DEMO.caStore };
  assert.equal((await owner.get('/items/v2/inactive', store)).status, 200);
  const refused = await owner.get('/items/v2/inactive', store);
  assert.equal(refused.status, 429);
  assert.deepEqual(refused.body, { Message: MESSAGE });
  assert.equal(refused.headers.get('retry-after'), null, 'no Retry-After unless configured');
  assert.equal(
    (await owner.get('/items/v2/inactive', { licenseNumber: DEMO.caMicro })).status,
    200,
  );
  assert.equal(
    (await owner.get('/facilities/v2')).status,
    200,
    'calls without a license count per vendor key only',
  );
});

test('per vendor key: every license of the key shares one bucket', async () => {
  emulator.control.updateConfig({ limits: { vendorGetsPerSecond: ONE_CALL } });
  assert.equal((await owner.get('/facilities/v2')).status, 200);
  assert.equal(
    (await owner.get('/items/v2/inactive', { licenseNumber: DEMO.caStore })).status,
    429,
  );
  assert.equal((await owner.get('/unitsofmeasure/v2/active')).status, 429);
  const other = emulator.control.createVendorKey({ state: 'ca' });
  const user = emulator.scenario().users.find((u) => u.id === 'ca-owner');
  const response = await fetch(`${emulator.url}/ca/facilities/v2`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${other.key}:${user?.userKey}`).toString('base64')}`,
    },
  });
  assert.equal(response.status, 200, 'another vendor key has its own budget');
});

test('writes are never limited', async () => {
  emulator.control.updateConfig({
    limits: { licenseGetsPerSecond: ONE_CALL, vendorGetsPerSecond: ONE_CALL },
  });
  const q = { licenseNumber: DEMO.caCultivator };
  for (let i = 0; i < 3; i++) {
    const answer = await owner.post(
      '/strains/v2',
      [{ Name: `Unlimited ${i}`, IndicaPercentage: 50, SativaPercentage: 50 }],
      q,
    );
    assert.equal(answer.status, 200);
  }
});

async function concurrentStatuses(calls: (() => Promise<{ status: number }>)[]): Promise<number[]> {
  return (await Promise.all(calls.map((call) => call()))).map((answer) => answer.status).sort();
}

test('in flight per license: the 3rd concurrent GET of a license is refused while 2 are held', async () => {
  emulator.control.updateConfig({ limits: { licenseGetsInFlight: 2 } });
  emulator.control.addFault({ kind: 'latency', ms: 1500, path: '/items/v2/inactive' });
  const call = () => owner.get('/items/v2/inactive', { licenseNumber: DEMO.caStore });
  assert.deepEqual(await concurrentStatuses([call, call, call, call]), [200, 200, 429, 429]);
  assert.equal((await call()).status, 200, 'released when answered');
});

test('in flight per vendor key: across licenses', async () => {
  emulator.control.updateConfig({ limits: { vendorGetsInFlight: 2 } });
  emulator.control.addFault({ kind: 'latency', ms: 1500, path: '/items/v2/inactive' });
  const licenses = [DEMO.caStore, DEMO.caMicro, DEMO.caCultivator];
  const calls = licenses.map(
    (licenseNumber) => () => owner.get('/items/v2/inactive', { licenseNumber }),
  );
  assert.deepEqual(await concurrentStatuses(calls), [200, 200, 429]);
});

test('Retry-After when configured', async () => {
  emulator.control.updateConfig({
    limits: { licenseGetsPerSecond: ONE_CALL, retryAfterSeconds: 2 },
  });
  await owner.get('/items/v2/inactive', { licenseNumber: DEMO.caStore });
  const refused = await owner.get('/items/v2/inactive', { licenseNumber: DEMO.caStore });
  assert.equal(refused.status, 429);
  assert.equal(refused.headers.get('retry-after'), '2');
});

test('a refused GET consumes nothing: the bucket refills on the emulator clock', async () => {
  emulator.control.updateConfig({ limits: { licenseGetsPerSecond: 4, burstSeconds: 0.25 } });
  const q = { licenseNumber: DEMO.caStore };
  assert.equal((await owner.get('/items/v2/inactive', q)).status, 200);
  for (let i = 0; i < 5; i++) await owner.get('/items/v2/inactive', q);
  emulator.control.advanceClock(250);
  assert.equal(
    (await owner.get('/items/v2/inactive', q)).status,
    200,
    'a token came back after 250 ms of emulator time',
  );
});

describe('the strict default depth, on a frozen clock', () => {
  // The base clock never moves: only `advanceClock` refills, so the outcome does not depend on
  // how fast this machine is.
  let frozen: RunningEmulator;
  let caller: MetrcCaller;
  const q = { licenseNumber: DEMO.caStore };
  before(async () => {
    const at = new Date('2026-03-02T12:00:00Z');
    frozen = await startTestEmulator({ clock: { now: () => at }, limits: { ...DEFAULT_LIMITS } });
    caller = callerFor(frozen, 'ca-owner');
  });
  beforeEach(() => frozen.control.reset());
  after(() => frozen.close());

  test('the default depth is a tenth of a second: 5 GETs per license at once, the 6th refused', async () => {
    assert.equal(frozen.control.config().limits.burstSeconds, 0.1);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await caller.get('/items/v2/inactive', q)).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
  });

  test('a burst over the depth is refused; paced traffic at the limit is not', async () => {
    // 50/s per license: one GET every 20 ms of emulator time, 120 of them, never refused.
    for (let i = 0; i < 120; i++) {
      const answer = await caller.get('/items/v2/inactive', q);
      assert.equal(answer.status, 200, `paced GET ${i}`);
      frozen.control.advanceClock(20);
    }
    // The same license at once: the bucket (5 deep) runs dry on the 6th.
    frozen.control.advanceClock(1_000);
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => caller.get('/items/v2/inactive', q)),
    );
    assert.equal(burst.filter((a) => a.status === 200).length, 5);
    assert.equal(burst.filter((a) => a.status === 429).length, 3);
  });

  test('per vendor key the depth is 15 GETs', async () => {
    const statuses = [];
    for (let i = 0; i < 16; i++) statuses.push((await caller.get('/facilities/v2')).status);
    assert.equal(statuses.filter((s) => s === 200).length, 15);
    assert.equal(statuses.at(-1), 429);
  });
});
