import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createItems,
  createLocations,
  createStrains,
  getItem,
  getLocation,
  getStrain,
  listActiveItems,
  listActiveLocations,
  listActiveStrains,
  listAvailablePackageTags,
  listAvailablePlantTags,
  listInactiveItems,
  listInactiveLocations,
  listInactiveStrains,
  listItemCategories,
  listLocationTypes,
  listUnitsOfMeasure,
} from './catalogue-endpoints.ts';
import { MetrcUnauthorizedError } from './metrc-errors.ts';
import { listEmployeePermissions, listEmployees, listFacilities } from './people-endpoints.ts';
import {
  DEMO,
  type MetrcTestKit,
  startMetrcTestKit,
  wideWindow,
} from './testing/metrc-test-kit.ts';

const { retailer, cultivator } = DEMO.ca;

describe('people and catalogue endpoints, against the emulator', () => {
  let kit: MetrcTestKit;
  before(async () => {
    kit = await startMetrcTestKit();
  });
  after(() => kit.close());

  test('listFacilities: exactly the licenses the key covers, with FacilityType flags', async () => {
    const owner = await listFacilities(kit.api('ca-owner'));
    assert.deepEqual(owner.map((f) => f.License.Number).sort(), Object.values(DEMO.ca).sort());
    const store = owner.find((f) => f.License.Number === retailer);
    assert.equal(store?.FacilityType?.CanSellToConsumers, true);
    assert.equal(store?.FacilityType?.CanGrowPlants, false);
    const budtender = await listFacilities(kit.api('ca-budtender'));
    assert.deepEqual(
      budtender.map((f) => f.License.Number),
      [retailer],
    );
  });

  test('listEmployees pages; listEmployeePermissions answers lower-case names', async () => {
    const api = kit.api('ca-owner');
    const page = await listEmployees(api, { licenseNumber: retailer, pageNumber: 1, pageSize: 2 });
    assert.equal(page.total, 3);
    assert.equal(page.totalPages, 2);
    assert.equal(page.data.length, 2);
    const all = await listEmployees(api, { licenseNumber: retailer });
    const budtender = all.data.find((e) => e.FullName === 'Casey Morgan');
    const number = budtender?.License?.Number;
    assert.ok(number);
    const permissions = await listEmployeePermissions(api, {
      licenseNumber: retailer,
      employeeLicenseNumber: number,
    });
    const seeded = kit.emulator
      .scenario()
      .licenses.find((l) => l.number === retailer)
      ?.employees.find((e) => e.userId === 'ca-budtender')
      ?.permissions.map((p) => p.toLowerCase())
      .sort();
    assert.deepEqual(permissions, seeded);
    assert.ok(permissions.length > 0);
  });

  test('listUnitsOfMeasure: active and inactive', async () => {
    const api = kit.api('ca-owner');
    const units = await listUnitsOfMeasure(api);
    assert.ok(units.some((u) => u.Name === 'Grams' && u.QuantityType === 'WeightBased'));
    assert.deepEqual(await listUnitsOfMeasure(api, { inactive: true }), []);
  });

  test('items: lists, by id, categories, creation', async () => {
    const api = kit.api('ca-owner');
    const active = await listActiveItems(api, { licenseNumber: retailer, ...wideWindow() });
    assert.ok(active.data.length > 0);
    const first = active.data[0];
    assert.ok(first);
    assert.equal((await getItem(api, { licenseNumber: retailer, id: first.Id })).Name, first.Name);
    assert.equal((await listInactiveItems(api, { licenseNumber: retailer })).data.length, 0);
    const categories = await listItemCategories(api);
    assert.ok(categories.some((c) => c.Name === 'Buds' && c.RequiresStrain === true));
    const created = await createItems(api, {
      licenseNumber: retailer,
      rows: [
        {
          ItemCategory: 'Edible',
          Name: 'Test Gummies 10pk',
          UnitOfMeasure: 'Each',
          UnitThcContent: 10,
          UnitThcContentUnitOfMeasure: 'Milligrams',
          UnitWeight: 30,
          UnitWeightUnitOfMeasure: 'Grams',
        },
      ],
    });
    assert.equal(created.ids?.length, 1);
    const id = created.ids?.[0] ?? 0;
    assert.equal((await getItem(api, { licenseNumber: retailer, id })).Name, 'Test Gummies 10pk');
  });

  test('strains: lists, by id, creation', async () => {
    const api = kit.api('ca-owner');
    const active = await listActiveStrains(api, { licenseNumber: cultivator, ...wideWindow() });
    assert.ok(active.data.length > 0);
    const first = active.data[0];
    assert.ok(first);
    assert.equal(
      (await getStrain(api, { licenseNumber: cultivator, id: first.Id })).Name,
      first.Name,
    );
    const inactive = await listInactiveStrains(api, { licenseNumber: cultivator });
    assert.ok(Array.isArray(inactive.data));
    const created = await createStrains(api, {
      licenseNumber: cultivator,
      rows: [
        {
          Name: 'Client Test Kush',
          TestingStatus: 'None',
          IndicaPercentage: 70,
          SativaPercentage: 30,
        },
      ],
    });
    const id = created.ids?.[0] ?? 0;
    assert.equal((await getStrain(api, { licenseNumber: cultivator, id })).IndicaPercentage, 70);
  });

  test('a write answered by an empty 200 (older Metrc) has no ids', async () => {
    kit.emulator.control.updateConfig({ writeResponse: 'empty' });
    try {
      const result = await createStrains(kit.api('ca-owner'), {
        licenseNumber: cultivator,
        rows: [{ Name: 'Quiet Strain', IndicaPercentage: 50, SativaPercentage: 50 }],
      });
      assert.deepEqual(result, { ids: undefined, warnings: undefined });
    } finally {
      kit.emulator.control.updateConfig({ writeResponse: 'ids' });
    }
  });

  test('locations: lists (a window is needed), by id, types, creation', async () => {
    const api = kit.api('ca-owner');
    // Without a window Metrc (NY production) and the emulator answer no locations at all.
    assert.equal((await listActiveLocations(api, { licenseNumber: retailer })).data.length, 0);
    const active = await listActiveLocations(api, { licenseNumber: retailer, ...wideWindow() });
    const first = active.data[0];
    assert.ok(first);
    assert.equal(
      (await getLocation(api, { licenseNumber: retailer, id: first.Id })).Name,
      first.Name,
    );
    assert.ok(Array.isArray((await listInactiveLocations(api, { licenseNumber: retailer })).data));
    const types = await listLocationTypes(api, { licenseNumber: retailer });
    assert.ok(types.some((t) => t.Name === 'Default'));
    const created = await createLocations(api, {
      licenseNumber: retailer,
      rows: [{ Name: 'Back Room', LocationTypeName: 'Default' }],
    });
    const id = created.ids?.[0] ?? 0;
    assert.equal((await getLocation(api, { licenseNumber: retailer, id })).Name, 'Back Room');
  });

  test('tags: package tags at a store, plant tags only where plants grow', async () => {
    const api = kit.api('ca-owner');
    const packageTags = await listAvailablePackageTags(api, { licenseNumber: retailer });
    assert.ok(packageTags.length > 0);
    assert.match(packageTags[0]?.Label ?? '', /^[0-9A-Z]{24}$/);
    const plantTags = await listAvailablePlantTags(api, { licenseNumber: cultivator });
    assert.ok(plantTags.length > 0);
    await assert.rejects(
      listAvailablePlantTags(api, { licenseNumber: retailer }),
      (e: unknown) => e instanceof MetrcUnauthorizedError && e.section === 'Plant tags',
    );
  });
});
