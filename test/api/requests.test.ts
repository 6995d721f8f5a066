import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  createTestApp,
  createTestOrganization,
  errorCode,
  login,
  type TestApp,
  type TestSession,
} from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('bad requests', (ctx) => {
  let t: TestApp;
  let admin: TestSession;

  before(async () => {
    t = await createTestApp(ctx.database, { config: { bodyLimitBytes: 4_096 } });
    admin = await login(t.app, (await createTestOrganization(t.services, 'Requests Co')).admin);
  });
  after(() => t.close());

  async function licenseCount() {
    const res = await t.app.inject({ method: 'GET', url: '/api/licenses', headers: admin.headers });
    return res.json().licenses.length as number;
  }

  it('answers malformed JSON with REQUEST_MALFORMED_JSON and creates nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/licenses',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"number": "C11-1", "state": ',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(errorCode(res), 'REQUEST_MALFORMED_JSON');
    assert.equal(await licenseCount(), 0);
  });

  it('answers a body over the limit with 413 REQUEST_TOO_LARGE and creates nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/licenses',
      headers: admin.headers,
      payload: { number: 'C11-1', state: 'ca', licenseType: 'Retailer', name: 'x'.repeat(10_000) },
    });
    assert.equal(res.statusCode, 413);
    assert.equal(errorCode(res), 'REQUEST_TOO_LARGE');
    assert.equal(await licenseCount(), 0);
  });

  it('lists every invalid field at once with REQUEST_INVALID', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/licenses',
      headers: admin.headers,
      payload: { number: '', state: 'california' },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(errorCode(res), 'REQUEST_INVALID');
    const paths = res
      .json()
      .details.issues.map((i: { path: string }) => i.path)
      .sort();
    assert.deepEqual(paths, ['licenseType', 'name', 'number', 'state']);
    assert.equal(await licenseCount(), 0);
  });

  it('rejects a body that is not JSON with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/licenses',
      headers: { ...admin.headers, 'content-type': 'text/plain' },
      payload: 'number=1',
    });
    assert.equal(res.statusCode, 415);
    assert.equal(errorCode(res), 'REQUEST_UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers unknown routes with ROUTE_NOT_FOUND and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    assert.equal(res.statusCode, 404);
    assert.equal(errorCode(res), 'ROUTE_NOT_FOUND');
    assert.equal(res.json().requestId, res.headers['x-request-id']);
  });

  it('puts a request id on every response and honours a sane one from the caller', async () => {
    const mine = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'pos-42.abc' },
    });
    assert.equal(mine.headers['x-request-id'], 'pos-42.abc');
    const hostile = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    assert.match(String(hostile.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  it('keeps the unknown error out of the response: 500 with only the request id', async () => {
    t.app.log.level = 'silent';
    const original = t.services.licenses.list;
    t.services.licenses.list = async () => {
      throw new Error('database exploded: internal detail');
    };
    try {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/licenses',
        headers: admin.headers,
      });
      assert.equal(res.statusCode, 500);
      assert.equal(errorCode(res), 'INTERNAL_ERROR');
      assert.equal(res.body.includes('exploded'), false);
    } finally {
      t.services.licenses.list = original;
      t.app.log.level = 'debug';
    }
  });

  it('refuses a duplicate license and an unknown state with their own codes', async () => {
    const payload = {
      number: 'C11-0000009-LIC',
      state: 'ca',
      licenseType: 'Retailer',
      name: 'Store',
    };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/licenses',
      headers: admin.headers,
      payload,
    });
    assert.equal(first.statusCode, 201);
    assert.equal(first.json().timeZone, 'America/Los_Angeles');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/licenses',
      headers: admin.headers,
      payload,
    });
    assert.equal(errorCode(again), 'LICENSE_DUPLICATE');
    const state = await t.app.inject({
      method: 'POST',
      url: '/api/licenses',
      headers: admin.headers,
      payload: { ...payload, state: 'zz' },
    });
    assert.equal(errorCode(state), 'LICENSE_STATE_UNKNOWN');
    assert.equal(await licenseCount(), 1);
  });

  it('serves the OpenAPI document listing the routes, and its docs page', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(spec.statusCode, 200);
    const paths = Object.keys(spec.json().paths);
    for (const path of ['/api/auth/login', '/api/licenses', '/api/licenses/{id}', '/api/tokens']) {
      assert.ok(paths.includes(path), path);
    }
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /swagger/i);
  });

  it('reports readiness once the database is reachable and migrated', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    assert.deepEqual(res.json(), { status: 'ready' });
  });
});
