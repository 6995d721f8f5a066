import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listActiveHarvests, listActivePlantBatches } from './growing-endpoints.ts';
import { createUndiciTransport, type MetrcTransport } from './metrc-transport.ts';
import { listActivePackages } from './packages-endpoints.ts';
import {
  findHarvestByNameAndDate,
  findPackageByLabel,
  findPlantBatchByName,
  findReceiptsByExternalNumber,
} from './reconciliation.ts';
import { listInactiveReceipts } from './sales-endpoints.ts';
import {
  DEMO,
  type MetrcTestKit,
  startMetrcTestKit,
  wideWindow,
} from './testing/metrc-test-kit.ts';

const { cultivator, retailer } = DEMO.ca;

/**
 * The emulator serves `/sales/v2/receipts/external/{n}` in every state; Metrc states without it
 * answer ASP.NET's route miss. This transport plays such a state, for that path only.
 */
function withoutExternalLookup(): MetrcTransport & { lookups: number } {
  const real = createUndiciTransport();
  const transport = {
    lookups: 0,
    async send(request: Parameters<MetrcTransport['send']>[0]) {
      if (request.url.pathname.includes('/sales/v2/receipts/external/')) {
        transport.lookups++;
        return {
          status: 404,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            Message: `No HTTP resource was found that matches the request URI '${request.url.href}'.`,
          }),
        };
      }
      return real.send(request);
    },
    close: () => real.close(),
  };
  return transport;
}

describe('reconciliation lookups, against the emulator', () => {
  let kit: MetrcTestKit;
  const transport = withoutExternalLookup();
  let fallbackKit: MetrcTestKit;
  before(async () => {
    kit = await startMetrcTestKit();
    fallbackKit = await startMetrcTestKit({ client: { transport } });
  });
  after(async () => {
    await kit.close();
    await fallbackKit.close();
    await transport.close();
  });

  test('package by label: found, or null when Metrc has none', async () => {
    const api = kit.api('ca-owner');
    const [pkg] = (await listActivePackages(api, { licenseNumber: retailer, ...wideWindow() }))
      .data;
    assert.ok(pkg);
    assert.equal(
      (await findPackageByLabel(api, { licenseNumber: retailer, label: pkg.Label }))?.Id,
      pkg.Id,
    );
    assert.equal(
      await findPackageByLabel(api, { licenseNumber: retailer, label: '1A4A0006A00000000000ZZZZ' }),
      null,
    );
  });

  test('receipts by external number, by the lookup endpoint', async () => {
    const api = kit.api('ca-owner');
    const known = (
      await listInactiveReceipts(api, { licenseNumber: retailer, ...wideWindow() })
    ).data.find((r) => r.ExternalReceiptNumber);
    assert.ok(known?.ExternalReceiptNumber);
    const found = await findReceiptsByExternalNumber(api, {
      licenseNumber: retailer,
      externalNumber: known.ExternalReceiptNumber,
    });
    assert.deepEqual(
      found.map((r) => r.Id),
      [known.Id],
    );
  });

  test('receipts by external number, by a window scan where the state lacks the endpoint', async () => {
    const api = fallbackKit.api('ca-owner');
    const known = (
      await listInactiveReceipts(api, { licenseNumber: retailer, ...wideWindow() })
    ).data.find((r) => r.ExternalReceiptNumber);
    assert.ok(known?.ExternalReceiptNumber);
    // As the outbox would: from when the write was sent (here, when the receipt last changed).
    const since = new Date(Date.parse(known.LastModified ?? '') - 60_000);
    const found = await findReceiptsByExternalNumber(api, {
      licenseNumber: retailer,
      externalNumber: known.ExternalReceiptNumber,
      since,
    });
    assert.ok(transport.lookups >= 1, 'the lookup endpoint was tried first');
    assert.deepEqual(
      found.map((r) => r.Id),
      [known.Id],
    );
    assert.deepEqual(
      await findReceiptsByExternalNumber(api, {
        licenseNumber: retailer,
        externalNumber: 'NEVER-SENT',
        since,
      }),
      [],
    );
  });

  test('harvest by name and date; plant batch by name', async () => {
    const api = kit.api('ca-owner');
    const [harvest] = (
      await listActiveHarvests(api, { licenseNumber: cultivator, ...wideWindow() })
    ).data;
    const [batch] = (
      await listActivePlantBatches(api, { licenseNumber: cultivator, ...wideWindow() })
    ).data;
    assert.ok(harvest?.HarvestStartDate && batch);
    // As the outbox would: from when the write was sent (here, when they last changed).
    const changed = [harvest.LastModified, batch.LastModified].map((t) => Date.parse(t ?? ''));
    const since = new Date(Math.min(...changed) - 60_000);
    // The seeds are weeks old; one window per list (v2 allows it) keeps this test short.
    const policy = { maxWindowMs: null, overlapMs: 0 };
    const date = harvest.HarvestStartDate.slice(0, 10);
    const found = await findHarvestByNameAndDate(api, {
      licenseNumber: cultivator,
      name: harvest.Name.toUpperCase(),
      harvestDate: date,
      since,
      policy,
    });
    assert.equal(found?.Id, harvest.Id);
    assert.equal(
      await findHarvestByNameAndDate(api, {
        licenseNumber: cultivator,
        name: harvest.Name,
        harvestDate: '2001-01-01',
        since,
        policy,
      }),
      null,
    );
    assert.equal(
      (
        await findPlantBatchByName(api, {
          licenseNumber: cultivator,
          name: batch.Name,
          since,
          policy,
        })
      )?.Id,
      batch.Id,
    );
    assert.equal(
      await findPlantBatchByName(api, {
        licenseNumber: cultivator,
        name: 'No Such Batch',
        since,
        policy,
      }),
      null,
    );
  });
});
