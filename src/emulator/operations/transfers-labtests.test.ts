/**
 * Transfers (drill-down without licenseNumber, templates), lab tests (results through package
 * sources, recording at labs only) and the package adjustment history, over real HTTP.
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
const ALL_TIME = {
  lastModifiedStart: '2000-01-01T00:00:00Z',
  lastModifiedEnd: '2100-01-01T00:00:00Z',
};
const distributor = { licenseNumber: DEMO.caDistributor };

before(async () => {
  emulator = await startTestEmulator();
});
beforeEach(() => {
  emulator.control.reset();
  owner = callerFor(emulator, 'ca-owner');
});
after(() => emulator.close());

type Transfer = { Id: number; DeliveryId: number; DeliveryCount: number };

test('drill-down: shipper sees every delivery, a recipient only its own, others 401, unknown 404', async () => {
  const [wholesale] = rows(
    await owner.get('/transfers/v2/outgoing', { ...distributor, ...ALL_TIME }),
  ) as Transfer[];
  assert.ok(wholesale && wholesale.DeliveryCount === 2);
  const all = rows(await owner.get(`/transfers/v2/${wholesale.Id}/deliveries`));
  assert.deepEqual(
    all.map((d) => d.RecipientFacilityLicenseNumber),
    [DEMO.caStore, DEMO.caMicro],
  );
  const budtender = callerFor(emulator, 'ca-budtender'); // works at the store only
  const own = rows(await budtender.get(`/transfers/v2/${wholesale.Id}/deliveries`));
  assert.deepEqual(
    own.map((d) => d.RecipientFacilityLicenseNumber),
    [DEMO.caStore],
  );
  const grower = callerFor(emulator, 'ca-grower'); // no transfer permissions, other license
  assert.equal((await grower.get(`/transfers/v2/${wholesale.Id}/deliveries`)).status, 401);
  assert.equal((await owner.get('/transfers/v2/999999/deliveries')).status, 404);
  const shipped = rows(await owner.get(`/transfers/v2/deliveries/${all[0]?.Id}/packages`));
  assert.ok(
    shipped.every((p) => p.ShipmentPackageState === 'Shipped' && p.ReceivedQuantity === null),
  );
  assert.equal((await grower.get(`/transfers/v2/deliveries/${all[0]?.Id}/packages`)).status, 401);
});

test('a received delivery: packages Accepted, now the recipient’s (same tag), with ReceivedFrom…', async () => {
  const incoming = rows(
    await owner.get('/transfers/v2/incoming', { ...distributor, ...ALL_TIME }),
  ) as (Transfer & { ShipperFacilityLicenseNumber: string; ManifestNumber: string })[];
  const received = incoming.find((t) => t.ShipperFacilityLicenseNumber === DEMO.caCultivator);
  assert.ok(received);
  const shipped = rows(await owner.get(`/transfers/v2/deliveries/${received.DeliveryId}/packages`));
  const [first] = shipped as {
    PackageId: number;
    ShipmentPackageState: string;
    ReceivedQuantity: number;
  }[];
  assert.ok(first && first.ShipmentPackageState === 'Accepted' && first.ReceivedQuantity > 0);
  const pkg = (await owner.get(`/packages/v2/${first.PackageId}`, distributor)).body as Record<
    string,
    unknown
  >;
  assert.equal(pkg.ReceivedFromFacilityLicenseNumber, DEMO.caCultivator);
  assert.equal(pkg.ReceivedFromManifestNumber, received.ManifestNumber);
  const atGrower = await owner.get(`/packages/v2/${first.PackageId}`, {
    licenseNumber: DEMO.caCultivator,
  });
  assert.equal(atGrower.status, 401, 'no longer the shipper’s');
});

const template = (labels: string[], extra: Record<string, unknown> = {}) => ({
  Name: 'Friday run',
  TransporterFacilityLicenseNumber: DEMO.caTransporter,
  DriverName: 'Dana Brooks',
  Destinations: [
    {
      RecipientLicenseNumber: DEMO.caStore,
      TransferTypeName: 'Wholesale',
      PlannedRoute: 'Highway 1',
      EstimatedDepartureDateTime: '2026-01-12T08:00:00',
      EstimatedArrivalDateTime: '2026-01-12T11:30:00',
      Transporters: [{ TransporterFacilityLicenseNumber: DEMO.caTransporter, DriverName: 'Dana' }],
      Packages: labels.map((label) => ({ PackageLabel: label, WholesalePrice: 99.5 })),
    },
  ],
  ...extra,
});

test('templates: create, validate, update by TransferTemplateId, drill down, archive', async () => {
  const labels = rows(await owner.get('/packages/v2/active', { ...distributor, ...ALL_TIME }))
    .filter((p) => !p.IsOnHold)
    .map((p) => p.Label as string);
  const storeLabel = rows(
    await owner.get('/packages/v2/active', { licenseNumber: DEMO.caStore, ...ALL_TIME }),
  )[0]?.Label as string;
  const bad = await owner.post(
    '/transfers/v2/templates/outgoing',
    [
      template([storeLabel], {
        Destinations: [
          {
            ...template([]).Destinations[0],
            RecipientLicenseNumber: '403R-00201', // a Colorado license
            TransferTypeName: 'Gift',
            EstimatedArrivalDateTime: '2026-01-12T07:00:00',
            Transporters: [],
            Packages: [{ PackageLabel: storeLabel }],
          },
        ],
      }),
    ],
    distributor,
  );
  assert.deepEqual(
    (bad.body as { message: string }[]).map((e) => e.message),
    [
      'Destination 1: Recipient License Number "403R-00201" is not valid.',
      'Destination 1: Transfer Type "Gift" is not valid.',
      'Destination 1: EstimatedArrivalDateTime must not be before EstimatedDepartureDateTime.',
      'Destination 1: Transporters were not specified.',
      `Destination 1: Package ${storeLabel} was not found in the current Facility.`,
    ],
  );
  const created = await owner.post(
    '/transfers/v2/templates/outgoing',
    [template(labels.slice(0, 2))],
    distributor,
  );
  assert.equal(created.status, 200, created.text);
  const [id] = (created.body as { Ids: number[] }).Ids;
  const listed = rows(
    await owner.get('/transfers/v2/templates/outgoing', { ...distributor, ...ALL_TIME }),
  );
  const mine = listed.find((t) => t.Id === id);
  assert.equal(mine?.Name, 'Friday run');
  assert.equal(mine?.PackageCount, 2);
  const updated = await owner.put(
    '/transfers/v2/templates/outgoing',
    [{ ...template(labels.slice(0, 1)), Name: 'Friday run v2', TransferTemplateId: id }],
    distributor,
  );
  assert.equal(updated.status, 200, updated.text);
  const [delivery] = rows(await owner.get(`/transfers/v2/templates/outgoing/${id}/deliveries`));
  assert.equal(delivery?.PlannedRoute, 'Highway 1');
  const packages = rows(
    await owner.get(`/transfers/v2/templates/outgoing/deliveries/${delivery?.Id}/packages`),
  );
  assert.deepEqual(
    packages.map((p) => p.PackageLabel),
    labels.slice(0, 1),
  );
  const missing = await owner.put(
    '/transfers/v2/templates/outgoing',
    [template(labels.slice(0, 1))],
    distributor,
  );
  assert.deepEqual(missing.body, [{ row: 0, message: 'TransferTemplateId was not specified.' }]);
  assert.equal(
    (await owner.delete(`/transfers/v2/templates/outgoing/${id}`, { licenseNumber: DEMO.caStore }))
      .status,
    401,
    'another license’s template',
  );
  assert.equal(
    (await owner.delete(`/transfers/v2/templates/outgoing/${id}`, distributor)).status,
    200,
  );
  assert.equal((await owner.get(`/transfers/v2/templates/outgoing/${id}/deliveries`)).status, 404);
});

test('lab results: seeded, inherited by derived packages, paged; recording is for labs only', async () => {
  const farm = { licenseNumber: DEMO.caCultivator };
  let withResults: Record<string, unknown> | undefined;
  for (const pkg of rows(await owner.get('/packages/v2/active', { ...farm, ...ALL_TIME }))) {
    const answer = await owner.get('/labtests/v2/results', {
      ...farm,
      packageId: pkg.Id as number,
    });
    if (rows(answer).length > 0 && pkg.UnitOfMeasureName === 'Grams' && !pkg.IsOnHold) {
      withResults = pkg;
      break;
    }
  }
  assert.ok(withResults, 'the demo has released results for grower packages');
  const [tag] = (await owner.get('/tags/v2/package/available', farm)).body as { Label: string }[];
  const derived = await owner.post(
    '/packages/v2',
    [
      {
        Tag: tag?.Label,
        Item: (withResults.Item as { Name: string }).Name,
        Quantity: 1,
        UnitOfMeasure: 'Grams',
        ActualDate: '2026-01-12',
        Ingredients: [{ Package: withResults.Label, Quantity: 1, UnitOfMeasure: 'Grams' }],
      },
    ],
    farm,
  );
  const [derivedId] = (derived.body as { Ids: number[] }).Ids;
  const inherited = await owner.get('/labtests/v2/results', {
    ...farm,
    packageId: derivedId ?? 0,
    pageSize: 2,
    pageNumber: 1,
  });
  const page = inherited.body as { Data: { SourcePackageLabel: string }[]; TotalRecords: number };
  assert.equal(page.Data.length, 2);
  assert.ok(page.TotalRecords > 2);
  assert.equal(page.Data[0]?.SourcePackageLabel, withResults.Label);
  assert.equal(
    (await owner.get('/labtests/v2/results', farm)).status,
    400,
    'packageId is required',
  );

  const lab = { licenseNumber: DEMO.caLab };
  const atLab = rows(await owner.get('/packages/v2/active', { ...lab, ...ALL_TIME }))[0] as {
    Id: number;
    Label: string;
  };
  const record = (label: string, extra: Record<string, unknown> = {}) => [
    {
      Label: label,
      ResultDate: '2026-01-12',
      DocumentFileName: 'coa.pdf',
      DocumentFileBase64: Buffer.from('%PDF-1.4').toString('base64'),
      Results: [
        { LabTestTypeName: 'THC', Quantity: 21.5, Passed: true, Notes: '' },
        { LabTestTypeName: 'Pesticides', Quantity: 0.4, Passed: false, Notes: 'over limit' },
      ],
      ...extra,
    },
  ];
  assert.equal(
    (await owner.post('/labtests/v2/record', record(atLab.Label), farm)).status,
    401,
    'a grower is not a lab',
  );
  const wrong = await owner.post(
    '/labtests/v2/record',
    record(withResults.Label as string, { DocumentFileName: 'coa.docx' }),
    lab,
  );
  assert.deepEqual(
    (wrong.body as { message: string }[]).map((e) => e.message),
    [
      `Package ${withResults.Label} was not found in the current Facility.`,
      'Only PDF documents may be uploaded.',
    ],
  );
  const ok = await owner.post('/labtests/v2/record', record(atLab.Label), lab);
  assert.equal(ok.status, 200, ok.text);
  const pkg = (await owner.get(`/packages/v2/${atLab.Id}`, lab)).body as {
    LabTestingState: string;
  };
  assert.equal(pkg.LabTestingState, 'TestFailed');
  const results = rows(await owner.get('/labtests/v2/results', { ...lab, packageId: atLab.Id }));
  assert.ok(results.some((r) => r.TestTypeName === 'Pesticides' && r.TestPassed === false));
});

test('adjustment history: every applied adjust row, with the user and reason', async () => {
  const store = { licenseNumber: DEMO.caStore };
  const pkg = rows(await owner.get('/packages/v2/active', { ...store, ...ALL_TIME })).find(
    (p) => p.UnitOfMeasureName === 'Each' && (p.Quantity as number) > 3 && !p.IsOnHold,
  ) as { Label: string; Quantity: number };
  assert.ok(pkg);
  const row = {
    Label: pkg.Label,
    Quantity: -2,
    UnitOfMeasure: 'Each',
    AdjustmentReason: 'Theft',
    ReasonNote: 'missing after count',
    AdjustmentDate: '2026-01-12',
  };
  assert.equal((await owner.post('/packages/v2/adjust', [row], store)).status, 200);
  assert.equal(
    (await owner.put('/packages/v2/adjust', [{ ...row, Quantity: 1 }], store)).status,
    200,
  );
  const history = rows(await owner.get('/packages/v2/adjustments', store));
  assert.deepEqual(
    history.map((h) => [
      h.PackageLabel,
      h.AdjustmentQuantity,
      h.AdjustmentReasonName,
      h.AdjustedByUserName,
    ]),
    [
      [pkg.Label, -2, 'Theft', 'Alex Rivera'],
      [pkg.Label, 1 - (pkg.Quantity - 2), 'Theft', 'Alex Rivera'],
    ],
  );
});
