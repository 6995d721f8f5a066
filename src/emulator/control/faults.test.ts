/** One test per fault the control API can inject (issue item 7). */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { RunningEmulator } from '../index.ts';
import {
  callerFor,
  controlCall,
  DEMO,
  type MetrcCaller,
  rows,
  startTestEmulator,
} from '../testing/emulator-test-kit.ts';

let emulator: RunningEmulator;
let owner: MetrcCaller;
let coOwner: MetrcCaller;
const store = { licenseNumber: DEMO.caStore };

before(async () => {
  emulator = await startTestEmulator();
});
beforeEach(() => {
  emulator.control.reset();
  owner = callerFor(emulator, 'ca-owner');
  coOwner = callerFor(emulator, 'co-owner');
});
after(() => emulator.close());

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function sellable() {
  const all = rows(
    await owner.get('/packages/v2/active', {
      ...store,
      lastModifiedStart: '2000-01-01T00:00:00Z',
      lastModifiedEnd: '2100-01-01T00:00:00Z',
    }),
  );
  const pkg = all.find(
    (p) => p.UnitOfMeasureName === 'Each' && !p.IsOnHold && (p.Quantity as number) > 3,
  );
  assert.ok(pkg);
  return pkg as { Id: number; Label: string; Quantity: number };
}

const receiptFor = (label: string, external: string) => [
  {
    SalesDateTime: '2026-01-04T11:00:00',
    SalesCustomerType: 'Consumer',
    ExternalReceiptNumber: external,
    Transactions: [{ PackageLabel: label, Quantity: 1, UnitOfMeasure: 'Each', TotalAmount: 10 }],
  },
];

test('latency: fixed', async () => {
  emulator.control.addFault({ kind: 'latency', ms: 500, state: 'ca' });
  const [answer, ms] = await timed(() => owner.get('/facilities/v2'));
  assert.equal(answer.status, 200);
  assert.ok(ms >= 490, `${ms} ms`);
  const [, fast] = await timed(() => coOwner.get('/facilities/v2'));
  assert.ok(fast < 450, 'other states are not delayed');
});

test('latency: a distribution (uniform and log-normal), seeded', async () => {
  emulator.control.addFault({ kind: 'latency', minMs: 100, maxMs: 200, path: '/facilities/v2' });
  const [, ms] = await timed(() => owner.get('/facilities/v2'));
  assert.ok(ms >= 95, `${ms} ms`);
  emulator.control.clearFaults();
  emulator.control.addFault({ kind: 'latency', medianMs: 20, p99Ms: 60, path: '/unitsofmeasure' });
  const durations = [];
  for (let i = 0; i < 10; i++)
    durations.push((await timed(() => owner.get('/unitsofmeasure/v2/active')))[1]);
  assert.ok(
    durations.every((d) => d >= 2),
    'every call delayed',
  );
  const bad = await controlCall(emulator, 'POST', '/faults', {
    kind: 'latency',
    medianMs: 50,
    p99Ms: 10,
  });
  assert.equal((bad.body as { code: string }).code, 'EMULATOR_CONTROL_INVALID');
});

test('5xx: a status at a rate, for a number of requests', async () => {
  emulator.control.addFault({ kind: 'status', status: 503, times: 2, path: '/facilities' });
  assert.equal((await owner.get('/facilities/v2')).status, 503);
  const second = await owner.get('/facilities/v2');
  assert.equal(second.status, 503);
  assert.deepEqual(second.body, { Message: 'An error has occurred.' });
  assert.equal(
    (await owner.get('/facilities/v2')).status,
    200,
    'the fault removed itself after 2 hits',
  );
  emulator.control.addFault({ kind: 'status', probability: 0.5 });
  let errors = 0;
  for (let i = 0; i < 60; i++)
    if ((await owner.get('/unitsofmeasure/v2/active')).status === 500) errors++;
  assert.ok(errors > 10 && errors < 50, `${errors} of 60`);
});

test('429: injected at a rate, with Metrc’s message', async () => {
  emulator.control.addFault({ kind: 'rate-limit', method: 'GET', times: 1 });
  const answer = await owner.get('/facilities/v2');
  assert.equal(answer.status, 429);
  assert.match((answer.body as { Message: string }).Message, /limit of API calls/);
  assert.equal((await owner.get('/facilities/v2')).status, 200);
});

test('timeout: the request is held until the client gives up; the log says so', async () => {
  emulator.control.addFault({ kind: 'timeout', path: '/facilities', times: 1 });
  await assert.rejects(
    fetch(`${emulator.url}/ca/facilities/v2`, { signal: AbortSignal.timeout(300) }),
    (error: Error) => error.name === 'TimeoutError' || error.name === 'AbortError',
  );
  // Logged when the request was held, so it is there as soon as the client gives up.
  const entry = emulator.control.requests({ pathPrefix: '/ca/facilities' }).at(-1);
  assert.equal(entry?.outcome, 'timeout');
  emulator.control.addFault({ kind: 'timeout', afterMs: 100, path: '/units', times: 1 });
  await assert.rejects(
    owner.get('/unitsofmeasure/v2/active'),
    'the connection is closed after afterMs',
  );
});

test('connection reset: the write is not committed', async () => {
  const pkg = await sellable();
  emulator.control.addFault({
    kind: 'reset',
    method: 'POST',
    path: '/sales/v2/receipts',
    times: 1,
  });
  await assert.rejects(owner.post('/sales/v2/receipts', receiptFor(pkg.Label, 'RESET-1'), store));
  // Logged before the socket was reset: no waiting for the close.
  const entry = emulator.control.requests({ method: 'POST' }).at(-1);
  assert.equal(entry?.outcome, 'reset');
  const lookup = await owner.get('/sales/v2/receipts/external/RESET-1', store);
  assert.equal(lookup.status, 404, 'no receipt was recorded');
  const after = (await owner.get(`/packages/v2/${pkg.Id}`, store)).body as { Quantity: number };
  assert.equal(after.Quantity, pkg.Quantity);
});

test('commit then drop: the write lands, the client never hears; the log has the status it would have had', async () => {
  const pkg = await sellable();
  emulator.control.addFault({
    kind: 'drop-after-commit',
    method: 'POST',
    path: '/sales/v2/receipts',
    times: 1,
  });
  await assert.rejects(owner.post('/sales/v2/receipts', receiptFor(pkg.Label, 'DROP-1'), store));
  const entry = emulator.control.requests({ method: 'POST' }).at(-1);
  assert.equal(entry?.outcome, 'dropped');
  assert.equal(entry.status, 200);
  assert.equal(entry.userId, 'ca-owner');
  const lookup = await owner.get('/sales/v2/receipts/external/DROP-1', store);
  assert.equal(lookup.status, 200, 'committed');
  assert.equal((lookup.body as { ExternalReceiptNumber: string }).ExternalReceiptNumber, 'DROP-1');
});

test('corrupt record: one record of a list page has a field of the wrong type, the rest are whole', async () => {
  const window = {
    lastModifiedStart: '2000-01-01T00:00:00Z',
    lastModifiedEnd: '2100-01-01T00:00:00Z',
  };
  const clean = rows(await owner.get('/packages/v2/active', { ...store, ...window }));
  assert.ok(clean.length >= 2);
  const rule = emulator.control.addFault({
    kind: 'corrupt-record',
    path: '/packages/v2/active',
    field: 'Quantity',
    value: 'lots',
    recordIndex: 1,
    times: 1,
  });
  const spoiled = rows(await owner.get('/packages/v2/active', { ...store, ...window }));
  assert.equal(spoiled.length, clean.length);
  assert.equal(spoiled[1]?.Quantity, 'lots');
  assert.deepEqual({ ...spoiled[1], Quantity: clean[1]?.Quantity }, clean[1]);
  assert.deepEqual(spoiled[0], clean[0]);
  assert.equal(emulator.control.requests({ method: 'GET' }).at(-1)?.fault, rule.id);
  // `times: 1`: the next page is whole again; the default spoils the first record's Id.
  assert.deepEqual(rows(await owner.get('/packages/v2/active', { ...store, ...window })), clean);
  emulator.control.addFault({ kind: 'corrupt-record', path: '/packages/v2/active', times: 1 });
  const byDefault = rows(await owner.get('/packages/v2/active', { ...store, ...window }));
  assert.equal(byDefault[0]?.Id, 'not-a-number');
});

test('outage window per state: 503 inside the window, normal after it', async () => {
  emulator.control.addFault({ kind: 'outage', state: 'ca', durationMs: 60_000 });
  assert.equal((await owner.get('/facilities/v2')).status, 503);
  assert.equal((await coOwner.get('/facilities/v2')).status, 200, 'CO is up');
  emulator.control.advanceClock(61_000);
  assert.equal((await owner.get('/facilities/v2')).status, 200);
  const future = new Date(emulator.control.now().getTime() + 3_600_000).toISOString();
  emulator.control.addFault({
    kind: 'outage',
    state: 'co',
    startsAt: future,
    endsAt: new Date(Date.parse(future) + 60_000).toISOString(),
  });
  assert.equal((await coOwner.get('/facilities/v2')).status, 200, 'not yet');
  assert.equal(
    (await controlCall(emulator, 'POST', '/faults', { kind: 'outage' })).status,
    400,
    'an outage needs a state',
  );
});

test('faults are scoped by path and method, listed, and removable over HTTP', async () => {
  const created = await controlCall(emulator, 'POST', '/faults', {
    kind: 'status',
    status: 502,
    state: 'ca',
    path: '/packages/v2/',
    method: 'GET',
  });
  assert.equal(created.status, 200);
  const id = (created.body as { id: string }).id;
  assert.equal((await owner.get('/packages/v2/active', store)).status, 502);
  assert.equal((await owner.get('/items/v2/inactive', store)).status, 200, 'other paths');
  const pkg = (await owner.get('/facilities/v2')).status;
  assert.equal(pkg, 200);
  const listed = (await controlCall(emulator, 'GET', '/faults')).body as {
    id: string;
    hits: number;
  }[];
  assert.equal(listed[0]?.hits, 1);
  assert.equal((await controlCall(emulator, 'DELETE', `/faults/${id}`)).status, 200);
  assert.equal((await owner.get('/packages/v2/active', store)).status, 200);
});

test('counters by status count every answer', async () => {
  emulator.control.clearRequests();
  await owner.get('/facilities/v2');
  await owner.get('/sales/v1/receipts'); // retired: 405
  emulator.control.addFault({ kind: 'status', times: 1 });
  await owner.get('/facilities/v2');
  const counters = (await controlCall(emulator, 'GET', '/counters')).body as {
    total: number;
    byStatus: Record<string, number>;
  };
  assert.equal(counters.total, 3);
  assert.deepEqual(counters.byStatus, { 200: 1, 405: 1, 500: 1 });
});
