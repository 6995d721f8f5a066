/**
 * Where the emulator answers as Metrc does rather than kindly: an unknown route is Metrc's 404
 * (flagged for our tests), auth failures in each of Metrc's shapes, by-id reads without
 * `licenseNumber`, and the external receipt lookup in each per-state shape.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { RunningEmulator } from '../index.ts';
import {
  assertNoUnimplementedRoutes,
  callerFor,
  DEMO,
  type MetrcCaller,
  rows,
  startTestEmulator,
} from '../testing/emulator-test-kit.ts';

let emulator: RunningEmulator;
let owner: MetrcCaller;

before(async () => {
  // This file calls an unknown route on purpose; it checks the flag itself.
  emulator = await startTestEmulator({ allowUnimplemented: true });
});
beforeEach(() => {
  emulator.control.reset();
  owner = callerFor(emulator, 'ca-owner');
});
after(() => emulator.close());

describe('a route the emulator lacks', () => {
  test("answers Metrc's 404 route miss, with a header and a request-log flag", async () => {
    const answer = await owner.get('/plants/v2/additives/templates/nothing', {
      licenseNumber: DEMO.caCultivator,
    });
    assert.equal(answer.status, 404);
    assert.match(
      (answer.body as { Message: string }).Message,
      /^No HTTP resource was found that matches the request URI 'http:\/\/127\.0\.0\.1:\d+\/ca\/plants\/v2\/additives\/templates\/nothing\?licenseNumber=/,
    );
    assert.equal(answer.headers.get('x-emulator-unimplemented'), '1');
    const entry = emulator.control.requests().at(-1);
    assert.equal(entry?.unimplemented, true);
    assert.equal(entry?.status, 404);
  });

  test('is remembered across scenario loads, and the test-kit guard fails on it', async () => {
    await owner.post('/nothing/v2/here', [{}]);
    emulator.control.reset();
    assert.deepEqual(emulator.control.unimplemented().at(-1), {
      method: 'POST',
      state: 'ca',
      path: '/nothing/v2/here',
    });
    assert.throws(() => assertNoUnimplementedRoutes(emulator), /POST \/ca\/nothing\/v2\/here/);
  });

  test('implemented routes, absent-in-state routes and retired routes are not flagged', async () => {
    const before = emulator.control.unimplemented().length;
    const ok = await owner.get('/facilities/v2');
    const absent = await owner.get('/patients/v2/active', { licenseNumber: DEMO.caStore });
    const retired = await owner.get('/sales/v1/receipts');
    assert.deepEqual([ok.status, absent.status, retired.status], [200, 404, 405]);
    for (const answer of [ok, absent, retired])
      assert.equal(answer.headers.get('x-emulator-unimplemented'), null);
    assert.equal(emulator.control.unimplemented().length, before);
  });
});

describe('auth failures in every shape Metrc uses', () => {
  const badKey = () =>
    fetch(`${emulator.url}/ca/facilities/v2`, {
      headers: { authorization: `Basic ${Buffer.from('wrong:keys').toString('base64')}` },
    });
  const denial = () =>
    callerFor(emulator, 'ca-budtender').get('/packages/v2/active', {
      licenseNumber: DEMO.caStore,
    });
  after(() => emulator.control.updateConfig({ authFailures: 'message' }));

  test('message (default): 401 {"Message"} for bad keys and denials alike', async () => {
    for (const answer of [await badKey(), await denial()]) {
      assert.equal(answer.status, 401);
      const body = answer instanceof Response ? await answer.json() : answer.body;
      assert.deepEqual(body, { Message: 'Authorization has been denied for this request.' });
    }
  });

  test('empty: 401 with no body', async () => {
    emulator.control.updateConfig({ authFailures: 'empty' });
    const key = await badKey();
    assert.equal(key.status, 401);
    assert.equal(await key.text(), '');
    const denied = await denial();
    assert.equal(denied.status, 401);
    assert.equal(denied.text, '');
  });

  test('forbidden: 403 for a denial, while a bad key stays 401', async () => {
    emulator.control.updateConfig({ authFailures: 'forbidden' });
    assert.equal((await badKey()).status, 401);
    const denied = await denial();
    assert.equal(denied.status, 403);
    assert.match((denied.body as { Message: string }).Message, /does not have access/);
  });
});

describe('by-id and by-label reads without licenseNumber', () => {
  const firstPackage = async () => {
    const [pkg] = rows(
      await owner.get('/packages/v2/active', {
        licenseNumber: DEMO.caStore,
        lastModifiedStart: '2000-01-01T00:00:00Z',
        lastModifiedEnd: '2100-01-01T00:00:00Z',
      }),
    );
    assert.ok(pkg);
    return pkg as { Id: number; Label: string; ItemId?: number; Item: { Id: number } };
  };

  test('answer the record when the key may see it at its license', async () => {
    const pkg = await firstPackage();
    const byId = await owner.get(`/packages/v2/${pkg.Id}`);
    assert.equal(byId.status, 200);
    assert.equal((byId.body as { Label: string }).Label, pkg.Label);
    const byLabel = await owner.get(`/packages/v2/${pkg.Label}`);
    assert.equal((byLabel.body as { Id: number }).Id, pkg.Id);
    assert.equal((await owner.get(`/items/v2/${pkg.Item.Id}`)).status, 200);
    // The GET counted against the vendor key only: no license was named.
    assert.equal(emulator.control.requests().at(-1)?.license, null);
  });

  test("are scoped to the key: another license's record is 401, an unknown one 404", async () => {
    const pkg = await firstPackage();
    // The grower works only at the cultivator, not at the store that holds the package.
    const grower = callerFor(emulator, 'ca-grower');
    assert.equal((await grower.get(`/packages/v2/${pkg.Id}`)).status, 401);
    // The budtender works at the store but lacks View Packages.
    assert.equal(
      (await callerFor(emulator, 'ca-budtender').get(`/packages/v2/${pkg.Id}`)).status,
      401,
    );
    // Another state's user never sees it.
    assert.equal((await callerFor(emulator, 'co-owner').get(`/packages/v2/${pkg.Id}`)).status, 401);
    assert.equal((await owner.get('/packages/v2/99999999')).status, 404);
  });

  test('with licenseNumber they still must match it', async () => {
    const pkg = await firstPackage();
    const wrong = await owner.get(`/packages/v2/${pkg.Id}`, { licenseNumber: DEMO.caMicro });
    assert.equal(wrong.status, 401);
  });
});

describe('GET /sales/v2/receipts/external/{externalNumber}', () => {
  const store = { licenseNumber: DEMO.caStore };
  const external = async () => {
    const receipts = rows(
      await owner.get('/sales/v2/receipts/inactive', {
        ...store,
        lastModifiedStart: '2000-01-01T00:00:00Z',
        lastModifiedEnd: '2100-01-01T00:00:00Z',
      }),
    ).concat(
      rows(
        await owner.get('/sales/v2/receipts/active', {
          ...store,
          lastModifiedStart: '2000-01-01T00:00:00Z',
          lastModifiedEnd: '2100-01-01T00:00:00Z',
        }),
      ),
    );
    const receipt = receipts.find((r) => typeof r.ExternalReceiptNumber === 'string');
    assert.ok(receipt, 'the demo has receipts with an external number');
    return receipt as { Id: number; ExternalReceiptNumber: string };
  };
  const path = (number: string) => `/sales/v2/receipts/external/${encodeURIComponent(number)}`;
  after(() => emulator.control.updateConfig({ externalReceiptLookup: { ca: null } }));

  test('object (default): one receipt with its lines; none → 404', async () => {
    const receipt = await external();
    const found = await owner.get(path(receipt.ExternalReceiptNumber), store);
    assert.equal(found.status, 200);
    const body = found.body as { Id: number; Transactions: unknown[] };
    assert.equal(body.Id, receipt.Id);
    assert.ok(Array.isArray(body.Transactions) && body.Transactions.length > 0);
    const missing = await owner.get(path('NO-SUCH-RECEIPT'), store);
    assert.equal(missing.status, 404);
    assert.doesNotMatch((missing.body as { Message: string }).Message, /No HTTP resource/);
  });

  test('envelope (per state): every match, paged; none → an empty envelope', async () => {
    emulator.control.updateConfig({ externalReceiptLookup: { ca: 'envelope' } });
    const receipt = await external();
    assert.deepEqual(
      rows(await owner.get(path(receipt.ExternalReceiptNumber), store)).map((r) => r.Id),
      [receipt.Id],
    );
    assert.deepEqual(rows(await owner.get(path('NO-SUCH-RECEIPT'), store)), []);
    // Other states keep the default.
    const co = callerFor(emulator, 'co-owner');
    const coMissing = await co.get(path('NO-SUCH-RECEIPT'), { licenseNumber: DEMO.coStore });
    assert.equal(coMissing.status, 404);
  });

  test('array (per state): a bare array of matches; none → []', async () => {
    emulator.control.updateConfig({ externalReceiptLookup: { ca: 'array' } });
    const receipt = await external();
    const found = await owner.get(path(receipt.ExternalReceiptNumber), store);
    assert.ok(Array.isArray(found.body));
    assert.deepEqual(
      (found.body as { Id: number }[]).map((r) => r.Id),
      [receipt.Id],
    );
    assert.deepEqual((await owner.get(path('NO-SUCH-RECEIPT'), store)).body, []);
  });
});
