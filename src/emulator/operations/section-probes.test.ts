/**
 * The per-section probe matrix of metrc-api.md §7, as Verify & Save will see it: one cheap GET
 * per section per license; 200 granted, 401 missing permission or license type lacks it, 404 not
 * in this state.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningEmulator } from '../index.ts';
import {
  callerFor,
  DEMO,
  type MetrcCaller,
  startTestEmulator,
  windowAround,
} from '../testing/emulator-test-kit.ts';

const PROBES = {
  Employees: '/employees/v2',
  Strains: '/strains/v2/active',
  Items: '/items/v2/active',
  Locations: '/locations/v2/active',
  Packages: '/packages/v2/active',
  PackageTags: '/tags/v2/package/available',
  Plants: '/plants/v2/vegetative',
  PlantBatches: '/plantbatches/v2/active',
  PlantTags: '/tags/v2/plant/available',
  Harvests: '/harvests/v2/active',
  Sales: '/sales/v2/receipts/active',
  SalesDeliveries: '/sales/v2/deliveries/active',
  Transfers: '/transfers/v2/incoming',
  TransferTemplates: '/transfers/v2/templates/outgoing',
  LabTests: '/labtests/v2/types',
  Patients: '/patients/v2/active',
  ProcessingJobs: '/processing/v2/active',
  Transporters: '/transporters/v2/drivers',
} as const;

type Section = keyof typeof PROBES;
const GROWING: Section[] = ['Plants', 'PlantBatches', 'PlantTags', 'Harvests'];
const SELLING: Section[] = ['Sales', 'SalesDeliveries'];

let emulator: RunningEmulator;

before(async () => {
  // Three users probing one license exceed Metrc's 50 GET/s per license; not this test's subject.
  emulator = await startTestEmulator({
    limits: { licenseGetsPerSecond: 10_000, vendorGetsPerSecond: 10_000 },
  });
});
after(() => emulator.close());

async function matrix(caller: MetrcCaller, license: string): Promise<Record<Section, number>> {
  const window = windowAround(emulator.control.now(), 1, 1);
  const out = {} as Record<Section, number>;
  for (const [section, path] of Object.entries(PROBES) as [Section, string][]) {
    out[section] = (
      await caller.get(path, { licenseNumber: license, pageNumber: 1, pageSize: 1, ...window })
    ).status;
  }
  return out;
}

/** Every section 200, then the listed ones with another status. */
function expected(changes: [Section[], number][]): Record<Section, number> {
  const out = Object.fromEntries(Object.keys(PROBES).map((section) => [section, 200])) as Record<
    Section,
    number
  >;
  for (const [sections, status] of changes) for (const section of sections) out[section] = status;
  return out;
}

const CA_ABSENT: [Section[], number] = [['Patients', 'ProcessingJobs'], 404];

test('the owner’s matrix follows each California license type', async () => {
  const owner = callerFor(emulator, 'ca-owner');
  const cases: [string, [Section[], number][]][] = [
    [DEMO.caCultivator, [CA_ABSENT, [SELLING, 401]]],
    [DEMO.caManufacturer, [CA_ABSENT, [[...GROWING, ...SELLING], 401]]],
    [DEMO.caDistributor, [CA_ABSENT, [[...GROWING, ...SELLING], 401]]],
    [DEMO.caTransporter, [CA_ABSENT, [[...GROWING, ...SELLING, 'Locations', 'PackageTags'], 401]]],
    [DEMO.caLab, [CA_ABSENT, [[...GROWING, ...SELLING], 401]]],
    [DEMO.caStore, [CA_ABSENT, [GROWING, 401]]],
    [DEMO.caMicro, [CA_ABSENT]],
  ];
  for (const [license, changes] of cases) {
    assert.deepEqual(await matrix(owner, license), expected(changes), license);
  }
});

test('staff: the manager lacks exactly Sales, the budtender exactly Packages', async () => {
  const owner = await matrix(callerFor(emulator, 'ca-owner'), DEMO.caStore);
  const manager = await matrix(callerFor(emulator, 'ca-manager'), DEMO.caStore);
  const budtender = await matrix(callerFor(emulator, 'ca-budtender'), DEMO.caStore);
  assert.deepEqual(manager, { ...owner, Sales: 401 });
  assert.deepEqual(budtender, { ...owner, Packages: 401 });
});

test('Colorado has Patients: granted at the medical center, not expected at the adult-use store', async () => {
  const owner = callerFor(emulator, 'co-owner');
  const medical = await matrix(owner, DEMO.coMedical);
  const store = await matrix(owner, DEMO.coStore);
  assert.equal(medical.Patients, 200);
  assert.equal(store.Patients, 401);
  assert.equal(store.ProcessingJobs, 404);
  assert.equal((await owner.get('/facilities/v2')).status, 200);
});
