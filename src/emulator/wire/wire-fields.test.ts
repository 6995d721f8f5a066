/**
 * Packages and items carry every field of Metrc's current v2 examples (a typed client must never
 * see `undefined`), seeded plausibly; seeded sales times end in `.000` like Metrc's examples.
 */
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

const ALL_TIME = {
  lastModifiedStart: '2000-01-01T00:00:00Z',
  lastModifiedEnd: '2100-01-01T00:00:00Z',
};

export const PACKAGE_FIELDS = [
  'ExternalId',
  'ProductLabel',
  'LabTestStage',
  'LabTestStageId',
  'IsOnInvestigation',
  'IsOnInvestigationHold',
  'IsOnInvestigationRecall',
  'ProductRequiresDecontamination',
  'ContainsDecontaminatedProduct',
  'DecontaminationDate',
  'ContainsPreTreatedProduct',
  'PreTreatmentDate',
  'IsOnHoldCombined',
  'IsOnRecallCombined',
  'LabelsLastGeneratedDateTime',
  'ExpirationDate',
  'SellByDate',
  'UseByDate',
  'LabTestingPerformedDate',
  'LabTestResultExpirationDateTime',
  'PackageForProductDestruction',
] as const;

export const ITEM_FIELDS = [
  'HasExpirationDate',
  'HasSellByDate',
  'HasUseByDate',
  'IsExpirationDateRequired',
  'IsSellByDateRequired',
  'IsUseByDateRequired',
  'ProductPDFDocuments',
  'Allergens',
  'GlobalProductName',
  'GlobalProductNumber',
  'UnitThcAPercent',
  'UnitThcAContent',
  'UnitThcAContentUnitOfMeasureName',
  'UnitThcAContentDose',
  'UnitThcAContentDoseUnitOfMeasureName',
  'UnitCbdAPercent',
  'UnitCbdAContent',
  'UnitCbdAContentUnitOfMeasureName',
  'UnitCbdAContentDose',
  'UnitCbdAContentDoseUnitOfMeasureName',
] as const;

let emulator: RunningEmulator;
let owner: MetrcCaller;
before(async () => {
  emulator = await startTestEmulator();
  owner = callerFor(emulator, 'ca-owner');
});
after(() => emulator.close());

const missing = (record: Record<string, unknown>, fields: readonly string[]) =>
  fields.filter((field) => !(field in record) || record[field] === undefined);

test('every package, and the item nested in it, carries every field named in the issue', async () => {
  const packages = rows(
    await owner.get('/packages/v2/active', { licenseNumber: DEMO.caStore, ...ALL_TIME }),
  );
  assert.ok(packages.length > 0);
  for (const pkg of packages) {
    assert.deepEqual(missing(pkg, PACKAGE_FIELDS), [], `package ${pkg.Label}`);
    assert.deepEqual(missing(pkg.Item as Record<string, unknown>, ITEM_FIELDS), [], 'nested item');
    const label = pkg.ProductLabel as Record<string, unknown>;
    assert.equal(label.IsActive, true);
  }
  const byId = (await owner.get(`/packages/v2/${packages[0]?.Id}`)).body as Record<string, unknown>;
  assert.deepEqual(missing(byId, PACKAGE_FIELDS), []);
});

test('every item carries every field named in the issue; dated categories say so', async () => {
  const items = rows(
    await owner.get('/items/v2/active', { licenseNumber: DEMO.caStore, ...ALL_TIME }),
  );
  assert.ok(items.length > 0);
  for (const item of items) assert.deepEqual(missing(item, ITEM_FIELDS), [], String(item.Name));
  const edible = items.find((item) => item.ProductCategoryName === 'Edible');
  assert.equal(edible?.HasExpirationDate, true);
  assert.equal(edible?.IsExpirationDateRequired, true);
  const buds = items.find((item) => item.ProductCategoryName === 'Buds');
  if (buds) assert.equal(buds.HasExpirationDate, false);
});

test('some packages expire within days, others in months; undated ones have none', async () => {
  const packages = rows(
    await owner.get('/packages/v2/active', { licenseNumber: DEMO.caStore, ...ALL_TIME }),
  );
  const today = emulator.control.now().getTime();
  const daysLeft = packages
    .map((pkg) => pkg.ExpirationDate)
    .filter((date): date is string => typeof date === 'string')
    .map((date) => (Date.parse(`${date}T00:00:00Z`) - today) / 86_400_000);
  assert.ok(
    daysLeft.some((d) => d > 0 && d <= 7),
    `one expires within a week: ${daysLeft}`,
  );
  assert.ok(daysLeft.some((d) => d > 30));
  for (const pkg of packages) {
    const item = pkg.Item as { HasExpirationDate: boolean };
    if (!item.HasExpirationDate) assert.equal(pkg.ExpirationDate, null);
    else {
      assert.equal(typeof pkg.SellByDate, 'string');
      assert.ok(String(pkg.SellByDate) <= String(pkg.ExpirationDate));
    }
  }
});

test('seeded SalesDateTime values end in .000', async () => {
  const q = { licenseNumber: DEMO.caStore, ...ALL_TIME };
  const receipts = [
    ...rows(await owner.get('/sales/v2/receipts/active', q)),
    ...rows(await owner.get('/sales/v2/receipts/inactive', q)),
  ];
  assert.ok(receipts.length > 0);
  for (const receipt of receipts)
    assert.match(String(receipt.SalesDateTime), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000$/);
});
