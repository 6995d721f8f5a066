/**
 * Behaviour of the round-two writes beyond the contract test's happy path: all-or-nothing rows,
 * license-type rules, and what each write changes in the lists.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningEmulator } from '../index.ts';
import {
  callerFor,
  DEMO,
  type MetrcCaller,
  metrcCaller,
  rows,
  startTestEmulator,
} from '../testing/emulator-test-kit.ts';

const ALL_TIME = {
  lastModifiedStart: '2000-01-01T00:00:00Z',
  lastModifiedEnd: '2100-01-01T00:00:00Z',
};

let emulator: RunningEmulator;
let owner: MetrcCaller;
before(async () => {
  emulator = await startTestEmulator();
  owner = callerFor(emulator, 'ca-owner');
});
after(() => emulator.close());

const list = async (path: string, licenseNumber: string) =>
  rows(await owner.get(path, { licenseNumber, ...ALL_TIME }));

test('package flags are all-or-nothing: one unknown label and no package changes', async () => {
  const store = DEMO.caStore;
  const [pkg] = (await list('/packages/v2/active', store)).filter((p) => !p.IsOnHold);
  assert.ok(pkg);
  const refused = await owner.put(
    '/packages/v2/donation/flag',
    [{ Label: pkg.Label }, { Label: 'NO-SUCH-TAG' }],
    { licenseNumber: store },
  );
  assert.equal(refused.status, 400);
  assert.deepEqual(
    (refused.body as { row: number }[]).map((e) => e.row),
    [1],
  );
  const after = (await owner.get(`/packages/v2/${pkg.Id}`)).body as { IsDonation: boolean };
  assert.equal(after.IsDonation, false);
  const twice = await owner.put('/packages/v2/note', [{ Label: pkg.Label }, { Label: pkg.Label }], {
    licenseNumber: store,
  });
  assert.equal(twice.status, 400, 'the same package twice in one write');
});

test('external incoming: only a license type that may receive from outside, only to itself; voided while unreceived', async () => {
  const row = (recipient: string, item: string) => ({
    ShipperLicenseNumber: 'WA-EXT-1',
    ShipperName: 'Evergreen Farms (WA)',
    Destinations: [
      {
        RecipientLicenseNumber: recipient,
        TransferTypeName: 'Transfer',
        EstimatedDepartureDateTime: '2026-02-01T08:00:00',
        EstimatedArrivalDateTime: '2026-02-01T12:00:00',
        Packages: [
          { ItemName: item, Quantity: 4, UnitOfMeasureName: 'Each', PackagedDate: '2026-01-30' },
        ],
      },
    ],
  });
  const [storeItem] = await list('/items/v2/active', DEMO.caStore);
  const store = await owner.post(
    '/transfers/v2/external/incoming',
    [row(DEMO.caStore, String(storeItem?.Name))],
    {
      licenseNumber: DEMO.caStore,
    },
  );
  assert.equal(store.status, 401, 'a retailer cannot record external incoming transfers');
  const [item] = await list('/items/v2/active', DEMO.caDistributor);
  const q = { licenseNumber: DEMO.caDistributor };
  const elsewhere = await owner.post(
    '/transfers/v2/external/incoming',
    [row(DEMO.caStore, String(item?.Name))],
    q,
  );
  assert.equal(elsewhere.status, 400, 'the recipient must be the caller');
  const created = await owner.post(
    '/transfers/v2/external/incoming',
    [row(DEMO.caDistributor, String(item?.Name))],
    q,
  );
  assert.equal(created.status, 200, created.text);
  const id = (created.body as { Ids: number[] }).Ids[0];
  const incoming = (await list('/transfers/v2/incoming', DEMO.caDistributor)).find(
    (t) => t.Id === id,
  );
  assert.equal(incoming?.ShipperFacilityName, 'Evergreen Farms (WA)');
  assert.equal(incoming?.ShipmentLicenseType, 'Unlicensed');
  assert.equal((await owner.delete(`/transfers/v2/external/incoming/${id}`, q)).status, 200);
  assert.equal(
    (await list('/transfers/v2/incoming', DEMO.caDistributor)).some((t) => t.Id === id),
    false,
  );
});

test('a batch growth phase turns untracked plants into tagged plants; counts never go negative', async () => {
  const farm = { licenseNumber: DEMO.caCultivator };
  const [batch] = await list('/plantbatches/v2/active', DEMO.caCultivator);
  assert.ok(batch);
  const tags = (await owner.get('/tags/v2/plant/available', farm)).body as { Label: string }[];
  const sorted = tags.map((t) => t.Label).sort();
  const body = (count: number) => [
    {
      Name: batch.Name,
      Count: count,
      StartingTag: sorted[0],
      GrowthPhase: 'Vegetative',
      NewLocation: 'Veg Room',
      GrowthDate: '2026-01-10',
    },
  ];
  const tooMany = await owner.post('/plantbatches/v2/growthphase', body(10_000), farm);
  assert.equal(tooMany.status, 400);
  const ok = await owner.post('/plantbatches/v2/growthphase', body(2), farm);
  assert.equal(ok.status, 200, ok.text);
  const plants = (ok.body as { Ids: number[] }).Ids;
  assert.equal(plants.length, 2);
  const first = (await owner.get(`/plants/v2/${plants[0]}`)).body as { Label: string };
  assert.equal(first.Label, sorted[0]);
  const after = (await owner.get(`/plantbatches/v2/${batch.Id}`)).body as {
    UntrackedCount: number;
  };
  assert.equal(after.UntrackedCount, (batch.UntrackedCount as number) - 2);
});

test('processing jobs: start draws the input package; finish moves the job to inactive', async () => {
  const vendor = emulator.control.createVendorKey({ state: 'nv' });
  const user = emulator.control.createUser({ state: 'nv', name: 'NV Processor' });
  const license = emulator.control.createLicense({
    state: 'nv',
    kind: 'manufacturer',
    inventory: true,
  }).number;
  emulator.control.setEmployee({ license, userId: user.id, permissions: 'all', isOwner: true });
  const nv = metrcCaller(emulator, 'nv', vendor.key, user.userKey);
  const q = { licenseNumber: license };
  assert.equal(
    (await nv.post('/processing/v2/jobtypes', [{ Name: 'Infuse', Category: 'Manufacturing' }], q))
      .status,
    200,
  );
  const pkg = rows(await nv.get('/packages/v2/active', { ...q, ...ALL_TIME })).find(
    (p) => (p.Quantity as number) > 2 && !p.IsOnHold,
  );
  assert.ok(pkg);
  const start = await nv.post(
    '/processing/v2/start',
    [
      {
        JobName: 'Batch 1',
        JobType: 'Infuse',
        StartDate: '2026-01-10',
        Packages: [{ Label: pkg.Label, Quantity: 2, UnitOfMeasure: pkg.UnitOfMeasureName }],
      },
    ],
    q,
  );
  assert.equal(start.status, 200, start.text);
  const drawn = (await nv.get(`/packages/v2/${pkg.Id}`, q)).body as { Quantity: number };
  assert.equal(drawn.Quantity, (pkg.Quantity as number) - 2);
  const [job] = rows(await nv.get('/processing/v2/active', { ...q, ...ALL_TIME }));
  assert.equal(job?.Name, 'Batch 1');
  assert.equal(
    (await nv.put('/processing/v2/finish', [{ Id: job?.Id, FinishDate: '2026-01-11' }], q)).status,
    200,
  );
  assert.deepEqual(rows(await nv.get('/processing/v2/active', { ...q, ...ALL_TIME })), []);
  assert.equal(
    rows(await nv.get('/processing/v2/inactive', { ...q, ...ALL_TIME }))[0]?.Id,
    job?.Id,
  );
  // CA has no processing jobs: Metrc's 404 for the state, not an unimplemented route.
  const ca = await owner.get('/processing/v2/active', { licenseNumber: DEMO.caManufacturer });
  assert.equal(ca.status, 404);
  assert.equal(ca.headers.get('x-emulator-unimplemented'), null);
});
