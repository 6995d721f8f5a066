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

const ALLOWED = new Set([
  'GET /api/auth/session',
  'POST /api/auth/password',
  'POST /api/auth/logout',
]);

describeEachDialect('first login: a one-time password only opens the password change', (ctx) => {
  let t: TestApp;
  let org: TestOrganization;
  let newcomer: { email: string; password: string };
  let session: TestSession;

  before(async () => {
    t = await createTestApp(ctx.database);
    org = await createTestOrganization(t.services, 'First Co');
    const admin = await login(t.app, org.admin);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { email: 'newcomer@first.test', name: 'New Comer', role: 'admin' },
    });
    assert.equal(added.statusCode, 201);
    newcomer = { email: 'newcomer@first.test', password: added.json().oneTimePassword };
    session = await login(t.app, newcomer);
  });
  after(() => t.close());

  it('signs in and says a change is needed', async () => {
    assert.equal((session.body.user as { mustChangePassword: boolean }).mustChangePassword, true);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: session.headers,
    });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.mustChangePassword, true);
  });

  it('refuses every other route with AUTH_PASSWORD_CHANGE_REQUIRED, and changes nothing', async () => {
    const routes = t.app.routeCatalogue.filter(
      (r) => r.access !== 'public' && !ALLOWED.has(`${r.method} ${r.url}`),
    );
    assert.ok(routes.length > 15);
    for (const route of routes) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: route.url.replace(/:[A-Za-z]+/g, '1'),
        headers: session.headers,
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      assert.equal(res.statusCode, 403, `${route.method} ${route.url}`);
      assert.equal(errorCode(res), 'AUTH_PASSWORD_CHANGE_REQUIRED', `${route.method} ${route.url}`);
    }
    const licenses = await ctx.database.db.selectFrom('licenses').select('id').execute();
    assert.equal(licenses.length, 0);
  });

  it('lets the person sign out', async () => {
    const other = await login(t.app, newcomer);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: other.headers,
    });
    assert.equal(out.statusCode, 204);
  });

  it('opens everything once the password is changed, in the same session', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: session.headers,
      payload: { currentPassword: 'not the one-time one', newPassword: 'my own long password' },
    });
    assert.equal(errorCode(wrong), 'AUTH_PASSWORD_WRONG');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: session.headers,
      payload: { currentPassword: newcomer.password, newPassword: 'my own long password' },
    });
    assert.equal(changed.statusCode, 204);
    const licenses = await t.app.inject({
      method: 'GET',
      url: '/api/licenses',
      headers: session.headers,
    });
    assert.equal(licenses.statusCode, 200);
  });

  it('closes again after an operator resets the password', async () => {
    const oneTime = await t.services.identity.resetPassword(newcomer.email);
    const again = await login(t.app, { email: newcomer.email, password: oneTime.reveal() });
    const res = await t.app.inject({ method: 'GET', url: '/api/licenses', headers: again.headers });
    assert.equal(errorCode(res), 'AUTH_PASSWORD_CHANGE_REQUIRED');
  });

  it('does not hold back API tokens, which belong to no password', async () => {
    const admin = await login(t.app, org.admin);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: admin.headers,
      payload: { name: 'pos', role: 'staff' },
    });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/licenses',
      headers: { authorization: `Bearer ${created.json().token}` },
    });
    assert.equal(res.statusCode, 200);
  });
});
