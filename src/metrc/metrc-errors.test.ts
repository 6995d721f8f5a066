import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { errorCatalogue, Secret } from '../lib/index.ts';
import { createStrains, listActiveItems } from './catalogue-endpoints.ts';
import { createMetrcClient } from './metrc-client.ts';
import {
  MetrcAbortedError,
  MetrcError,
  MetrcLimiterTimeoutError,
  MetrcNetworkError,
  MetrcNotFoundError,
  MetrcRateLimitedError,
  MetrcRequestInvalidError,
  MetrcRetiredError,
  MetrcServerError,
  MetrcTimeoutError,
  MetrcTooLargeError,
  MetrcUnauthorizedError,
  MetrcUnexpectedResponseError,
  MetrcValidationError,
  writeMayHaveLanded,
} from './metrc-errors.ts';
import { createPackages, getPackageById, listActivePackages } from './packages-endpoints.ts';
import { listFacilities } from './people-endpoints.ts';
import { listActiveReceipts } from './sales-endpoints.ts';
import {
  DEMO,
  type MetrcTestKit,
  startMetrcTestKit,
  TEST_RETRY,
} from './testing/metrc-test-kit.ts';

const retailer = DEMO.ca.retailer;

describe('Metrc errors, against the emulator', () => {
  let kit: MetrcTestKit;
  before(async () => {
    kit = await startMetrcTestKit({ client: { timeoutMs: 400 } });
  });
  after(() => kit.close());

  test('every code is catalogued for docs/errors.md', () => {
    const codes = errorCatalogue()
      .filter((e) => e.area === 'metrc')
      .map((e) => e.code);
    for (const code of [
      'METRC_UNAUTHORIZED',
      'METRC_VALIDATION',
      'METRC_ENDPOINT_NOT_FOUND',
      'METRC_OBJECT_NOT_FOUND',
      'METRC_RETIRED',
      'METRC_TOO_LARGE',
      'METRC_RATE_LIMITED',
      'METRC_SERVER_ERROR',
      'METRC_TIMEOUT',
      'METRC_NETWORK',
      'METRC_UNEXPECTED_RESPONSE',
      'METRC_REQUEST_INVALID',
      'METRC_LIMITER_TIMEOUT',
      'METRC_ABORTED',
    ]) {
      assert.ok(codes.includes(code), code);
    }
  });

  test('401 on a license-less call: the key itself was refused (scope key)', async () => {
    const keys = kit.keysOf('ca-owner');
    const api = kit.client.forKeys({ ...keys, userKey: new Secret('not-a-real-user-key-000') });
    const error = await listFacilities(api).catch((e: unknown) => e);
    assert.ok(error instanceof MetrcUnauthorizedError);
    assert.equal(error.code, 'METRC_UNAUTHORIZED');
    assert.equal(error.scope, 'key');
    assert.equal(error.httpStatus, 401);
    assert.equal(error.reachedMetrc, 'yes');
    assert.equal(error.attempts, 1, '401 is not retried');
  });

  test('401 on a section: carries the license and the section asked', async () => {
    // A cultivation license type has no Sales section: Metrc answers 401, not 403.
    const api = kit.api('ca-owner');
    const error = await listActiveReceipts(api, {
      licenseNumber: DEMO.ca.cultivator,
      salesDateStart: '2026-01-01',
      salesDateEnd: '2026-01-01',
    }).catch((e: unknown) => e);
    assert.ok(error instanceof MetrcUnauthorizedError);
    assert.equal(error.scope, 'license');
    assert.equal(error.licenseNumber, DEMO.ca.cultivator);
    assert.equal(error.section, 'Sales');
    assert.equal(error.request.path, '/sales/v2/receipts/active');
    assert.match(
      error.message,
      /GET \/sales\/v2\/receipts\/active in CA for license CCL18-0000101/,
    );
  });

  test('every auth-failure shape Metrc uses reaches the client as the same typed error', async () => {
    // 401 {"Message"}, 401 with no body, and 403 for a denial (a per-scenario option).
    const denied = () =>
      listActiveReceipts(kit.api('ca-owner'), {
        licenseNumber: DEMO.ca.cultivator,
        salesDateStart: '2026-01-01',
        salesDateEnd: '2026-01-01',
      }).catch((e: unknown) => e);
    const badKey = () =>
      listFacilities(
        kit.client.forKeys({ ...kit.keysOf('ca-owner'), userKey: new Secret('not-a-key-0000') }),
      ).catch((e: unknown) => e);
    const seen: [string, number, unknown][] = [];
    try {
      for (const shape of ['message', 'empty', 'forbidden'] as const) {
        kit.emulator.control.updateConfig({ authFailures: shape });
        for (const error of [await denied(), await badKey()]) {
          assert.ok(error instanceof MetrcUnauthorizedError, `${shape}: ${String(error)}`);
          assert.equal(error.code, 'METRC_UNAUTHORIZED');
          assert.equal(error.attempts, 1, 'never retried');
          seen.push([shape, error.httpStatus ?? 0, error.scope]);
        }
      }
    } finally {
      kit.emulator.control.updateConfig({ authFailures: 'message' });
    }
    assert.deepEqual(seen, [
      ['message', 401, 'license'],
      ['message', 401, 'key'],
      ['empty', 401, 'license'],
      ['empty', 401, 'key'],
      ['forbidden', 403, 'license'],
      ['forbidden', 401, 'key'],
    ]);
  });

  test("400 with Metrc's rows", async () => {
    const error = await createPackages(kit.api('ca-owner'), {
      licenseNumber: retailer,
      rows: [
        {
          Tag: 'NOT-A-TAG-000000000000000',
          Item: 'Nothing',
          Quantity: 1,
          UnitOfMeasure: 'Each',
          ActualDate: '2026-01-01',
          Ingredients: [{ Package: 'NOT-A-PACKAGE', Quantity: 1, UnitOfMeasure: 'Each' }],
        },
      ],
    }).catch((e: unknown) => e);
    assert.ok(error instanceof MetrcValidationError);
    assert.equal(error.code, 'METRC_VALIDATION');
    assert.ok(error.rows.length >= 1);
    assert.equal(error.rows[0]?.row, 0);
    assert.match(error.rows.map((r) => r.message).join(' '), /is not available/);
  });

  test('400 with a whole-request {Message}', async () => {
    const error = await kit
      .api('ca-owner')
      .getJson({ path: '/packages/v2/active', licenseNumber: retailer, query: { pageSize: 50 } })
      .catch((e: unknown) => e);
    assert.ok(error instanceof MetrcValidationError);
    assert.deepEqual(error.rows, []);
    assert.match(error.metrcMessage ?? '', /page size/i);
  });

  test('404: an endpoint the state lacks vs an object that does not exist', async () => {
    const api = kit.api('ca-owner');
    // CA has no patients endpoint (OpenMetrc state summaries).
    const absent = await api
      .getJson({ path: '/patients/v2/active', licenseNumber: retailer })
      .catch((e: unknown) => e);
    assert.ok(absent instanceof MetrcNotFoundError);
    assert.equal(absent.kind, 'endpoint');
    assert.equal(absent.code, 'METRC_ENDPOINT_NOT_FOUND');
    const missing = await getPackageById(api, { licenseNumber: retailer, id: 987_654_321 }).catch(
      (e: unknown) => e,
    );
    assert.ok(missing instanceof MetrcNotFoundError);
    assert.equal(missing.kind, 'object');
    assert.equal(missing.code, 'METRC_OBJECT_NOT_FOUND');
  });

  test('405: a retired endpoint', async () => {
    const error = await kit
      .api('ca-owner')
      .getJson({ path: '/sales/v1/receipts', licenseNumber: retailer })
      .catch((e: unknown) => e);
    assert.ok(error instanceof MetrcRetiredError);
    assert.equal(error.httpStatus, 405);
  });

  test('413: too many rows', async () => {
    kit.emulator.control.updateConfig({ limits: { maxWriteRows: 1 } });
    try {
      const error = await createStrains(kit.api('ca-owner'), {
        licenseNumber: DEMO.ca.cultivator,
        rows: [
          { Name: 'Big 1', IndicaPercentage: 50, SativaPercentage: 50 },
          { Name: 'Big 2', IndicaPercentage: 50, SativaPercentage: 50 },
        ],
      }).catch((e: unknown) => e);
      assert.ok(error instanceof MetrcTooLargeError);
      assert.equal(error.reachedMetrc, 'yes');
    } finally {
      kit.emulator.control.updateConfig({ limits: { maxWriteRows: null } });
    }
  });

  test('429 with Retry-After, after the GET retries ran out', async () => {
    kit.emulator.control.updateConfig({ limits: { retryAfterSeconds: 0.05 } });
    const fault = kit.emulator.control.addFault({ kind: 'rate-limit', path: '/items/v2/active' });
    try {
      const error = await listActiveItems(kit.api('ca-owner'), { licenseNumber: retailer }).catch(
        (e: unknown) => e,
      );
      assert.ok(error instanceof MetrcRateLimitedError);
      assert.equal(error.retryAfterMs, 50);
      assert.equal(error.attempts, 4);
      assert.equal(error.retryable, true);
    } finally {
      kit.emulator.control.removeFault(fault.id);
      kit.emulator.control.updateConfig({ limits: { retryAfterSeconds: null } });
    }
  });

  test('5xx: a server error (and an outage)', async () => {
    const fault = kit.emulator.control.addFault({
      kind: 'status',
      status: 502,
      path: '/facilities',
    });
    try {
      const error = await listFacilities(kit.api('ca-owner')).catch((e: unknown) => e);
      assert.ok(error instanceof MetrcServerError);
      assert.equal(error.httpStatus, 502);
    } finally {
      kit.emulator.control.removeFault(fault.id);
    }
    const outage = kit.emulator.control.addFault({
      kind: 'outage',
      state: 'ca',
      durationMs: 60_000,
    });
    try {
      const error = await listFacilities(kit.api('ca-owner')).catch((e: unknown) => e);
      assert.ok(error instanceof MetrcServerError);
      assert.equal(error.httpStatus, 503);
    } finally {
      kit.emulator.control.removeFault(outage.id);
    }
  });

  test('timeout of a write after it was sent: reachedMetrc unknown', async () => {
    const fault = kit.emulator.control.addFault({
      kind: 'timeout',
      method: 'POST',
      path: '/strains/v2',
    });
    try {
      const error = await createStrains(kit.api('ca-owner'), {
        licenseNumber: DEMO.ca.cultivator,
        rows: [{ Name: 'Slow Strain', IndicaPercentage: 50, SativaPercentage: 50 }],
      }).catch((e: unknown) => e);
      assert.ok(error instanceof MetrcTimeoutError);
      assert.equal(error.reachedMetrc, 'unknown');
      assert.equal(writeMayHaveLanded(error), true);
    } finally {
      kit.emulator.control.removeFault(fault.id);
    }
  });

  test('network: refused before sending (no) vs reset after sending (unknown)', async () => {
    const port = await freePort();
    const refusedClient = createMetrcClient({
      baseUrlTemplate: `http://127.0.0.1:${port}/{state}`,
      retry: TEST_RETRY,
    });
    try {
      const error = await listFacilities(refusedClient.forKeys(kit.keysOf('ca-owner'))).catch(
        (e: unknown) => e,
      );
      assert.ok(error instanceof MetrcNetworkError);
      assert.equal(error.networkCode, 'ECONNREFUSED');
      assert.equal(error.reachedMetrc, 'no');
      assert.equal(writeMayHaveLanded(error), false);
    } finally {
      await refusedClient.close();
    }
    const fault = kit.emulator.control.addFault({
      kind: 'reset',
      method: 'POST',
      path: '/strains/v2',
    });
    try {
      const error = await createStrains(kit.api('ca-owner'), {
        licenseNumber: DEMO.ca.cultivator,
        rows: [{ Name: 'Reset Strain', IndicaPercentage: 50, SativaPercentage: 50 }],
      }).catch((e: unknown) => e);
      assert.ok(error instanceof MetrcNetworkError);
      assert.equal(error.reachedMetrc, 'unknown');
    } finally {
      kit.emulator.control.removeFault(fault.id);
    }
  });

  test('an invalid body never leaves (reachedMetrc no)', async () => {
    kit.mark();
    const error = await createStrains(kit.api('ca-owner'), {
      licenseNumber: DEMO.ca.cultivator,
      // @ts-expect-error: an unknown field, as a typo would be
      rows: [{ Name: 'Typo', IndicaPercent: 50 }],
    }).catch((e: unknown) => e);
    assert.ok(error instanceof MetrcRequestInvalidError);
    assert.equal(error.reachedMetrc, 'no');
    assert.equal(kit.requests().length, 0);
  });

  test('the limiter gives up before sending (reachedMetrc no)', async () => {
    const client = createMetrcClient({
      baseUrlTemplate: kit.emulator.baseUrlTemplate,
      limits: { vendorGetsInFlight: 1 },
      limiterMaxWaitMs: 50,
    });
    const fault = kit.emulator.control.addFault({ kind: 'latency', ms: 400, path: '/facilities' });
    kit.mark();
    try {
      const api = client.forKeys(kit.keysOf('ca-owner'));
      const [first, second] = await Promise.allSettled([listFacilities(api), listFacilities(api)]);
      assert.equal(first.status, 'fulfilled');
      assert.equal(second.status, 'rejected');
      const error = second.status === 'rejected' ? second.reason : undefined;
      assert.ok(error instanceof MetrcLimiterTimeoutError);
      assert.equal(error.reachedMetrc, 'no');
      assert.equal(kit.requests({ pathPrefix: '/ca/facilities' }).length, 1);
    } finally {
      kit.emulator.control.removeFault(fault.id);
      await client.close();
    }
  });

  test('aborted by the caller: before sending (no) or while waiting for the answer (unknown)', async () => {
    const api = kit.api('ca-owner');
    const early = await listFacilities(api, { signal: AbortSignal.abort() }).catch(
      (e: unknown) => e,
    );
    assert.ok(early instanceof MetrcAbortedError);
    assert.equal(early.reachedMetrc, 'no');
    const fault = kit.emulator.control.addFault({ kind: 'latency', ms: 300, path: '/facilities' });
    try {
      const late = await listFacilities(api, { signal: AbortSignal.timeout(50) }).catch(
        (e: unknown) => e,
      );
      assert.ok(late instanceof MetrcAbortedError);
      assert.equal(late.reachedMetrc, 'unknown');
    } finally {
      kit.emulator.control.removeFault(fault.id);
    }
  });

  test('an answer that is not JSON, or of the wrong shape, is unexpected', async () => {
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(req.url?.includes('facilities') ? '<html>maintenance</html>' : '{"Data":"nope"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const client = createMetrcClient({ baseUrlTemplate: `http://127.0.0.1:${port}/{state}` });
    try {
      const api = client.forKeys(kit.keysOf('ca-owner'));
      const html = await listFacilities(api).catch((e: unknown) => e);
      assert.ok(html instanceof MetrcUnexpectedResponseError);
      assert.equal(html.reachedMetrc, 'yes');
      const shape = await listActivePackages(api, { licenseNumber: retailer }).catch(
        (e: unknown) => e,
      );
      assert.ok(shape instanceof MetrcUnexpectedResponseError);
    } finally {
      await client.close();
      server.close();
    }
  });

  test('every error is a MetrcError with a request summary and no key in it', async () => {
    const keys = kit.keysOf('ca-owner');
    const error = await listFacilities(
      kit.client.forKeys({ ...keys, userKey: new Secret('wrong-key-PLANTED-31337') }),
    ).catch((e: unknown) => e);
    assert.ok(error instanceof MetrcError);
    const text = `${error.message} ${JSON.stringify(error)} ${JSON.stringify(error.details)}`;
    assert.equal(text.includes('wrong-key-PLANTED-31337'), false);
    assert.equal(text.includes(keys.vendorKey.reveal()), false);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
