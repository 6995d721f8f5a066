/**
 * Facts 1–7 of "Top 15 facts an emulator must reproduce" (metrc-api.md), one test each, over
 * real HTTP; facts 8–15 are in metrc-facts-writes.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningEmulator } from './index.ts';
import { FACILITY_TYPE_FLAGS, FACILITY_TYPE_NUMBERS } from './state/facility-types.ts';
import { METRC_STATES } from './state/metrc-states.ts';
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
} from './testing/emulator-test-kit.ts';

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

describe('Metrc facts 1–7: keys, states, facilities, authorization, lists', () => {
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
});

test('a caller in another state sees nothing of CA', async () => {
  const summary = emulator.scenario();
  const coVendor = summary.vendorKeys.find((k) => k.state === 'co')?.key ?? '';
  const caUser = summary.users.find((u) => u.id === 'ca-owner')?.userKey ?? '';
  const mixed = metrcCaller(emulator, 'ca', coVendor, caUser);
  assert.equal((await mixed.get('/facilities/v2')).status, 401);
});
