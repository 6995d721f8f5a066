import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listActiveLocations, listAvailablePackageTags } from './catalogue-endpoints.ts';
import {
  adjustPackages,
  createPackages,
  discontinuePackage,
  finishPackages,
  getPackageById,
  getPackageByLabel,
  listActivePackages,
  listAdjustReasons,
  listInactivePackages,
  listOnHoldPackages,
  listPackageTypes,
  movePackages,
  setPackageQuantities,
  unfinishPackages,
} from './packages-endpoints.ts';
import {
  DEMO,
  type MetrcTestKit,
  startMetrcTestKit,
  today,
  wideWindow,
} from './testing/metrc-test-kit.ts';

const licenseNumber = DEMO.ca.retailer;

describe('package endpoints, against the emulator', () => {
  let kit: MetrcTestKit;
  before(async () => {
    kit = await startMetrcTestKit();
  });
  after(() => kit.close());

  test('lists: active, on hold, inactive', async () => {
    const api = kit.api('ca-owner');
    const active = await listActivePackages(api, { licenseNumber, ...wideWindow() });
    assert.ok(active.data.length > 0);
    assert.ok(active.data.every((p) => !p.IsFinished && p.ArchivedDate == null));
    const onHold = await listOnHoldPackages(api, { licenseNumber, ...wideWindow() });
    assert.ok(onHold.data.every((p) => p.IsOnHold === true));
    const inactive = await listInactivePackages(api, { licenseNumber, ...wideWindow() });
    assert.ok(inactive.data.length > 0);
  });

  test('by id and by label, types and adjustment reasons', async () => {
    const api = kit.api('ca-owner');
    const [first] = (await listActivePackages(api, { licenseNumber, ...wideWindow() })).data;
    assert.ok(first);
    assert.equal((await getPackageById(api, { licenseNumber, id: first.Id })).Label, first.Label);
    assert.equal(
      (await getPackageByLabel(api, { licenseNumber, label: first.Label })).Id,
      first.Id,
    );
    assert.ok((await listPackageTypes(api)).includes('Product'));
    const reasons = await listAdjustReasons(api, { licenseNumber });
    assert.ok(reasons.some((r) => r.Name === 'Scale Variance' && r.RequiresNote === false));
  });

  test('split, adjust, set, move, finish, unfinish, discontinue', async () => {
    const api = kit.api('ca-owner');
    const active = await listActivePackages(api, { licenseNumber, ...wideWindow() });
    const source = active.data.find(
      (p) => !p.IsOnHold && (p.Quantity ?? 0) >= 3 && p.UnitOfMeasureName === 'Each',
    );
    assert.ok(source, 'a countable package to split');
    const unit = source.UnitOfMeasureName ?? 'Each';
    const [tag] = await listAvailablePackageTags(api, { licenseNumber });
    assert.ok(tag);

    const created = await createPackages(api, {
      licenseNumber,
      rows: [
        {
          Tag: tag.Label,
          UseSameItem: true,
          Quantity: 1,
          UnitOfMeasure: unit,
          ActualDate: today(),
          Ingredients: [{ Package: source.Label, Quantity: 1, UnitOfMeasure: unit }],
        },
      ],
    });
    assert.equal(created.ids?.length, 1);
    const split = await getPackageByLabel(api, { licenseNumber, label: tag.Label });
    assert.equal(split.Quantity, 1);
    const before = source.Quantity ?? 0;
    assert.equal(
      (await getPackageById(api, { licenseNumber, id: source.Id })).Quantity,
      before - 1,
    );

    await adjustPackages(api, {
      licenseNumber,
      rows: [
        {
          Label: source.Label,
          Quantity: 1,
          UnitOfMeasure: unit,
          AdjustmentReason: 'Scale Variance',
          AdjustmentDate: today(),
        },
      ],
    });
    assert.equal((await getPackageById(api, { licenseNumber, id: source.Id })).Quantity, before);

    await setPackageQuantities(api, {
      licenseNumber,
      rows: [
        {
          Label: split.Label,
          Quantity: 5,
          UnitOfMeasure: unit,
          AdjustmentReason: 'Entry Error',
          AdjustmentDate: today(),
          ReasonNote: 'counted again',
        },
      ],
    });
    assert.equal((await getPackageById(api, { licenseNumber, id: split.Id })).Quantity, 5);

    const locations = await listActiveLocations(api, { licenseNumber, ...wideWindow() });
    const target = locations.data.find((l) => l.ForPackages && l.Name !== split.LocationName);
    assert.ok(target);
    await movePackages(api, {
      licenseNumber,
      rows: [{ Label: split.Label, Location: target.Name, MoveDate: today() }],
    });
    assert.equal(
      (await getPackageById(api, { licenseNumber, id: split.Id })).LocationName,
      target.Name,
    );

    // Metrc finishes only empty packages.
    await setPackageQuantities(api, {
      licenseNumber,
      rows: [
        {
          Label: split.Label,
          Quantity: 0,
          UnitOfMeasure: unit,
          AdjustmentReason: 'Waste',
          AdjustmentDate: today(),
        },
      ],
    });
    await finishPackages(api, {
      licenseNumber,
      rows: [{ Label: split.Label, ActualDate: today() }],
    });
    const inactive = await listInactivePackages(api, { licenseNumber, ...wideWindow(1) });
    assert.ok(inactive.data.some((p) => p.Id === split.Id));
    await unfinishPackages(api, { licenseNumber, rows: [{ Label: split.Label }] });
    const reopened = await getPackageById(api, { licenseNumber, id: split.Id });
    assert.equal(reopened.FinishedDate ?? null, null);

    const discontinued = await discontinuePackage(api, { licenseNumber, id: split.Id });
    assert.ok(discontinued.ids === undefined || discontinued.ids.includes(split.Id));
    const gone = await listActivePackages(api, { licenseNumber, ...wideWindow(1) });
    assert.equal(
      gone.data.some((p) => p.Id === split.Id),
      false,
    );
  });
});
