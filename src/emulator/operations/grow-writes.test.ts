/**
 * Plant, plant batch and harvest writes over real HTTP: Metrc's permission names and the
 * growing gate, tag rules, waste from the lookups, all-or-nothing row errors, and the lists
 * (active/inactive/onhold/`{id}`) after each change.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { RunningEmulator } from '../index.ts';
import {
  callerFor,
  DEMO,
  type MetrcCaller,
  rows,
  startTestEmulator,
} from '../testing/emulator-test-kit.ts';

let emulator: RunningEmulator;
let owner: MetrcCaller;
const farm = { licenseNumber: DEMO.caCultivator };
const ALL_TIME = {
  lastModifiedStart: '2000-01-01T00:00:00Z',
  lastModifiedEnd: '2100-01-01T00:00:00Z',
};
const DATE = '2026-01-10';

before(async () => {
  emulator = await startTestEmulator();
});
beforeEach(() => {
  emulator.control.reset();
  owner = callerFor(emulator, 'ca-owner');
});
after(() => emulator.close());

type Plant = { Id: number; Label: string; GrowthPhase: string; State: string };
const plantsIn = async (which: string) =>
  rows(await owner.get(`/plants/v2/${which}`, { ...farm, ...ALL_TIME })) as Plant[];
const get = async <T>(path: string, query: Record<string, string | number> = farm) =>
  (await owner.get(path, query)).body as T;
const plantTags = async () =>
  ((await owner.get('/tags/v2/plant/available', farm)).body as { Label: string }[]).map(
    (t) => t.Label,
  );

const destroyRow = (plant: Plant, extra: Record<string, unknown> = {}) => ({
  Label: plant.Label,
  WasteMethodName: 'Compost',
  WasteMaterialMixed: 'Soil',
  WasteWeight: 5,
  WasteUnitOfMeasureName: 'Grams',
  WasteReasonName: 'Pests',
  ActualDate: DATE,
  ...extra,
});

test('move and growth phase: a new tag replaces the label; the old one stops resolving', async () => {
  const [plant] = await plantsIn('vegetative');
  assert.ok(plant);
  const moved = await owner.put(
    '/plants/v2/location',
    [{ Id: plant.Id, Location: 'Flower Room', ActualDate: DATE }],
    farm,
  );
  assert.deepEqual(moved.body, { Ids: [plant.Id], Warnings: null });
  const [tag] = await plantTags();
  assert.ok(tag);
  const phase = await owner.put(
    '/plants/v2/growthphase',
    [{ Label: plant.Label, NewTag: tag, GrowthPhase: 'Flowering', GrowthDate: DATE }],
    farm,
  );
  assert.equal(phase.status, 200, phase.text);
  const after = await get<Plant & { LocationName: string; FloweringDate: string }>(
    `/plants/v2/${plant.Id}`,
  );
  assert.equal(after.Label, tag);
  assert.equal(after.GrowthPhase, 'Flowering');
  assert.equal(after.FloweringDate, DATE);
  assert.equal(after.LocationName, 'Flower Room');
  assert.equal((await owner.get(`/plants/v2/${plant.Label}`, farm)).status, 404);
  assert.ok(!(await plantTags()).includes(tag), 'the tag is used');
  const again = await owner.put(
    '/plants/v2/growthphase',
    [{ Id: plant.Id, GrowthPhase: 'flowering', GrowthDate: DATE }],
    farm,
  );
  assert.deepEqual(again.body, [
    { row: 0, message: `Plant ${tag} is already in the Flowering phase.` },
  ]);
});

test('row errors are all-or-nothing: bad rows list every problem, good rows are not applied', async () => {
  const [a, b] = await plantsIn('vegetative');
  assert.ok(a && b);
  const answer = await owner.put(
    '/plants/v2/location',
    [
      { Id: a.Id, Location: 'Flower Room', ActualDate: DATE },
      { Label: b.Label, Location: 'Dry Room', ActualDate: '10/01/2026' },
      { Location: 'Flower Room', ActualDate: DATE },
    ],
    farm,
  );
  assert.equal(answer.status, 400);
  assert.deepEqual(answer.body, [
    { row: 1, message: 'Location "Dry Room" cannot hold plants.' },
    { row: 1, message: 'ActualDate must be a date in the format yyyy-mm-dd.' },
    { row: 2, message: 'Plant Id or Label was not specified.' },
  ]);
  const after = await get<{ LocationName: string }>(`/plants/v2/${a.Id}`);
  assert.notEqual(after.LocationName, 'Flower Room');
});

test('harvest: auto-named when HarvestName is null, extended by a second plant, flowering only', async () => {
  const [x, y] = await plantsIn('flowering');
  const [veg] = await plantsIn('vegetative');
  assert.ok(x && y && veg);
  const row = (plant: Plant, weight: number, unit = 'Grams') => ({
    Plant: plant.Label,
    Weight: weight,
    UnitOfWeight: unit,
    DryingLocation: 'Dry Room',
    HarvestName: null,
    ActualDate: DATE,
  });
  const refused = await owner.put('/plants/v2/harvest', [row(veg, 10), row(x, 1, 'Liters')], farm);
  assert.deepEqual(refused.body, [
    { row: 0, message: `Plant ${veg.Label} is not in the Flowering phase.` },
    { row: 1, message: 'Unit of Measure "Liters" is not a unit of weight.' },
  ]);
  const first = await owner.put('/plants/v2/harvest', [row(x, 1000)], farm);
  const [harvestId] = (first.body as { Ids: number[] }).Ids;
  const second = await owner.put('/plants/v2/harvest', [row(y, 1, 'Kilograms')], farm);
  assert.deepEqual((second.body as { Ids: number[] }).Ids, [harvestId], 'same name → extended');
  const harvest = await get<Record<string, unknown>>(`/harvests/v2/${harvestId}`);
  assert.equal(harvest.Name, `${DATE}-Dry Room-H`);
  assert.equal(harvest.HarvestType, 'WholePlant');
  assert.equal(harvest.PlantCount, 2);
  assert.equal(harvest.TotalWetWeight, 2000);
  assert.equal(harvest.CurrentWeight, 2000);
  const plant = await get<Plant & { HarvestId: number; HarvestedWetWeight: number }>(
    `/plants/v2/${x.Id}`,
  );
  assert.equal(plant.State, 'Harvested');
  assert.equal(plant.HarvestId, harvestId);
  assert.equal(plant.HarvestedWetWeight, 1000);
  assert.ok((await plantsIn('inactive')).some((p) => p.Id === x.Id));
  assert.ok(!(await plantsIn('flowering')).some((p) => p.Id === x.Id));
  const twice = await owner.put('/plants/v2/harvest', [row(x, 5)], farm);
  assert.deepEqual(twice.body, [{ row: 0, message: `Plant ${x.Label} is not active.` }]);
});

test('manicure: a product harvest; the plant keeps growing; a whole-plant harvest name is refused', async () => {
  const [plant] = await plantsIn('flowering');
  assert.ok(plant);
  const row = (name: string | null) => ({
    Plant: plant.Label,
    Weight: 20,
    UnitOfWeight: 'Grams',
    DryingLocation: 'Dry Room',
    HarvestName: name,
    PlantCount: 1,
    ActualDate: DATE,
  });
  const answer = await owner.post('/plants/v2/manicure', [row(null), row(null)], farm);
  assert.equal(answer.status, 200, answer.text);
  const [id] = (answer.body as { Ids: number[] }).Ids;
  const harvest = await get<Record<string, unknown>>(`/harvests/v2/${id}`);
  assert.equal(harvest.Name, `${DATE}-Dry Room-M`);
  assert.equal(harvest.HarvestType, 'Product');
  assert.equal(harvest.PlantCount, 1, 'one plant, manicured twice');
  assert.equal(harvest.TotalWetWeight, 40);
  const after = await get<Plant & { HarvestCount: number }>(`/plants/v2/${plant.Id}`);
  assert.equal(after.State, 'Tracked');
  assert.equal(after.HarvestCount, 1);
  const other = (await plantsIn('flowering')).find((p) => p.Id !== plant.Id);
  assert.ok(other);
  const { PlantCount: _count, ...whole } = row('Whole Lot');
  const lot = await owner.put('/plants/v2/harvest', [{ ...whole, Plant: other.Label }], farm);
  assert.equal(lot.status, 200, lot.text);
  const mixed = await owner.post('/plants/v2/manicure', [row('Whole Lot')], farm);
  assert.deepEqual(mixed.body, [
    { row: 0, message: 'Harvest "Whole Lot" is a WholePlant harvest.' },
  ]);
});

test('destroy: DELETE with a JSON body; waste method and reason from the lookups; notes when required', async () => {
  const [a, b] = await plantsIn('vegetative');
  assert.ok(a && b);
  const bad = await owner.delete('/plants/v2', farm, [
    destroyRow(a, { WasteMethodName: 'Burial' }),
    destroyRow(b, { WasteReasonName: 'Mandatory State Destruction', WasteWeight: -1 }),
  ]);
  assert.deepEqual(bad.body, [
    { row: 0, message: 'Waste Method "Burial" is not valid.' },
    { row: 1, message: 'A note is required for the reason "Mandatory State Destruction".' },
    { row: 1, message: 'WasteWeight must not be negative.' },
  ]);
  const noBody = await owner.delete('/plants/v2', farm);
  assert.deepEqual(noBody.body, { Message: 'No data was submitted.' });
  const ok = await owner.delete('/plants/v2', farm, [destroyRow(a)]);
  assert.deepEqual(ok.body, { Ids: [a.Id], Warnings: null });
  const gone = await get<Plant & { DestroyedByUserName: string; DestroyedNote: string }>(
    `/plants/v2/${a.Id}`,
  );
  assert.equal(gone.State, 'Destroyed');
  assert.equal(gone.DestroyedByUserName, 'Alex Rivera');
  assert.ok((await plantsIn('inactive')).some((p) => p.Id === a.Id));
});

test('permissions by Metrc name and the growing gate answer 401', async () => {
  const [plant] = await plantsIn('vegetative');
  assert.ok(plant);
  emulator.control.setPermissions({
    license: DEMO.caCultivator,
    userId: 'ca-grower',
    remove: ['Destroy Veg/Flower Plants'],
  });
  const grower = callerFor(emulator, 'ca-grower');
  const denied = await grower.delete('/plants/v2', farm, [destroyRow(plant)]);
  assert.equal(denied.status, 401);
  assert.equal(
    (
      await grower.put(
        '/plants/v2/location',
        [{ Id: plant.Id, Location: 'Veg Room', ActualDate: DATE }],
        farm,
      )
    ).status,
    200,
    'Manage Veg/Flower Plants Inventory is enough to move',
  );
  const store = await owner.post(
    '/plantbatches/v2/plantings',
    [
      {
        Name: 'X',
        Type: 'Seed',
        Count: 1,
        Strain: 'Blue Dream',
        Location: 'Vault',
        ActualDate: DATE,
      },
    ],
    { licenseNumber: DEMO.caStore },
  );
  assert.equal(store.status, 401, 'a store grows nothing');
});

test('plant batches: plantings, destroy within the untracked count, inactive at zero', async () => {
  const strain = rows(await owner.get('/strains/v2/active', { ...farm, ...ALL_TIME }))[0] as {
    Name: string;
  };
  const planting = {
    Name: 'Test Clones',
    Type: 'Clone',
    Count: 5,
    Strain: strain.Name,
    Location: 'Veg Room',
    ActualDate: DATE,
  };
  const created = await owner.post('/plantbatches/v2/plantings', [planting], farm);
  assert.equal(created.status, 200, created.text);
  const [id] = (created.body as { Ids: number[] }).Ids;
  const duplicate = await owner.post(
    '/plantbatches/v2/plantings',
    [{ ...planting, Type: 'Cutting', Location: 'Dry Room' }],
    farm,
  );
  assert.deepEqual(duplicate.body, [
    { row: 0, message: 'Plant Batch "Test Clones" already exists in the current Facility.' },
    { row: 0, message: 'Plant Batch Type "Cutting" is not valid.' },
    { row: 0, message: 'Location "Dry Room" cannot hold plant batches.' },
  ]);
  const destroy = (count: number) => ({
    PlantBatch: 'Test Clones',
    Count: count,
    WasteMethodName: 'Grinder',
    WasteReasonName: 'Male Plants',
    ActualDate: DATE,
  });
  const tooMany = await owner.delete('/plantbatches/v2', farm, [destroy(3), destroy(3)]);
  assert.deepEqual(tooMany.body, [
    { row: 1, message: 'Plant Batch "Test Clones" has only 2 untracked plants to destroy.' },
  ]);
  assert.equal((await get<{ UntrackedCount: number }>(`/plantbatches/v2/${id}`)).UntrackedCount, 5);
  assert.equal(
    (await owner.delete('/plantbatches/v2', farm, [destroy(2), destroy(3)])).status,
    200,
  );
  const batch = await get<{ UntrackedCount: number; DestroyedCount: number }>(
    `/plantbatches/v2/${id}`,
  );
  assert.deepEqual([batch.UntrackedCount, batch.DestroyedCount], [0, 5]);
  const inactive = rows(await owner.get('/plantbatches/v2/inactive', { ...farm, ...ALL_TIME }));
  assert.ok(inactive.some((b) => b.Id === id));
});

test('harvests: packages and waste draw weight, never below zero; finish and unfinish move it between lists', async () => {
  const harvest = rows(await owner.get('/harvests/v2/active', { ...farm, ...ALL_TIME }))[0] as {
    Id: number;
    Name: string;
    CurrentWeight: number;
  };
  const tags = (
    (await owner.get('/tags/v2/package/available', farm)).body as { Label: string }[]
  ).map((t) => t.Label);
  const items = rows(await owner.get('/items/v2/active', { ...farm, ...ALL_TIME })) as {
    Name: string;
    QuantityType: string;
  }[];
  const flower = items.find((i) => i.QuantityType === 'WeightBased');
  assert.ok(harvest && flower && tags[1]);
  const pack = (tag: string | undefined, weight: number, item = flower.Name) => ({
    Tag: tag,
    Item: item,
    UnitOfWeight: 'Grams',
    ActualDate: DATE,
    Ingredients: [{ HarvestId: harvest.Id, Weight: weight, UnitOfWeight: 'Grams' }],
  });
  const half = harvest.CurrentWeight / 2 + 1;
  const over = await owner.post(
    '/harvests/v2/packages',
    [pack(tags[0], half), pack(tags[1], half)],
    farm,
  );
  assert.equal(over.status, 400);
  assert.match(
    (over.body as { message: string }[])[0]?.message ?? '',
    /does not have enough weight/,
  );
  const sameTag = await owner.post(
    '/harvests/v2/packages',
    [pack(tags[0], 1), pack(tags[0], 1)],
    farm,
  );
  assert.deepEqual(sameTag.body, [{ row: 1, message: `Tag ${tags[0]} is not available.` }]);
  const ok = await owner.post('/harvests/v2/packages', [pack(tags[0], 100)], farm);
  assert.equal(ok.status, 200, ok.text);
  const [packageId] = (ok.body as { Ids: number[] }).Ids;
  const pkg = await get<Record<string, unknown>>(`/packages/v2/${packageId}`);
  assert.equal(pkg.Quantity, 100);
  assert.equal(pkg.SourceHarvestNames, harvest.Name);
  const waste = await owner.post(
    '/harvests/v2/waste',
    [
      {
        Id: harvest.Id,
        WasteType: 'Root Ball',
        UnitOfWeight: 'Kilograms',
        WasteWeight: 1,
        ActualDate: DATE,
      },
    ],
    farm,
  );
  assert.equal(waste.status, 200, waste.text);
  const after = await get<Record<string, number>>(`/harvests/v2/${harvest.Id}`);
  assert.equal(after.CurrentWeight, harvest.CurrentWeight - 1100);
  assert.equal(after.TotalWasteWeight, 1000);
  assert.equal(after.TotalPackagedWeight, 100);
  assert.equal(after.PackageCount, 1);
  const wastes = rows(await owner.get('/harvests/v2/waste', { ...farm, harvestId: harvest.Id }));
  assert.deepEqual(
    wastes.map((w) => [w.WasteTypeName, w.WasteWeight]),
    [['Root Ball', 1000]],
  );
  assert.equal(
    (await owner.put('/harvests/v2/finish', [{ Id: harvest.Id, ActualDate: DATE }], farm)).status,
    200,
  );
  const inactive = rows(await owner.get('/harvests/v2/inactive', { ...farm, ...ALL_TIME }));
  assert.ok(inactive.some((h) => h.Id === harvest.Id));
  const finished = await owner.post('/harvests/v2/packages', [pack(tags[1], 1)], farm);
  assert.deepEqual(finished.body, [{ row: 0, message: `Harvest "${harvest.Name}" is finished.` }]);
  assert.equal((await owner.put('/harvests/v2/unfinish', [{ Id: harvest.Id }], farm)).status, 200);
  const active = rows(await owner.get('/harvests/v2/active', { ...farm, ...ALL_TIME }));
  assert.ok(active.some((h) => h.Id === harvest.Id));
  const again = await owner.put('/harvests/v2/unfinish', [{ Id: harvest.Id }], farm);
  assert.deepEqual(again.body, [{ row: 0, message: `Harvest "${harvest.Name}" is not finished.` }]);
});
