import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  listActiveItems,
  listActiveLocations,
  listActiveStrains,
  listAvailablePackageTags,
  listAvailablePlantTags,
} from './catalogue-endpoints.ts';
import {
  changePlantGrowthPhases,
  createHarvestPackages,
  createPlantings,
  destroyPlantBatches,
  destroyPlants,
  finishHarvests,
  getPlantById,
  getPlantByLabel,
  harvestPlants,
  listActiveHarvests,
  listActivePlantBatches,
  listFloweringPlants,
  listGrowthPhases,
  listHarvestWasteTypes,
  listInactiveHarvests,
  listInactivePlantBatches,
  listInactivePlants,
  listOnHoldHarvests,
  listOnHoldPlants,
  listPlantBatchTypes,
  listPlantBatchWasteReasons,
  listPlantWasteReasons,
  listVegetativePlants,
  listWasteMethods,
  manicurePlants,
  movePlants,
  recordHarvestWaste,
  unfinishHarvests,
} from './growing-endpoints.ts';
import { MetrcNotFoundError, MetrcUnauthorizedError } from './metrc-errors.ts';
import {
  listActivePatients,
  listActiveProcessingJobs,
  listDrivers,
  listLabTestResults,
  listLabTestStates,
  listLabTestTypes,
  listVehicles,
} from './other-endpoints.ts';
import {
  DEMO,
  emulatorServes,
  type MetrcTestKit,
  startMetrcTestKit,
  today,
  wideWindow,
} from './testing/metrc-test-kit.ts';
import {
  listDeliveryPackages,
  listIncomingTransfers,
  listOutgoingTransfers,
  listOutgoingTransferTemplates,
  listRejectedTransfers,
  listTransferDeliveries,
  listTransferTypes,
} from './transfers-endpoints.ts';

const { cultivator, retailer, distributor } = DEMO.ca;
const NOT_YET = 'the emulator does not serve this route yet (501)';

describe('plants, plant batches and harvests, against the emulator', () => {
  let kit: MetrcTestKit;
  before(async () => {
    kit = await startMetrcTestKit();
  });
  after(() => kit.close());

  test('plant lists, by id and by label, growth phases', async () => {
    const api = kit.api('ca-owner');
    const query = { licenseNumber: cultivator, ...wideWindow() };
    const vegetative = await listVegetativePlants(api, query);
    const flowering = await listFloweringPlants(api, query);
    assert.ok(vegetative.data.every((p) => p.GrowthPhase === 'Vegetative'));
    assert.ok(flowering.data.every((p) => p.GrowthPhase === 'Flowering'));
    assert.ok(Array.isArray((await listOnHoldPlants(api, query)).data));
    assert.ok(Array.isArray((await listInactivePlants(api, query)).data));
    const plant = vegetative.data[0];
    assert.ok(plant);
    assert.equal(
      (await getPlantById(api, { licenseNumber: cultivator, id: plant.Id })).Label,
      plant.Label,
    );
    assert.equal(
      (await getPlantByLabel(api, { licenseNumber: cultivator, label: plant.Label })).Id,
      plant.Id,
    );
    assert.deepEqual(await listGrowthPhases(api), ['Vegetative', 'Flowering']);
    // A store grows nothing: Metrc answers 401 for the section.
    await assert.rejects(
      listVegetativePlants(api, { licenseNumber: retailer, ...wideWindow() }),
      (e: unknown) => e instanceof MetrcUnauthorizedError && e.section === 'Plants',
    );
  });

  test('plant batch and harvest lists and lookups', async () => {
    const api = kit.api('ca-owner');
    const query = { licenseNumber: cultivator, ...wideWindow() };
    assert.ok((await listActivePlantBatches(api, query)).data.length > 0);
    assert.ok(Array.isArray((await listInactivePlantBatches(api, query)).data));
    assert.deepEqual((await listPlantBatchTypes(api)).sort(), ['Clone', 'Seed']);
    assert.ok((await listActiveHarvests(api, query)).data.length > 0);
    assert.ok((await listInactiveHarvests(api, query)).data.length > 0);
    assert.ok(Array.isArray((await listOnHoldHarvests(api, query)).data));
    assert.ok((await listHarvestWasteTypes(api)).includes('Plant Material'));
    const plantReasons = await listPlantWasteReasons(api, { licenseNumber: cultivator });
    assert.ok(plantReasons.length > 0 && plantReasons.every((r) => typeof r.Name === 'string'));
    const batchReasons = await listPlantBatchWasteReasons(api, { licenseNumber: cultivator });
    assert.ok(batchReasons.length > 0);
    const methods = await listWasteMethods(api);
    assert.ok(methods.length > 0 && methods.every((m) => typeof m.Name === 'string'));
  });

  test('plant writes: move, growth phase, harvest, manicure, destroy', async (t) => {
    const api = kit.api('ca-owner');
    const routes = [
      ['PUT', '/plants/v2/location'],
      ['PUT', '/plants/v2/growthphase'],
      ['PUT', '/plants/v2/harvest'],
      ['POST', '/plants/v2/manicure'],
      ['DELETE', '/plants/v2'],
    ] as const;
    for (const [method, path] of routes) {
      if (!(await emulatorServes(api, method, path, cultivator)))
        return t.skip(`${method} ${path}: ${NOT_YET}`);
    }
    const query = { licenseNumber: cultivator, ...wideWindow() };
    const [a, b] = (await listVegetativePlants(api, query)).data;
    // Metrc harvests and manicures flowering plants only.
    const [c, d] = (await listFloweringPlants(api, query)).data;
    const locations = (await listActiveLocations(api, query)).data;
    const plantRoom = locations.find((l) => l.ForPlants && l.Name !== a?.LocationName);
    const dryRoom = locations.find((l) => l.ForHarvests);
    const [tag] = await listAvailablePlantTags(api, { licenseNumber: cultivator });
    const reason = (await listPlantWasteReasons(api, { licenseNumber: cultivator })).find(
      (r) => !r.RequiresNote,
    );
    assert.ok(reason);
    assert.ok(a && b && c && d && plantRoom && dryRoom && tag);
    await movePlants(api, {
      licenseNumber: cultivator,
      rows: [{ Label: a.Label, Location: plantRoom.Name, ActualDate: today() }],
    });
    await changePlantGrowthPhases(api, {
      licenseNumber: cultivator,
      rows: [
        {
          Id: b.Id,
          NewTag: tag.Label,
          GrowthPhase: 'Flowering',
          NewLocation: plantRoom.Name,
          GrowthDate: today(),
        },
      ],
    });
    await harvestPlants(api, {
      licenseNumber: cultivator,
      rows: [
        {
          Plant: c.Label,
          Weight: 120.5,
          UnitOfWeight: 'Grams',
          DryingLocation: dryRoom.Name,
          HarvestName: 'Client Test Harvest',
          ActualDate: today(),
        },
      ],
    });
    await manicurePlants(api, {
      licenseNumber: cultivator,
      rows: [
        {
          Plant: d.Label,
          Weight: 10,
          UnitOfWeight: 'Grams',
          DryingLocation: dryRoom.Name,
          ActualDate: today(),
        },
      ],
    });
    await destroyPlants(api, {
      licenseNumber: cultivator,
      rows: [
        {
          Label: a.Label,
          WasteMethodName: 'Compost',
          WasteMaterialMixed: 'Soil',
          WasteWeight: 5,
          WasteUnitOfMeasureName: 'Grams',
          WasteReasonName: reason.Name,
          ActualDate: today(),
        },
      ],
    });
    assert.equal(
      (await getPlantById(api, { licenseNumber: cultivator, id: a.Id })).State,
      'Destroyed',
    );
  });

  test('plant batch writes: plantings and destroy', async (t) => {
    const api = kit.api('ca-owner');
    for (const [method, path] of [
      ['POST', '/plantbatches/v2/plantings'],
      ['DELETE', '/plantbatches/v2'],
    ] as const) {
      if (!(await emulatorServes(api, method, path, cultivator)))
        return t.skip(`${method} ${path}: ${NOT_YET}`);
    }
    const query = { licenseNumber: cultivator, ...wideWindow() };
    const [strain] = (await listActiveStrains(api, query)).data;
    const reason = (await listPlantBatchWasteReasons(api, { licenseNumber: cultivator })).find(
      (r) => !r.RequiresNote,
    );
    assert.ok(reason);
    const room = (await listActiveLocations(api, query)).data.find((l) => l.ForPlantBatches);
    assert.ok(strain && room);
    await createPlantings(api, {
      licenseNumber: cultivator,
      rows: [
        {
          Name: 'Client Test Batch',
          Type: 'Clone',
          Count: 10,
          Strain: strain.Name,
          Location: room.Name,
          ActualDate: today(),
        },
      ],
    });
    await destroyPlantBatches(api, {
      licenseNumber: cultivator,
      rows: [
        {
          PlantBatch: 'Client Test Batch',
          Count: 2,
          WasteMethodName: 'Compost',
          WasteReasonName: reason.Name,
          WasteWeight: 1,
          WasteUnitOfMeasure: 'Grams',
          ActualDate: today(),
        },
      ],
    });
  });

  test('harvest writes: packages, waste, finish, unfinish', async (t) => {
    const api = kit.api('ca-owner');
    const routes = [
      ['POST', '/harvests/v2/packages'],
      ['POST', '/harvests/v2/waste'],
      ['PUT', '/harvests/v2/finish'],
      ['PUT', '/harvests/v2/unfinish'],
    ] as const;
    for (const [method, path] of routes) {
      if (!(await emulatorServes(api, method, path, cultivator)))
        return t.skip(`${method} ${path}: ${NOT_YET}`);
    }
    const [harvest] = (
      await listActiveHarvests(api, { licenseNumber: cultivator, ...wideWindow() })
    ).data;
    assert.ok(harvest);
    await recordHarvestWaste(api, {
      licenseNumber: cultivator,
      rows: [
        {
          Id: harvest.Id,
          WasteType: 'Plant Material',
          UnitOfWeight: 'Grams',
          WasteWeight: 1,
          ActualDate: today(),
        },
      ],
    });
    const [tag] = await listAvailablePackageTags(api, { licenseNumber: cultivator });
    const item = (
      await listActiveItems(api, { licenseNumber: cultivator, ...wideWindow() })
    ).data.find((i) => i.QuantityType === 'WeightBased');
    assert.ok(tag && item);
    const packaged = await createHarvestPackages(api, {
      licenseNumber: cultivator,
      rows: [
        {
          Tag: tag.Label,
          Item: item.Name,
          UnitOfWeight: 'Grams',
          ActualDate: today(),
          Ingredients: [{ HarvestId: harvest.Id, Weight: 10, UnitOfWeight: 'Grams' }],
        },
      ],
    });
    assert.ok(packaged.ids === undefined || packaged.ids.length === 1);
    await finishHarvests(api, {
      licenseNumber: cultivator,
      rows: [{ Id: harvest.Id, ActualDate: today() }],
    });
    const finished = await listInactiveHarvests(api, {
      licenseNumber: cultivator,
      ...wideWindow(1),
    });
    assert.ok(finished.data.some((h) => h.Id === harvest.Id));
    await unfinishHarvests(api, { licenseNumber: cultivator, rows: [{ Id: harvest.Id }] });
  });
});

describe('transfers, lab tests, patients, processing and transporters, against the emulator', () => {
  let kit: MetrcTestKit;
  before(async () => {
    kit = await startMetrcTestKit();
  });
  after(() => kit.close());

  test('transfer lists, templates and types', async () => {
    const api = kit.api('ca-owner');
    const outgoing = await listOutgoingTransfers(api, {
      licenseNumber: cultivator,
      ...wideWindow(),
    });
    assert.ok(outgoing.data.length > 0);
    assert.equal(outgoing.data[0]?.ShipperFacilityLicenseNumber, cultivator);
    const incoming = await listIncomingTransfers(api, {
      licenseNumber: distributor,
      ...wideWindow(),
    });
    const toDistributor = outgoing.data.find(
      (t) => t.RecipientFacilityLicenseNumber === distributor,
    );
    assert.ok(incoming.data.some((t) => t.Id === toDistributor?.Id));
    assert.ok(Array.isArray((await listRejectedTransfers(api, { licenseNumber: retailer })).data));
    assert.ok(
      Array.isArray(
        (await listOutgoingTransferTemplates(api, { licenseNumber: cultivator, ...wideWindow() }))
          .data,
      ),
    );
    assert.ok(
      (await listTransferTypes(api, { licenseNumber: cultivator })).some(
        (t) => t.Name === 'Transfer',
      ),
    );
  });

  test('transfer deliveries and their packages', async (t) => {
    const api = kit.api('ca-owner');
    const [transfer] = (
      await listOutgoingTransfers(api, { licenseNumber: cultivator, ...wideWindow() })
    ).data;
    assert.ok(transfer);
    if (!(await emulatorServes(api, 'GET', `/transfers/v2/${transfer.Id}/deliveries`))) {
      return t.skip(`GET /transfers/v2/{id}/deliveries: ${NOT_YET}`);
    }
    const deliveries = await listTransferDeliveries(api, { transferId: transfer.Id });
    assert.ok(deliveries.length > 0);
    const packages = await listDeliveryPackages(api, { deliveryId: deliveries[0]?.Id ?? 0 });
    assert.ok(packages.length > 0);
  });

  test('lab test types, states and results', async (t) => {
    const api = kit.api('ca-owner');
    assert.ok((await listLabTestTypes(api)).some((type) => type.Name === 'THC'));
    assert.ok((await listLabTestStates(api)).includes('TestPassed'));
    if (!(await emulatorServes(api, 'GET', '/labtests/v2/results', retailer))) {
      return t.skip(`GET /labtests/v2/results: ${NOT_YET}`);
    }
    const [pkg] = (
      (await kit.api('ca-owner').getJson({
        path: '/packages/v2/active',
        licenseNumber: retailer,
        query: { pageNumber: 1, pageSize: 1 },
      })) as { Data: { Id: number }[] }
    ).Data;
    const results = await listLabTestResults(api, {
      licenseNumber: retailer,
      packageId: pkg?.Id ?? 0,
    });
    assert.ok(Array.isArray(results.data));
  });

  test('patients and processing jobs: 404 where the state has no such endpoint', async () => {
    const api = kit.api('ca-owner');
    // California has neither (OpenMetrc state summaries).
    for (const list of [listActivePatients, listActiveProcessingJobs]) {
      const error = await list(api, { licenseNumber: retailer }).catch((e: unknown) => e);
      assert.ok(error instanceof MetrcNotFoundError && error.kind === 'endpoint');
    }
  });

  test('patients of a medical store (Colorado)', async () => {
    const patients = await listActivePatients(kit.api('co-owner'), {
      licenseNumber: DEMO.co.medicalStore,
    });
    assert.ok(patients.data.length > 0);
    assert.ok(patients.data.every((p) => typeof p.PatientId === 'number'));
  });

  test('drivers and vehicles of a distributor', async () => {
    const api = kit.api('ca-owner');
    assert.ok((await listDrivers(api, { licenseNumber: distributor })).data.length > 0);
    assert.ok((await listVehicles(api, { licenseNumber: distributor })).data.length > 0);
  });
});
