import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MetrcRequestInvalidError, MetrcUnauthorizedError } from './metrc-errors.ts';
import { listActivePackages } from './packages-endpoints.ts';
import { listFacilities } from './people-endpoints.ts';
import {
  createReceipts,
  finalizeReceipts,
  getReceipt,
  listActiveReceipts,
  listActiveSalesDeliveries,
  listCustomerTypes,
  listInactiveReceipts,
  listInactiveSalesDeliveries,
  listReceiptsByExternalNumber,
  unfinalizeReceipts,
  updateReceipts,
  voidReceipt,
} from './sales-endpoints.ts';
import {
  DEMO,
  facilityLocalTime,
  type MetrcTestKit,
  startMetrcTestKit,
  wideWindow,
} from './testing/metrc-test-kit.ts';

const licenseNumber = DEMO.ca.retailer;
const CA_TIME_ZONE = 'America/Los_Angeles';

describe('sales endpoints, against the emulator', () => {
  let kit: MetrcTestKit;
  before(async () => {
    kit = await startMetrcTestKit();
  });
  after(() => kit.close());

  test('receipt lists: a lastModified window or a sales-date window, never both, never none', async () => {
    const api = kit.api('ca-owner');
    const active = await listActiveReceipts(api, { licenseNumber, ...wideWindow() });
    assert.ok(active.data.length > 0);
    // List rows come without their lines.
    assert.ok(active.data.every((r) => (r.Transactions ?? []).length === 0));
    const inactive = await listInactiveReceipts(api, { licenseNumber, ...wideWindow() });
    assert.ok(inactive.data.length > 0);
    const day = (active.data[0]?.SalesDateTime ?? '').slice(0, 10);
    const byDay = await listActiveReceipts(api, {
      licenseNumber,
      salesDateStart: day,
      salesDateEnd: day,
    });
    assert.ok(byDay.data.length > 0);
    assert.ok(byDay.data.every((r) => r.SalesDateTime?.startsWith(day)));
    // Metrc returns no receipts at all without a window.
    assert.equal((await listActiveReceipts(api, { licenseNumber })).data.length, 0);
    kit.mark();
    await assert.rejects(
      listActiveReceipts(api, {
        licenseNumber,
        ...wideWindow(),
        salesDateStart: day,
        salesDateEnd: day,
      }),
      MetrcRequestInvalidError,
    );
    assert.equal(kit.requests().length, 0);
  });

  test('a receipt by id has its lines; by external number finds it, URL-encoded or not', async () => {
    const api = kit.api('ca-owner');
    const inactive = await listInactiveReceipts(api, { licenseNumber, ...wideWindow() });
    const withNumber = inactive.data.find((r) => r.ExternalReceiptNumber);
    assert.ok(withNumber);
    const detail = await getReceipt(api, { licenseNumber, id: withNumber.Id });
    assert.ok((detail.Transactions ?? []).length > 0);
    assert.ok(detail.Transactions?.[0]?.PackageLabel);
    const found = await listReceiptsByExternalNumber(api, {
      licenseNumber,
      externalNumber: withNumber.ExternalReceiptNumber ?? '',
    });
    assert.deepEqual(
      found.map((r) => r.Id),
      [withNumber.Id],
    );
    assert.deepEqual(
      await listReceiptsByExternalNumber(api, {
        licenseNumber,
        externalNumber: 'NO SUCH/NUMBER #1',
      }),
      [],
    );
  });

  test('record, correct, finalize, unfinalize and void a receipt', async () => {
    const api = kit.api('ca-owner');
    const packages = await listActivePackages(api, { licenseNumber, ...wideWindow() });
    const pkg = packages.data.find(
      (p) => !p.IsOnHold && (p.Quantity ?? 0) >= 2 && p.UnitOfMeasureName === 'Each',
    );
    assert.ok(pkg);
    const line = { PackageLabel: pkg.Label, Quantity: 1, UnitOfMeasure: 'Each', TotalAmount: 25 };
    const sale = {
      SalesDateTime: facilityLocalTime(CA_TIME_ZONE, new Date(Date.now() - 10 * 60_000)),
      SalesCustomerType: 'Consumer',
      ExternalReceiptNumber: 'POS 7/2026-0001',
      Transactions: [line],
    };
    const created = await createReceipts(api, { licenseNumber, rows: [sale] });
    const id = created.ids?.[0];
    assert.ok(id);
    assert.equal((await getReceipt(api, { licenseNumber, id })).TotalPrice, 25);

    await updateReceipts(api, {
      licenseNumber,
      rows: [{ ...sale, Id: id, Transactions: [{ ...line, TotalAmount: 20 }] }],
    });
    assert.equal((await getReceipt(api, { licenseNumber, id })).TotalPrice, 20);

    await finalizeReceipts(api, { licenseNumber, rows: [{ Id: id }] });
    assert.equal((await getReceipt(api, { licenseNumber, id })).IsFinal, true);
    await unfinalizeReceipts(api, { licenseNumber, rows: [{ Id: id }] });
    assert.equal((await getReceipt(api, { licenseNumber, id })).IsFinal, false);

    await voidReceipt(api, { licenseNumber, id });
    assert.ok((await getReceipt(api, { licenseNumber, id })).ArchivedDate);
  });

  test('customer types', async () => {
    const types = await listCustomerTypes(kit.api('ca-owner'));
    assert.ok(types.includes('Consumer'));
    assert.ok(types.includes('Patient'));
  });

  test('sales deliveries: a page where the license type delivers, 401 where it does not', async () => {
    const api = kit.api('ca-owner');
    const facilities = await listFacilities(api);
    for (const number of [DEMO.ca.retailer, DEMO.ca.cultivator]) {
      const delivers = facilities.find((f) => f.License.Number === number)?.FacilityType
        ?.CanDeliverSalesToConsumers;
      for (const list of [listActiveSalesDeliveries, listInactiveSalesDeliveries]) {
        const outcome = await list(api, { licenseNumber: number, ...wideWindow() }).catch(
          (e: unknown) => e,
        );
        if (delivers) assert.ok(Array.isArray((outcome as { data: unknown[] }).data), number);
        else assert.ok(outcome instanceof MetrcUnauthorizedError, number);
      }
    }
  });
});
