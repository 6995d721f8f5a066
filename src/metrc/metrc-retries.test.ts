import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listActiveItems } from './catalogue-endpoints.ts';
import { MetrcNetworkError, MetrcServerError, MetrcTimeoutError } from './metrc-errors.ts';
import { listFacilities } from './people-endpoints.ts';
import { findReceiptsByExternalNumber } from './reconciliation.ts';
import { isRetryableGetError, retryDelayMs } from './retry-policy.ts';
import { createReceipts } from './sales-endpoints.ts';
import { DEMO, type MetrcTestKit, startMetrcTestKit } from './testing/metrc-test-kit.ts';

const retailer = DEMO.ca.retailer;

/** A sale of one unit from the first active package of the retailer. */
async function saleRow(kit: MetrcTestKit, externalNumber: string) {
  const body = (await kit.api('ca-owner').getJson({
    path: '/packages/v2/active',
    licenseNumber: retailer,
    query: { pageNumber: 1, pageSize: 20 },
  })) as { Data: { Label: string; Quantity: number; UnitOfMeasureName: string }[] };
  const pkg = body.Data.find((p) => p.Quantity >= 1 && p.UnitOfMeasureName === 'Each');
  assert.ok(pkg, 'the demo retailer has a countable package');
  const now = new Date(Date.now() - 60 * 60_000);
  // Facility-local time for California, without a zone.
  const local = new Date(now.getTime() - 8 * 3_600_000).toISOString().slice(0, 19);
  return {
    SalesDateTime: local,
    SalesCustomerType: 'Consumer',
    ExternalReceiptNumber: externalNumber,
    Transactions: [
      { PackageLabel: pkg.Label, Quantity: 1, UnitOfMeasure: 'Each', TotalAmount: 10 },
    ],
  };
}

describe('retries: GETs are retried, writes never', () => {
  let kit: MetrcTestKit;
  before(async () => {
    kit = await startMetrcTestKit({ client: { timeoutMs: 300 } });
  });
  after(() => kit.close());

  test('a GET failing twice with 500 succeeds on the third attempt', async () => {
    const fault = kit.emulator.control.addFault({
      kind: 'status',
      status: 500,
      path: '/facilities',
      times: 2,
    });
    kit.mark();
    const facilities = await listFacilities(kit.api('ca-owner'));
    assert.ok(facilities.length > 0);
    const seen = kit.requests({ pathPrefix: '/ca/facilities' });
    assert.deepEqual(
      seen.map((r) => r.status),
      [500, 500, 200],
    );
    assert.equal(
      kit.emulator.control.faults().some((f) => f.id === fault.id),
      false,
    );
  });

  test('a GET is retried after a 429, a reset and a timeout', async () => {
    kit.emulator.control.addFault({ kind: 'rate-limit', path: '/items/v2/active', times: 1 });
    kit.emulator.control.addFault({ kind: 'reset', path: '/items/v2/active', times: 1 });
    kit.emulator.control.addFault({ kind: 'timeout', path: '/items/v2/active', times: 1 });
    kit.mark();
    await listActiveItems(kit.api('ca-owner'), { licenseNumber: retailer });
    const outcomes = kit
      .requests({ pathPrefix: '/ca/items' })
      .map((r) => `${r.outcome}:${r.status}`);
    assert.equal(outcomes.length, 4, outcomes.join(','));
    assert.equal(outcomes.at(-1), 'answered:200');
  });

  test('a GET gives up after maxAttempts, saying how many', async () => {
    const fault = kit.emulator.control.addFault({
      kind: 'status',
      status: 503,
      path: '/facilities',
    });
    kit.mark();
    try {
      const error = await listFacilities(kit.api('ca-owner')).catch((e: unknown) => e);
      assert.ok(error instanceof MetrcServerError);
      assert.equal(error.attempts, 4);
      assert.equal(kit.requests({ pathPrefix: '/ca/facilities' }).length, 4);
    } finally {
      kit.emulator.control.removeFault(fault.id);
    }
  });

  test('a POST failing with 500 is sent exactly once', async () => {
    const fault = kit.emulator.control.addFault({
      kind: 'status',
      status: 500,
      method: 'POST',
      path: '/sales/v2/receipts',
    });
    kit.mark();
    try {
      const error = await createReceipts(kit.api('ca-owner'), {
        licenseNumber: retailer,
        rows: [await saleRow(kit, 'RETRY-500-1')],
      }).catch((e: unknown) => e);
      assert.ok(error instanceof MetrcServerError);
      assert.equal(error.attempts, 1);
      assert.equal(kit.requests({ method: 'POST' }).length, 1);
      assert.equal(kit.emulator.control.counters().byStatus['500'], 1);
    } finally {
      kit.emulator.control.removeFault(fault.id);
    }
  });

  test('a POST reset or timed out is sent once; the lookup tells whether it landed', async () => {
    kit.emulator.control.addFault({
      kind: 'drop-after-commit',
      method: 'POST',
      path: '/sales/v2/receipts',
      times: 1,
    });
    kit.mark();
    const api = kit.api('ca-owner');
    const dropped = await createReceipts(api, {
      licenseNumber: retailer,
      rows: [await saleRow(kit, 'POS 2026/DROP 1')],
    }).catch((e: unknown) => e);
    assert.ok(dropped instanceof MetrcNetworkError || dropped instanceof MetrcTimeoutError);
    assert.equal(dropped.reachedMetrc, 'unknown');
    assert.equal(kit.requests({ method: 'POST' }).length, 1);
    // The write committed before the connection dropped: the lookup finds it (URL-encoded).
    const landed = await findReceiptsByExternalNumber(api, {
      licenseNumber: retailer,
      externalNumber: 'POS 2026/DROP 1',
    });
    assert.equal(landed.length, 1);

    kit.emulator.control.addFault({
      kind: 'timeout',
      method: 'POST',
      path: '/sales/v2/receipts',
      times: 1,
    });
    kit.mark();
    const timedOut = await createReceipts(api, {
      licenseNumber: retailer,
      rows: [await saleRow(kit, 'POS-TIMEOUT-1')],
    }).catch((e: unknown) => e);
    assert.ok(timedOut instanceof MetrcTimeoutError);
    assert.equal(timedOut.reachedMetrc, 'unknown');
    assert.equal(kit.requests({ method: 'POST' }).length, 1);
    // This one never ran: nothing to find, so the outbox may send it again.
    const absent = await findReceiptsByExternalNumber(api, {
      licenseNumber: retailer,
      externalNumber: 'POS-TIMEOUT-1',
    });
    assert.deepEqual(absent, []);
  });
});

describe('retry policy', () => {
  test('backoff doubles, is capped, jittered, and never shorter than Retry-After', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 400, maxRetryAfterMs: 1_000 };
    const server = new MetrcServerError({
      request: {
        method: 'GET',
        path: '/x',
        state: 'ca',
        licenseNumber: undefined,
        section: undefined,
      },
      reachedMetrc: 'yes',
      httpStatus: 500,
    });
    assert.equal(
      retryDelayMs(1, server, policy, () => 0),
      50,
    );
    assert.equal(
      retryDelayMs(1, server, policy, () => 1),
      100,
    );
    assert.equal(
      retryDelayMs(2, server, policy, () => 1),
      200,
    );
    assert.equal(
      retryDelayMs(5, server, policy, () => 1),
      400,
    );
    assert.equal(isRetryableGetError(server), true);
    const notImplemented = new MetrcServerError({
      ...server,
      request: server.request,
      reachedMetrc: 'yes',
      httpStatus: 501,
    });
    assert.equal(isRetryableGetError(notImplemented), false);
  });
});
