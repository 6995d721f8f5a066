import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  CA,
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { errorCode, login } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('public sign-up with a Metrc key, and the organization switcher', (ctx) => {
  let f: CredentialsFixture;
  before(async () => {
    f = await createCredentialsFixture(ctx, 'Signup Host');
  });
  after(() => f.close());

  const signUp = (email: string, apiKey: string, organization = `Shop ${email}`) =>
    f.t.app.inject({
      method: 'POST',
      url: '/api/signup',
      payload: {
        organization,
        name: 'Owner',
        email,
        password: 'a long enough passphrase',
        state: 'ca',
        apiKey,
      },
    });

  it('creates the organization with its licenses and signs the person in with their password', async () => {
    assert.deepEqual((await f.t.app.inject({ method: 'GET', url: '/api/signup' })).json(), {
      open: true,
    });
    const res = await signUp('owner@higher.test', f.metrc.userKey('ca-budtender'));
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(
      res.json().credential.licenses.map((l: { number: string }) => l.number),
      [CA.retailer],
    );
    const session = await login(f.t.app, {
      email: 'owner@higher.test',
      password: 'a long enough passphrase',
    });
    assert.equal(session.body.role, 'admin');
    assert.equal((session.body.user as { mustChangePassword: boolean }).mustChangePassword, false);
  });

  it('never attaches an existing account to a new organization, and creates nothing', async () => {
    const res = await signUp(f.org.staff.email, f.metrc.userKey('ca-manager'), 'Hijack Co');
    assert.equal(res.statusCode, 409);
    assert.equal(errorCode(res), 'SIGNUP_EMAIL_TAKEN');
    const { db } = ctx.database;
    const hijack = await db
      .selectFrom('organizations')
      .where('name', '=', 'Hijack Co')
      .selectAll()
      .executeTakeFirst();
    assert.equal(hijack, undefined);
  });

  it('refuses a key that Metrc rejects, creating nothing', async () => {
    const res = await signUp('nobody@nowhere.test', 'y'.repeat(48));
    assert.equal(errorCode(res), 'CREDENTIAL_KEY_REJECTED');
  });

  it('lists my organizations and switches between them with a new session', async () => {
    await f.t.services.identity.addMember(
      { organizationId: f.org.id, userId: f.org.admin.id, tokenId: null },
      { email: 'owner@higher.test', name: 'Owner', role: 'staff' },
    );
    const session = await login(f.t.app, {
      email: 'owner@higher.test',
      password: 'a long enough passphrase',
    });
    const listed = await f.call(session, { method: 'GET', url: '/api/auth/organizations' });
    const slugs = listed.json().organizations.map((o: { slug: string }) => o.slug);
    assert.equal(slugs.length, 2);
    assert.ok(slugs.includes(f.org.slug));
    const switched = await f.call(session, {
      method: 'POST',
      url: '/api/auth/organization',
      payload: { organization: f.org.slug },
    });
    assert.equal(switched.statusCode, 200, switched.body);
    assert.equal(switched.json().role, 'staff');
    // The old session ended: one cookie never spans two organizations.
    const old = await f.call(session, { method: 'GET', url: '/api/auth/session' });
    assert.equal(old.statusCode, 401);
    const elsewhere = await f.call(session, {
      method: 'POST',
      url: '/api/auth/organization',
      payload: { organization: 'not-mine' },
    });
    assert.equal(elsewhere.statusCode, 401);
  });
});
