import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  createTestApp,
  createTestOrganization,
  errorCode,
  login,
  type TestApp,
  type TestMember,
  type TestOrganization,
  type TestSession,
} from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('API tokens never outlive their creator’s role', (ctx) => {
  let t: TestApp;
  let org: TestOrganization;
  let owner: TestSession;

  before(async () => {
    t = await createTestApp(ctx.database);
    org = await createTestOrganization(t.services, 'Token Co');
    owner = await login(t.app, org.admin);
  });
  after(() => t.close());

  /** A new member with the given role, signed in. */
  let n = 0;
  async function member(role: 'admin' | 'manager'): Promise<TestMember & { session: TestSession }> {
    const email = `${role}${++n}@token-co.test`;
    const password = 'a long enough password';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: owner.headers,
      payload: { email, name: `${role} ${n}`, role, password },
    });
    assert.equal(res.statusCode, 201, res.body);
    const created = { id: res.json().user.id as number, email, password, role };
    return { ...created, session: await login(t.app, created) };
  }
  async function mint(headers: Record<string, string>, role: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers,
      payload: { name: `t${++n}`, role },
    });
    assert.equal(res.statusCode, 201, res.body);
    return {
      id: res.json().apiToken.id as number,
      bearer: { authorization: `Bearer ${res.json().token}` },
    };
  }
  const whoAmI = (bearer: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/api/auth/session', headers: bearer });
  const tokenRow = async (id: number) =>
    (
      (await t.app.inject({ method: 'GET', url: '/api/tokens', headers: owner.headers })).json()
        .tokens as { id: number; role: string; revokedAt: string | null }[]
    ).find((x) => x.id === id);

  it('demoting a member narrows their tokens at once', async () => {
    const alex = await member('admin');
    const token = await mint(alex.session.headers, 'admin');
    assert.equal((await whoAmI(token.bearer)).json().role, 'admin');

    const demoted = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${alex.id}`,
      headers: owner.headers,
      payload: { role: 'manager' },
    });
    assert.equal(demoted.statusCode, 200);
    assert.equal((await whoAmI(token.bearer)).json().role, 'manager');
    const adminOnly = await t.app.inject({
      method: 'GET',
      url: '/api/tokens',
      headers: token.bearer,
    });
    assert.equal(errorCode(adminOnly), 'AUTH_FORBIDDEN');
    assert.equal((await tokenRow(token.id))?.role, 'manager');

    // Promoting again does not widen the token: it was narrowed, not suspended.
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${alex.id}`,
      headers: owner.headers,
      payload: { role: 'admin' },
    });
    assert.equal((await whoAmI(token.bearer)).json().role, 'manager');
  });

  it("acts with the creator's current role even if the stored role was never narrowed", async () => {
    const sam = await member('admin');
    const token = await mint(sam.session.headers, 'admin');
    // A role change that bypassed the service (a manual fix in the database).
    await ctx.database.db
      .updateTable('memberships')
      .set({ role: 'staff' })
      .where('user_id', '=', sam.id)
      .where('organization_id', '=', org.id)
      .execute();
    assert.equal((await whoAmI(token.bearer)).json().role, 'staff');
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/licenses',
      headers: token.bearer,
      payload: { number: 'C11-9-LIC', state: 'ca', licenseType: 'Retailer', name: 'X' },
    });
    assert.equal(errorCode(write), 'AUTH_FORBIDDEN');
  });

  it('removing a member revokes their tokens, including tokens their tokens made', async () => {
    const kim = await member('admin');
    const own = await mint(kim.session.headers, 'admin');
    const child = await mint(own.bearer, 'manager');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/users/${kim.id}`,
      headers: owner.headers,
    });
    assert.equal(removed.statusCode, 204);
    for (const token of [own, child]) {
      assert.equal(errorCode(await whoAmI(token.bearer)), 'AUTH_TOKEN_REVOKED');
      assert.ok((await tokenRow(token.id))?.revokedAt, 'revocation is stored');
    }
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'member.removed')
      .where('target_id', '=', String(kim.id))
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.details).revokedTokenIds.sort(), [own.id, child.id].sort());
  });

  it('keeps other members’ tokens untouched', async () => {
    const lee = await member('admin');
    const leeToken = await mint(lee.session.headers, 'admin');
    const other = await member('admin');
    await t.app.inject({ method: 'DELETE', url: `/api/users/${other.id}`, headers: owner.headers });
    assert.equal((await whoAmI(leeToken.bearer)).json().role, 'admin');
  });
});
