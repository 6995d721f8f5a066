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

describeEachDialect('organization isolation', (ctx) => {
  let t: TestApp;
  let a: TestOrganization;
  let b: TestOrganization;
  let aAdmin: TestSession;
  let bAdmin: TestSession;
  const bObjects = { licenseId: 0, tokenId: 0, token: '' };

  before(async () => {
    t = await createTestApp(ctx.database);
    a = await createTestOrganization(t.services, 'Alpha');
    b = await createTestOrganization(t.services, 'Bravo');
    aAdmin = await login(t.app, a.admin);
    bAdmin = await login(t.app, b.admin);
    const license = await t.app.inject({
      method: 'POST',
      url: '/api/licenses',
      headers: bAdmin.headers,
      payload: {
        number: 'C11-0000002-LIC',
        state: 'ca',
        licenseType: 'Retailer',
        name: 'Bravo Store',
      },
    });
    assert.equal(license.statusCode, 201);
    bObjects.licenseId = license.json().id;
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bAdmin.headers,
      payload: { name: 'Bravo POS' },
    });
    bObjects.tokenId = token.json().apiToken.id;
    bObjects.token = token.json().token;
  });
  after(() => t.close());

  it("answers 404 to every read or change of another organization's objects", async () => {
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/api/licenses/${bObjects.licenseId}`],
      ['PATCH', `/api/licenses/${bObjects.licenseId}`, { name: 'Stolen' }],
      ['DELETE', `/api/licenses/${bObjects.licenseId}`],
      ['GET', `/api/users/${b.manager.id}`],
      ['PATCH', `/api/users/${b.manager.id}`, { role: 'staff' }],
      ['DELETE', `/api/users/${b.staff.id}`],
      ['DELETE', `/api/tokens/${bObjects.tokenId}`],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        headers: aAdmin.headers,
        ...(payload ? { payload } : {}),
      });
      assert.equal(res.statusCode, 404, `${method} ${url}`);
      assert.equal(errorCode(res), 'NOT_FOUND');
    }
  });

  it("leaves the other organization's objects untouched after those attempts", async () => {
    const license = await t.app.inject({
      method: 'GET',
      url: `/api/licenses/${bObjects.licenseId}`,
      headers: bAdmin.headers,
    });
    assert.equal(license.json().name, 'Bravo Store');
    const manager = await t.app.inject({
      method: 'GET',
      url: `/api/users/${b.manager.id}`,
      headers: bAdmin.headers,
    });
    assert.equal(manager.json().role, 'manager');
    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/users/${b.staff.id}`,
      headers: bAdmin.headers,
    });
    assert.equal(staff.statusCode, 200);
    const tokens = await t.app.inject({
      method: 'GET',
      url: '/api/tokens',
      headers: bAdmin.headers,
    });
    assert.equal(tokens.json().tokens[0].revokedAt, null);
  });

  it('never lists the other organization in any collection', async () => {
    const bravoMarkers = [b.slug, 'Bravo', 'C11-0000002-LIC', b.manager.email];
    for (const url of [
      '/api/licenses',
      '/api/users',
      '/api/tokens',
      '/api/audit-events',
      '/api/organization',
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: aAdmin.headers });
      assert.equal(res.statusCode, 200, url);
      const text = JSON.stringify(res.json());
      for (const marker of bravoMarkers) {
        assert.equal(text.includes(marker), false, `${url} leaks ${marker}`);
      }
    }
  });

  it('scopes API tokens to their own organization', async () => {
    const bearer = { authorization: `Bearer ${bObjects.token}` };
    const mine = await t.app.inject({ method: 'GET', url: '/api/licenses', headers: bearer });
    assert.equal(mine.json().licenses.length, 1);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/users/${a.admin.id}`,
      headers: bearer,
    });
    assert.equal(other.statusCode, 403, 'staff token may not read members at all');
    const org = await t.app.inject({ method: 'GET', url: '/api/organization', headers: bearer });
    assert.equal(org.json().slug, b.slug);
  });

  it('refuses to sign in to an organization the person does not belong to', async () => {
    await assert.rejects(login(t.app, a.admin, b.slug), /404/);
  });
});
