/**
 * One test per fact of "Top 15 facts an emulator must reproduce" (metrc-api.md), over real HTTP.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  basicAuth,
  callerFor,
  DEMO,
  type MetrcCaller,
  metrcCaller,
  rows,
  send,
  startTestEmulator,
  windowAround,
} from './emulator-test-kit.ts';
import { FACILITY_TYPE_FLAGS, FACILITY_TYPE_NUMBERS } from './facility-types.ts';
import type { RunningEmulator } from './index.ts';
import { METRC_STATES } from './metrc-states.ts';

let emulator: RunningEmulator;
let owner: MetrcCaller;
let budtender: MetrcCaller;
let coOwner: MetrcCaller;
const ALL_TIME = {
  lastModifiedStart: '2000-01-01T00:00:00Z',
  lastModifiedEnd: '2100-01-01T00:00:00Z',
};

before(async () => {
  emulator = await startTestEmulator();
  owner = callerFor(emulator, 'ca-owner');
  budtender = callerFor(emulator, 'ca-budtender');
  coOwner = callerFor(emulator, 'co-owner');
});
after(() => emulator.close());

async function sellablePackage(license: string) {
  const answer = await owner.get('/packages/v2/active', { licenseNumber: license, ...ALL_TIME });
  const pkg = rows(answer).find(
    (p) => p.UnitOfMeasureName === 'Each' && !p.IsOnHold && (p.Quantity as number) >= 5,
  );
  assert.ok(pkg, 'a sellable package');
  return pkg as { Id: number; Label: string; Quantity: number };
}

describe('Metrc facts', () => {
  test('1: HTTP Basic is vendor key then user key; missing or unknown keys answer 401', async () => {
    const summary = emulator.scenario();
    const vendor = summary.vendorKeys.find((k) => k.state === 'ca')?.key ?? '';
    const user = summary.users.find((u) => u.id === 'ca-owner')?.userKey ?? '';
    const url = `${emulator.url}/ca/facilities/v2`;
    assert.equal(
      (await send(url, { headers: { authorization: basicAuth(vendor, user) } })).status,
      200,
    );
    const reversed = await send(url, { headers: { authorization: basicAuth(user, vendor) } });
    assert.equal(reversed.status, 401);
    assert.deepEqual(reversed.body, { Message: 'Authorization has been denied for this request.' });
    assert.equal((await send(url)).status, 401);
    assert.equal(
      (await send(url, { headers: { authorization: basicAuth(vendor, 'nope') } })).status,
      401,
    );
  });

  test('2: one prefix per state, legacy v1 paths, trailing slash optional, absent endpoints 404', async () => {
    for (const state of METRC_STATES) {
      const answer = await send(`${emulator.url}/${state}/facilities/v2`);
      assert.equal(answer.status, 401, `${state} is served`);
    }
    assert.equal((await owner.get('/facilities/v2/')).status, 200);
    assert.equal((await owner.get('/facilities/v1')).status, 200);
    // Patients exist in CO but not in CA (openmetrc-state-endpoints.json).
    assert.equal(
      (await owner.get('/patients/v2/active', { licenseNumber: DEMO.caStore })).status,
      404,
    );
    assert.equal(
      (await coOwner.get('/patients/v2/active', { licenseNumber: DEMO.coMedical })).status,
      200,
    );
    assert.equal((await send(`${emulator.url}/tx/facilities/v2`)).status, 404);
  });

  test('3: GET /facilities/v2 is a bare array of the user’s licenses with License and every FacilityType flag', async () => {
    const answer = await owner.get('/facilities/v2');
    type Facility = { License: Record<string, unknown>; FacilityType: Record<string, unknown> };
    const facilities = answer.body as Facility[];
    assert.ok(Array.isArray(facilities));
    assert.equal(facilities.length, 7);
    for (const facility of facilities) {
      assert.deepEqual(Object.keys(facility.License), [
        'Number',
        'EmployeeLicenseNumber',
        'StartDate',
        'EndDate',
        'LicenseType',
      ]);
      assert.equal(
        Object.keys(facility.FacilityType).length,
        FACILITY_TYPE_FLAGS.length + FACILITY_TYPE_NUMBERS.length,
      );
      assert.ok(Object.keys(facility.FacilityType).length >= 100);
    }
    const mine = (await budtender.get('/facilities/v2')).body as Facility[];
    assert.deepEqual(
      mine.map((f) => f.License.Number),
      [DEMO.caStore],
    );
    const v1 = (await owner.get('/facilities/v1')).body as Facility[];
    assert.equal(v1[0]?.License.EmployeeLicenseNumber, undefined);
  });

  test('4: a license the user lacks, a section the type lacks, a missing permission: all 401', async () => {
    assert.equal(
      (await budtender.get('/packages/v2/active', { licenseNumber: DEMO.caCultivator })).status,
      401,
    );
    assert.equal(
      (await owner.get('/sales/v2/receipts/active', { licenseNumber: DEMO.caCultivator })).status,
      401,
    );
    assert.equal(
      (await owner.get('/harvests/v2/active', { licenseNumber: DEMO.caStore })).status,
      401,
    );
    assert.equal(
      (await budtender.get('/packages/v2/active', { licenseNumber: DEMO.caStore })).status,
      401,
    );
    assert.equal(
      (await owner.get('/packages/v2/active', { licenseNumber: DEMO.coStore })).status,
      401,
    );
    assert.equal(
      (await owner.get('/packages/v2/active', { licenseNumber: DEMO.caStore })).status,
      200,
    );
  });

  test('5: the v2 envelope, 1-based pages of at most 20, lookups as bare arrays', async () => {
    const answer = await owner.get('/packages/v2/active', {
      licenseNumber: DEMO.caStore,
      pageNumber: 2,
      pageSize: 5,
      ...ALL_TIME,
    });
    const body = answer.body as { Total: number } & Record<string, number>;
    assert.deepEqual(Object.keys(body), [
      'Data',
      'Total',
      'TotalRecords',
      'PageSize',
      'RecordsOnPage',
      'Page',
      'CurrentPage',
      'TotalPages',
    ]);
    assert.equal(body.Page, 2);
    assert.equal(body.CurrentPage, 2);
    assert.equal(body.PageSize, 5);
    assert.equal(body.Total, body.TotalRecords);
    assert.equal(body.TotalPages, Math.ceil(body.Total / 5));
    assert.equal(
      (await owner.get('/packages/v2/active', { licenseNumber: DEMO.caStore, pageSize: 21 }))
        .status,
      400,
    );
    assert.ok(Array.isArray((await owner.get('/unitsofmeasure/v2/active')).body));
    assert.ok(Array.isArray((await owner.get('/sales/v2/customertypes')).body));
  });

  test('6: lastModified windows filter; v1 refuses more than 24 h; v2 may be wide; bare calls see recent records only', async () => {
    const wide = await owner.get('/packages/v2/active', {
      licenseNumber: DEMO.caStore,
      ...ALL_TIME,
    });
    const bare = await owner.get('/packages/v2/active', { licenseNumber: DEMO.caStore });
    assert.equal(wide.status, 200);
    assert.ok(rows(bare).length < rows(wide).length, 'bare call sees a subset');
    const v1Wide = await owner.get('/packages/v1/active', {
      licenseNumber: DEMO.caStore,
      ...ALL_TIME,
    });
    assert.equal(v1Wide.status, 400);
    const v1Day = await owner.get('/packages/v1/active', {
      licenseNumber: DEMO.caStore,
      ...windowAround(emulator.control.now()),
    });
    assert.ok(Array.isArray(v1Day.body));
    const receiptsBare = await owner.get('/sales/v2/receipts/active', {
      licenseNumber: DEMO.caStore,
    });
    assert.equal(rows(receiptsBare).length, 0, 'receipts: none without a window');
    const receiptsWide = await owner.get('/sales/v2/receipts/active', {
      licenseNumber: DEMO.caStore,
      ...ALL_TIME,
    });
    assert.ok(rows(receiptsWide).length > 0);
  });

  test('7: salesDate and lastModified together answer 400', async () => {
    const answer = await owner.get('/sales/v2/receipts/active', {
      licenseNumber: DEMO.caStore,
      salesDateStart: '2026-01-01',
      salesDateEnd: '2026-01-02',
      ...ALL_TIME,
    });
    assert.equal(answer.status, 400);
    assert.ok((answer.body as { Message: string }).Message);
  });

  test('8: writes are JSON arrays; failures are 0-based row errors and reject the whole request', async () => {
    const pkg = await sellablePackage(DEMO.caStore);
    const notArray = await owner.post(
      '/packages/v2/adjust',
      { Label: pkg.Label },
      { licenseNumber: DEMO.caStore },
    );
    assert.deepEqual(notArray.body, { Message: 'No data was submitted.' });
    const adjust = (quantity: number) => ({
      Label: pkg.Label,
      Quantity: quantity,
      UnitOfMeasure: 'Each',
      AdjustmentReason: 'Scale Variance',
      AdjustmentDate: '2026-01-01',
    });
    const answer = await owner.post('/packages/v2/adjust', [adjust(-1), adjust(-100000)], {
      licenseNumber: DEMO.caStore,
    });
    assert.equal(answer.status, 400);
    const errors = answer.body as { row: number; message: string }[];
    assert.deepEqual(Object.keys(errors[0] ?? {}), ['row', 'message']);
    assert.equal(errors[0]?.row, 1);
    const after = await owner.get(`/packages/v2/${pkg.Id}`, { licenseNumber: DEMO.caStore });
    assert.equal(
      (after.body as { Quantity: number }).Quantity,
      pkg.Quantity,
      'row 0 was not applied',
    );
  });

  test('9: successful writes answer {"Ids":[…],"Warnings":null} or an empty 200, switchably', async () => {
    const pkg = await sellablePackage(DEMO.caStore);
    const body = [{ Label: pkg.Label, Location: 'Vault', MoveDate: '2026-01-01' }];
    const ids = await owner.put('/packages/v2/location', body, { licenseNumber: DEMO.caStore });
    assert.deepEqual(ids.body, { Ids: [pkg.Id], Warnings: null });
    emulator.control.updateConfig({ writeResponse: 'empty' });
    try {
      const empty = await owner.put('/packages/v2/location', body, { licenseNumber: DEMO.caStore });
      assert.equal(empty.status, 200);
      assert.equal(empty.text, '');
    } finally {
      emulator.control.updateConfig({ writeResponse: 'ids' });
    }
  });

  test('10: GETs only are rate limited, with Metrc’s 429 message', async () => {
    // One token, refilled every 10 s: robust however slow the machine is.
    emulator.control.updateConfig({ limits: { licenseGetsPerSecond: 0.1, burstSeconds: 1 } });
    try {
      const query = { licenseNumber: DEMO.caCultivator };
      assert.equal((await owner.get('/strains/v2/inactive', query)).status, 200);
      const limited = await owner.get('/strains/v2/inactive', query);
      assert.equal(limited.status, 429);
      assert.match(
        (limited.body as { Message: string }).Message,
        /The limit of API calls allowed has been exceeded/,
      );
      const write = await owner.post(
        '/strains/v2',
        [{ Name: 'Fact Ten', IndicaPercentage: 50, SativaPercentage: 50 }],
        query,
      );
      assert.equal(write.status, 200, 'writes are not limited');
    } finally {
      emulator.control.updateConfig({ limits: { licenseGetsPerSecond: 50 } });
    }
  });

  test('11: a receipt takes facility-local SalesDateTime without a zone and draws the package down', async () => {
    const pkg = await sellablePackage(DEMO.caStore);
    const receipt = (salesDateTime: string) => [
      {
        SalesDateTime: salesDateTime,
        SalesCustomerType: 'Consumer',
        ExternalReceiptNumber: `F11-${salesDateTime}`,
        Transactions: [
          { PackageLabel: pkg.Label, Quantity: 2, UnitOfMeasure: 'Each', TotalAmount: 50 },
        ],
      },
    ];
    const zoned = await owner.post('/sales/v2/receipts', receipt('2026-01-05T10:00:00Z'), {
      licenseNumber: DEMO.caStore,
    });
    assert.equal(zoned.status, 400);
    const ok = await owner.post('/sales/v2/receipts', receipt('2026-01-05T10:00:00.000'), {
      licenseNumber: DEMO.caStore,
    });
    assert.equal(ok.status, 200);
    const after = (await owner.get(`/packages/v2/${pkg.Id}`, { licenseNumber: DEMO.caStore }))
      .body as { Quantity: number };
    assert.equal(after.Quantity, pkg.Quantity - 2);
    const [id] = (ok.body as { Ids: number[] }).Ids;
    const stored = (await owner.get(`/sales/v2/receipts/${id}`, { licenseNumber: DEMO.caStore }))
      .body as Record<string, unknown>;
    assert.equal(stored.SalesDateTime, '2026-01-05T10:00:00.000');
  });

  test('12: receipts — lines on /{id} only, lookup by external number, void, PUT with Id, finalize, no dedupe', async () => {
    const pkg = await sellablePackage(DEMO.caStore);
    const external = 'POS 12/A';
    const body = [
      {
        SalesDateTime: '2026-01-06T09:30:00',
        SalesCustomerType: 'Consumer',
        ExternalReceiptNumber: external,
        Transactions: [
          { PackageLabel: pkg.Label, Quantity: 1, UnitOfMeasure: 'Each', TotalAmount: 20 },
        ],
      },
    ];
    const q = { licenseNumber: DEMO.caStore };
    const first = ((await owner.post('/sales/v2/receipts', body, q)).body as { Ids: number[] })
      .Ids[0];
    const second = ((await owner.post('/sales/v2/receipts', body, q)).body as { Ids: number[] })
      .Ids[0];
    assert.notEqual(first, second, 'duplicate external numbers are accepted');
    const found = await owner.get(`/sales/v2/receipts/external/${encodeURIComponent(external)}`, q);
    assert.deepEqual(
      rows(found)
        .map((r) => r.Id)
        .sort(),
      [first, second].sort(),
    );
    assert.deepEqual(rows(found)[0]?.Transactions, []);
    const detail = (await owner.get(`/sales/v2/receipts/${first}`, q)).body as {
      Transactions: unknown[];
    };
    assert.equal(detail.Transactions.length, 1);
    const noId = await owner.put('/sales/v2/receipts', body, q);
    assert.equal(noId.status, 400);
    const put = await owner.put('/sales/v2/receipts', [{ ...body[0], Id: first }], q);
    assert.equal(put.status, 200);
    assert.equal((await owner.put('/sales/v2/receipts/finalize', [{ Id: first }], q)).status, 200);
    assert.equal(
      (await owner.delete(`/sales/v2/receipts/${first}`, q)).status,
      400,
      'finalized: not voidable',
    );
    assert.equal(
      (await owner.put('/sales/v2/receipts/unfinalize', [{ Id: first }], q)).status,
      200,
    );
    assert.equal((await owner.delete(`/sales/v2/receipts/${second}`, q)).status, 200);
    const inactive = rows(await owner.get('/sales/v2/receipts/inactive', { ...q, ...ALL_TIME }));
    const voided = inactive.find((r) => r.Id === second);
    assert.ok(voided?.ArchivedDate, 'voided receipts are archived');
  });

  test('13: packages — merge from ingredients, unavailable tags, adjust with reasons, move, finish, unfinish, discontinue', async () => {
    const q = { licenseNumber: DEMO.caCultivator };
    const active = rows(await owner.get('/packages/v2/active', { ...q, ...ALL_TIME })).filter(
      (p) => p.UnitOfMeasureName === 'Grams' && !p.IsOnHold,
    ) as { Id: number; Label: string; Quantity: number; Item: { Name: string } }[];
    const [a, b] = active;
    assert.ok(a && b);
    const tags = (await owner.get('/tags/v2/package/available', q)).body as { Label: string }[];
    const tag = tags[0]?.Label ?? '';
    const merge = [
      {
        Tag: tag,
        Item: a.Item.Name,
        Quantity: 20,
        UnitOfMeasure: 'Grams',
        ActualDate: '2026-01-07',
        Ingredients: [
          { Package: a.Label, Quantity: 10, UnitOfMeasure: 'Grams' },
          { Package: b.Label, Quantity: 10, UnitOfMeasure: 'Grams' },
        ],
      },
    ];
    const created = await owner.post('/packages/v2', merge, q);
    assert.equal(created.status, 200, created.text);
    const again = await owner.post('/packages/v2', merge, q);
    assert.deepEqual(again.body, [{ row: 0, message: `Tag ${tag} is not available.` }]);
    const byLabel = (await owner.get(`/packages/v2/${tag}`, q)).body as {
      Id: number;
      SourcePackageCount: number;
    };
    assert.equal(byLabel.SourcePackageCount, 2);
    const byId = (await owner.get(`/packages/v2/${byLabel.Id}`, q)).body as { Label: string };
    assert.equal(byId.Label, tag);
    const reasons = rows(await owner.get('/packages/v2/adjust/reasons', q)).map((r) => r.Name);
    assert.ok(reasons.includes('Drying'));
    const drain = [
      {
        Label: tag,
        Quantity: -20,
        UnitOfMeasure: 'Grams',
        AdjustmentReason: 'Drying',
        AdjustmentDate: '2026-01-07',
      },
    ];
    assert.equal((await owner.post('/packages/v2/adjust', drain, q)).status, 200);
    assert.equal(
      (
        await owner.put(
          '/packages/v2/location',
          [{ Label: tag, Location: 'Vault', MoveDate: '2026-01-07' }],
          q,
        )
      ).status,
      200,
    );
    assert.equal(
      (await owner.put('/packages/v2/finish', [{ Label: tag, ActualDate: '2026-01-07' }], q))
        .status,
      200,
    );
    assert.equal((await owner.put('/packages/v2/unfinish', [{ Label: tag }], q)).status, 200);
    assert.equal((await owner.delete(`/packages/v2/${byLabel.Id}`, q)).status, 200);
    const gone = (await owner.get(`/packages/v2/${byLabel.Id}`, q)).body as {
      ArchivedDate: string | null;
    };
    assert.ok(gone.ArchivedDate);
  });

  test('14: grow sections are served for growers only; their writes are milestone 2 and fail loudly', async () => {
    const q = { licenseNumber: DEMO.caCultivator, ...ALL_TIME };
    assert.ok(rows(await owner.get('/plants/v2/vegetative', q)).length > 0);
    assert.ok(rows(await owner.get('/plants/v2/flowering', q)).length > 0);
    assert.ok(rows(await owner.get('/harvests/v2/active', q)).length > 0);
    assert.equal(
      (await owner.get('/plants/v2/vegetative', { licenseNumber: DEMO.caStore })).status,
      401,
    );
    const destroy = await owner.delete('/plants/v2', { licenseNumber: DEMO.caCultivator }, [
      { Label: 'x' },
    ]);
    assert.equal(destroy.status, 501);
    assert.equal((destroy.body as { code: string }).code, 'EMULATOR_NOT_IMPLEMENTED');
  });

  test('15: transfers are read-mostly, with zone-less estimates next to offset timestamps', async () => {
    const q = { licenseNumber: DEMO.caDistributor, ...ALL_TIME };
    const incoming = rows(await owner.get('/transfers/v2/incoming', q));
    const outgoing = rows(await owner.get('/transfers/v2/outgoing', q));
    assert.ok(incoming.length > 0 && outgoing.length > 0);
    const transfer = outgoing[0] as Record<string, string>;
    assert.match(
      transfer.EstimatedDepartureDateTime ?? '',
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/,
    );
    assert.match(transfer.CreatedDateTime ?? '', /[+-]\d{2}:\d{2}$/);
    const receive = await owner.post('/transfers/v2/incoming/receive', [{}], {
      licenseNumber: DEMO.caDistributor,
    });
    assert.equal(receive.status, 501, 'there is no receive endpoint');
  });
});

test('a caller in another state sees nothing of CA', async () => {
  const summary = emulator.scenario();
  const coVendor = summary.vendorKeys.find((k) => k.state === 'co')?.key ?? '';
  const caUser = summary.users.find((u) => u.id === 'ca-owner')?.userKey ?? '';
  const mixed = metrcCaller(emulator, 'ca', coVendor, caUser);
  assert.equal((await mixed.get('/facilities/v2')).status, 401);
});
