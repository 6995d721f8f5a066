import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  createTestApp,
  createTestOrganization,
  errorCode,
  login,
  type TestApp,
  type TestOrganization,
  type TestSession,
} from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

/**
 * Input that crashed PostgreSQL but not SQLite (issue 10, item 1): both dialects must give the
 * same 400 or 404, never a 500.
 */
describeEachDialect('edge validation', (ctx) => {
  let t: TestApp;
  let org: TestOrganization;
  let admin: TestSession;

  before(async () => {
    t = await createTestApp(ctx.database);
    org = await createTestOrganization(t.services, 'Edge Co');
    admin = await login(t.app, org.admin);
  });
  after(() => t.close());

  const inject = (method: string, url: string, payload?: unknown) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: admin.headers,
      ...(payload !== undefined && { payload: payload as object }),
    });

  it('refuses a NUL character in any string with 400 REQUEST_INVALID', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a\u0000@x.test', password: 'whatever-password' },
    });
    assert.equal(login.statusCode, 400);
    assert.equal(errorCode(login), 'REQUEST_INVALID');
    for (const [method, url, payload] of [
      ['PATCH', '/api/organization', { name: 'Edge\u0000Co' }],
      ['POST', '/api/users', { email: 'n@x.test', name: 'A\u0000B', role: 'staff' }],
      ['POST', '/api/licenses', { number: 'X\u00001', state: 'ca', licenseType: 'R', name: 'n' }],
      ['POST', '/api/tokens', { name: 'tok\u0000' }],
      ['GET', '/api/users/%00', undefined],
    ] as const) {
      const res = await inject(method, url, payload);
      assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`);
      assert.equal(errorCode(res), 'REQUEST_INVALID');
    }
    const organization = await inject('GET', '/api/organization');
    assert.equal(organization.json().name, 'Edge Co');
  });

  it('answers ids of 2^31 and more with 400, in paths, bodies and queries', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/credentials/2147483648', undefined],
      ['GET', '/api/users/9999999999', undefined],
      ['DELETE', '/api/licenses/2147483648', undefined],
      ['GET', '/api/audit-events?before=2147483648', undefined],
      [
        'POST',
        '/api/credentials',
        { state: 'ca', kind: 'user', ownerUserId: 2 ** 31, apiKey: 'k'.repeat(20) },
      ],
      ['POST', '/api/intake-links', { userId: 1e300, state: 'ca' }],
    ] as const) {
      const res = await inject(method, url, payload);
      assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`);
      assert.equal(errorCode(res), 'REQUEST_INVALID');
    }
    const largest = await inject('GET', '/api/credentials/2147483647');
    assert.equal(largest.statusCode, 404);
    assert.equal(errorCode(largest), 'NOT_FOUND');
  });

  it('does not read 0x1, +1, 00001 or 1e0 as ids', async () => {
    const me = await inject('GET', `/api/users/${org.admin.id}`);
    assert.equal(me.statusCode, 200);
    for (const id of ['0x1', '+1', '00001', '01', '1e0', '1.0', '%201', '0', '-1']) {
      const res = await inject('GET', `/api/users/${id}`);
      assert.equal(res.statusCode, 400, `${id}: ${res.body}`);
      assert.equal(errorCode(res), 'REQUEST_INVALID');
    }
    const query = await inject('GET', '/api/audit-events?limit=0x10');
    assert.equal(query.statusCode, 400);
  });

  it('compares license numbers case-insensitively', async () => {
    const first = await inject('POST', '/api/licenses', {
      number: 'c11-0000001-lic',
      state: 'ca',
      licenseType: 'Retailer',
      name: 'Shop',
    });
    assert.equal(first.statusCode, 201, first.body);
    const again = await inject('POST', '/api/licenses', {
      number: 'C11-0000001-LIC',
      state: 'ca',
      licenseType: 'Retailer',
      name: 'Shop again',
    });
    assert.equal(again.statusCode, 409, again.body);
    const list = await inject('GET', '/api/licenses');
    assert.equal(list.json().licenses.length, 1);
  });

  it('bounds free-form facilityType flags', async () => {
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`Flag${i}`, true]));
    for (const facilityType of [many, { ['k'.repeat(65)]: true }, { CanGrowPlants: 'yes' }]) {
      const res = await inject('POST', '/api/licenses', {
        number: 'C11-0000002-LIC',
        state: 'ca',
        licenseType: 'Retailer',
        name: 'Flags',
        facilityType,
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(errorCode(res), 'REQUEST_INVALID');
    }
  });
});
