/** Business rules of writes: tags, quantities, units, license types, permissions, all-or-nothing. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { RunningEmulator } from '../index.ts';
import {
  callerFor,
  DEMO,
  type MetrcCaller,
  rows,
  send,
  startTestEmulator,
} from '../testing/emulator-test-kit.ts';

let emulator: RunningEmulator;
let owner: MetrcCaller;
const ALL_TIME = {
  lastModifiedStart: '2000-01-01T00:00:00Z',
  lastModifiedEnd: '2100-01-01T00:00:00Z',
};

before(async () => {
  emulator = await startTestEmulator();
  owner = callerFor(emulator, 'ca-owner');
});
beforeEach(() => {
  emulator.control.reset();
  owner = callerFor(emulator, 'ca-owner');
});
after(() => emulator.close());

type Pkg = {
  Id: number;
  Label: string;
  Quantity: number;
  UnitOfMeasureName: string;
  IsOnHold: boolean;
  Item: { Name: string };
};

async function packages(license: string, unit: string): Promise<Pkg[]> {
  const all = rows(
    await owner.get('/packages/v2/active', { licenseNumber: license, ...ALL_TIME }),
  ) as Pkg[];
  return all.filter((p) => p.UnitOfMeasureName === unit && !p.IsOnHold && p.Quantity > 5);
}

async function freeTag(license: string): Promise<string> {
  const tags = (await owner.get('/tags/v2/package/available', { licenseNumber: license })).body as {
    Label: string;
  }[];
  return tags[0]?.Label ?? '';
}

function newPackage(tag: string, item: string, source: string, quantity: number, unit = 'Grams') {
  return {
    Tag: tag,
    Item: item,
    Quantity: quantity,
    UnitOfMeasure: unit,
    ActualDate: '2026-01-10',
    Ingredients: [{ Package: source, Quantity: quantity, UnitOfMeasure: unit }],
  };
}

test('a tag must be available and unused, and belong to the facility', async () => {
  const [source] = await packages(DEMO.caCultivator, 'Grams');
  assert.ok(source);
  const q = { licenseNumber: DEMO.caCultivator };
  const otherFacilityTag = await freeTag(DEMO.caMicro);
  const foreign = await owner.post(
    '/packages/v2',
    [newPackage(otherFacilityTag, source.Item.Name, source.Label, 1)],
    q,
  );
  assert.deepEqual(foreign.body, [
    { row: 0, message: `Tag ${otherFacilityTag} is not available.` },
  ]);
  const used = await owner.post(
    '/packages/v2',
    [newPackage(source.Label, source.Item.Name, source.Label, 1)],
    q,
  );
  assert.equal(used.status, 400);
  const tag = await freeTag(DEMO.caCultivator);
  const twice = await owner.post(
    '/packages/v2',
    [
      newPackage(tag, source.Item.Name, source.Label, 1),
      newPackage(tag, source.Item.Name, source.Label, 1),
    ],
    q,
  );
  assert.deepEqual(twice.body, [{ row: 1, message: `Tag ${tag} is not available.` }]);
});

test('quantities never go negative, across the rows of one request too', async () => {
  const [source] = await packages(DEMO.caCultivator, 'Grams');
  assert.ok(source);
  const q = { licenseNumber: DEMO.caCultivator };
  const half = source.Quantity / 2 + 1;
  const adjust = {
    Label: source.Label,
    Quantity: -half,
    UnitOfMeasure: 'Grams',
    AdjustmentReason: 'Drying',
    AdjustmentDate: '2026-01-10',
  };
  const answer = await owner.post('/packages/v2/adjust', [adjust, adjust], q);
  assert.equal(answer.status, 400);
  assert.equal((answer.body as { row: number }[])[0]?.row, 1);
  const unchanged = (await owner.get(`/packages/v2/${source.Id}`, q)).body as Pkg;
  assert.equal(unchanged.Quantity, source.Quantity);
  const negative = await owner.post(
    '/packages/v2',
    [newPackage(await freeTag(DEMO.caCultivator), source.Item.Name, source.Label, -3)],
    q,
  );
  assert.equal(negative.status, 400);
  const finalNegative = await owner.put('/packages/v2/adjust', [{ ...adjust, Quantity: -1 }], q);
  assert.equal(finalNegative.status, 400);
});

test('units must be compatible; compatible units convert', async () => {
  const [source] = await packages(DEMO.caCultivator, 'Grams');
  assert.ok(source);
  const q = { licenseNumber: DEMO.caCultivator };
  const eachAdjust = {
    Label: source.Label,
    Quantity: -1,
    UnitOfMeasure: 'Each',
    AdjustmentReason: 'Drying',
    AdjustmentDate: '2026-01-10',
  };
  const incompatible = await owner.post('/packages/v2/adjust', [eachAdjust], q);
  assert.match((incompatible.body as { message: string }[])[0]?.message ?? '', /not compatible/);
  const milligrams = await owner.post(
    '/packages/v2/adjust',
    [{ ...eachAdjust, UnitOfMeasure: 'Milligrams', Quantity: -500 }],
    q,
  );
  assert.equal(milligrams.status, 200);
  const after = (await owner.get(`/packages/v2/${source.Id}`, q)).body as Pkg;
  assert.equal(after.Quantity, source.Quantity - 0.5);
  const wrongItemUnit = await owner.post(
    '/packages/v2',
    [newPackage(await freeTag(DEMO.caCultivator), source.Item.Name, source.Label, 1, 'Grams')].map(
      (row) => ({ ...row, UnitOfMeasure: 'Each' }),
    ),
    q,
  );
  assert.equal(wrongItemUnit.status, 400);
});

test('the license type must allow the action (401, as Metrc answers)', async () => {
  const [item] = await packages(DEMO.caStore, 'Each');
  assert.ok(item);
  const receipt = [
    {
      SalesDateTime: '2026-01-10T12:00:00',
      SalesCustomerType: 'Consumer',
      Transactions: [
        { PackageLabel: item.Label, Quantity: 1, UnitOfMeasure: 'Each', TotalAmount: 10 },
      ],
    },
  ];
  assert.equal(
    (await owner.post('/sales/v2/receipts', receipt, { licenseNumber: DEMO.caCultivator })).status,
    401,
  );
  assert.equal(
    (await owner.post('/packages/v2', [{}], { licenseNumber: DEMO.caTransporter })).status,
    401,
  );
  assert.equal((await owner.post('/packages/v2', [{}], { licenseNumber: DEMO.caLab })).status, 401);
  const medical = callerFor(emulator, 'co-owner');
  const coPackages = rows(
    await medical.get('/packages/v2/active', { licenseNumber: DEMO.coMedical, ...ALL_TIME }),
  ) as Pkg[];
  const coItem = coPackages.find((p) => p.UnitOfMeasureName === 'Each' && !p.IsOnHold);
  assert.ok(coItem);
  const consumerSale = [
    {
      SalesDateTime: '2026-01-10T12:00:00',
      SalesCustomerType: 'Consumer',
      Transactions: [
        { PackageLabel: coItem.Label, Quantity: 1, UnitOfMeasure: 'Each', TotalAmount: 10 },
      ],
    },
  ];
  const refused = await medical.post('/sales/v2/receipts', consumerSale, {
    licenseNumber: DEMO.coMedical,
  });
  assert.match(
    (refused.body as { message: string }[])[0]?.message ?? '',
    /cannot sell to Consumer/,
  );
  const patientSale = [{ ...consumerSale[0], SalesCustomerType: 'Patient' }];
  assert.match(
    (
      (await medical.post('/sales/v2/receipts', patientSale, { licenseNumber: DEMO.coMedical }))
        .body as { message: string }[]
    )[0]?.message ?? '',
    /PatientLicenseNumber is required/,
  );
});

test('the user must hold the permission (401): no Packages for the budtender, no Sales for the manager', async () => {
  const [item] = await packages(DEMO.caStore, 'Each');
  assert.ok(item);
  const q = { licenseNumber: DEMO.caStore };
  const budtender = callerFor(emulator, 'ca-budtender');
  const manager = callerFor(emulator, 'ca-manager');
  const adjust = [
    {
      Label: item.Label,
      Quantity: -1,
      UnitOfMeasure: 'Each',
      AdjustmentReason: 'Scale Variance',
      AdjustmentDate: '2026-01-10',
    },
  ];
  assert.equal((await budtender.post('/packages/v2/adjust', adjust, q)).status, 401);
  assert.equal((await manager.post('/packages/v2/adjust', adjust, q)).status, 200);
  const receipt = [
    {
      SalesDateTime: '2026-01-10T12:00:00',
      SalesCustomerType: 'Consumer',
      Transactions: [
        { PackageLabel: item.Label, Quantity: 1, UnitOfMeasure: 'Each', TotalAmount: 10 },
      ],
    },
  ];
  assert.equal((await manager.post('/sales/v2/receipts', receipt, q)).status, 401);
  const sold = await budtender.post('/sales/v2/receipts', receipt, q);
  assert.equal(sold.status, 200);
  const [id] = (sold.body as { Ids: number[] }).Ids;
  const detail = (await budtender.get(`/sales/v2/receipts/${id}`, q)).body as {
    RecordedByUserName: string;
  };
  assert.equal(
    detail.RecordedByUserName,
    'Casey Morgan',
    'the sale is attributed to the key’s user',
  );
});

test('receipts: future dates, unknown customer types and missing lines are row errors', async () => {
  const q = { licenseNumber: DEMO.caStore };
  const answer = await owner.post(
    '/sales/v2/receipts',
    [
      { SalesDateTime: '2999-01-01T00:00:00', SalesCustomerType: 'Consumer', Transactions: [] },
      { SalesDateTime: 'yesterday', SalesCustomerType: 'Tourist', Transactions: [] },
    ],
    q,
  );
  const messages = (answer.body as { row: number; message: string }[]).map(
    (e) => `${e.row}:${e.message}`,
  );
  assert.ok(messages.some((m) => m.startsWith('0:') && /future/.test(m)));
  assert.ok(messages.some((m) => m.startsWith('1:') && /Tourist/.test(m)));
  assert.ok(messages.some((m) => m.startsWith('1:') && /not a valid date/.test(m)));
});

test('field names are case-insensitive; a non-JSON body is 415; rows above the configured maximum are 413', async () => {
  const [source] = await packages(DEMO.caCultivator, 'Grams');
  assert.ok(source);
  const q = { licenseNumber: DEMO.caCultivator };
  const lower = await owner.put(
    '/packages/v2/location',
    [{ label: source.Label, location: 'Vault', movedate: '2026-01-10' }],
    q,
  );
  assert.equal(lower.status, 200);
  const summary = emulator.scenario();
  const text = await send(
    `${emulator.url}/ca/packages/v2/location?licenseNumber=${DEMO.caCultivator}`,
    {
      method: 'PUT',
      headers: {
        authorization: `Basic ${Buffer.from(`${summary.vendorKeys[0]?.key}:${summary.users[0]?.userKey}`).toString('base64')}`,
        'content-type': 'text/plain',
      },
      body: 'hello',
    },
  );
  assert.equal(text.status, 415);
  emulator.control.updateConfig({ limits: { maxWriteRows: 1 } });
  try {
    const row = { Label: source.Label, Location: 'Vault', MoveDate: '2026-01-10' };
    assert.equal((await owner.put('/packages/v2/location', [row, row], q)).status, 413);
  } finally {
    emulator.control.updateConfig({ limits: { maxWriteRows: null } });
  }
});

test('split: one source into several new tags, each drawing its share', async () => {
  const [source] = await packages(DEMO.caCultivator, 'Grams');
  assert.ok(source);
  const q = { licenseNumber: DEMO.caCultivator };
  const tags = ((await owner.get('/tags/v2/package/available', q)).body as { Label: string }[])
    .slice(0, 2)
    .map((t) => t.Label);
  const split = tags.map((tag) => ({
    ...newPackage(tag, '', source.Label, 2),
    Item: null,
    UseSameItem: true,
  }));
  const answer = await owner.post('/packages/v2', split, q);
  assert.equal(answer.status, 200, answer.text);
  assert.equal((answer.body as { Ids: number[] }).Ids.length, 2);
  const after = (await owner.get(`/packages/v2/${source.Id}`, q)).body as Pkg;
  assert.equal(after.Quantity, source.Quantity - 4);
  const child = (await owner.get(`/packages/v2/${tags[0]}`, q)).body as Pkg & {
    SourcePackageLabels: string;
  };
  assert.equal(child.Item.Name, source.Item.Name);
  assert.equal(child.SourcePackageLabels, source.Label);
});

test('finish needs an empty active package; DELETE discontinues only active packages', async () => {
  const [source] = await packages(DEMO.caCultivator, 'Grams');
  assert.ok(source);
  const q = { licenseNumber: DEMO.caCultivator };
  const notEmpty = await owner.put(
    '/packages/v2/finish',
    [{ Label: source.Label, ActualDate: '2026-01-10' }],
    q,
  );
  assert.equal(notEmpty.status, 400);
  assert.equal((await owner.delete(`/packages/v2/${source.Id}`, q)).status, 200);
  assert.equal((await owner.delete(`/packages/v2/${source.Id}`, q)).status, 400);
  const inactive = rows(await owner.get('/packages/v2/inactive', { ...q, ...ALL_TIME }));
  assert.ok(inactive.some((p) => p.Id === source.Id));
  const foreign = await owner.delete(`/packages/v2/${source.Id}`, { licenseNumber: DEMO.caMicro });
  assert.equal(foreign.status, 401, "another license's package");
  assert.equal((await owner.delete('/packages/v2/999999999', q)).status, 404);
});
