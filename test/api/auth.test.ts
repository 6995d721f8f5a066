import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createManualClock } from '../../src/lib/index.ts';
import {
  createTestApp,
  createTestOrganization,
  errorCode,
  login,
  type TestApp,
  type TestOrganization,
} from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('auth over HTTP', (ctx) => {
  const clock = createManualClock(new Date('2026-11-22T08:00:00.000Z'));
  let t: TestApp;
  let org: TestOrganization;

  before(async () => {
    t = await createTestApp(ctx.database, {
      clock,
      config: { loginMaxFailures: 3, loginWindowSeconds: 60, sessionTtlMs: 3_600_000 },
    });
    org = await createTestOrganization(t.services, 'Auth Co');
  });
  after(() => t.close());

  it('signs in, reports the session with a CSRF token, and sets an HttpOnly Lax cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.admin.email.toUpperCase(), password: org.admin.password },
    });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'tg_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    const body = res.json();
    assert.equal(body.role, 'admin');
    assert.equal(body.organization.slug, org.slug);
    assert.match(body.csrfToken, /^[A-Za-z0-9_-]{20,}$/);
  });

  it('answers the same code for a wrong password and an unknown e-mail', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.staff.email, password: 'not the password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@nowhere.test', password: 'not the password' },
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(errorCode(wrong), 'AUTH_INVALID_CREDENTIALS');
    assert.equal(errorCode(unknown), 'AUTH_INVALID_CREDENTIALS');
    assert.equal(wrong.json().message, unknown.json().message);
  });

  it('rate-limits repeated failures per e-mail, even when the password is then right', async () => {
    const email = org.manager.email;
    for (let i = 0; i < 3; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'nope nope nope' },
      });
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: org.manager.password },
    });
    assert.equal(res.statusCode, 429);
    assert.equal(errorCode(res), 'AUTH_RATE_LIMITED');
    assert.ok(Number(res.headers['retry-after']) > 0);
  });

  it('refuses an organization the account does not belong to', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        email: org.staff.email,
        password: org.staff.password,
        organization: 'no-such-org',
      },
    });
    assert.equal(res.statusCode, 404);
    assert.equal(errorCode(res), 'AUTH_ORGANIZATION_NOT_FOUND');
  });

  it('requires the CSRF header on cookie-authenticated writes, but not on reads', async () => {
    const session = await login(t.app, org.admin);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: session.headers.cookie },
    });
    assert.equal(read.statusCode, 200);
    const missing = await t.app.inject({
      method: 'PATCH',
      url: '/api/organization',
      headers: { cookie: session.headers.cookie },
      payload: { name: 'Hijacked' },
    });
    assert.equal(missing.statusCode, 403);
    assert.equal(errorCode(missing), 'AUTH_CSRF_MISSING');
    const forged = await t.app.inject({
      method: 'PATCH',
      url: '/api/organization',
      headers: { cookie: session.headers.cookie, 'x-csrf-token': 'forged-token-value' },
      payload: { name: 'Hijacked' },
    });
    assert.equal(errorCode(forged), 'AUTH_CSRF_INVALID');
    const organization = await t.app.inject({
      method: 'GET',
      url: '/api/organization',
      headers: session.headers,
    });
    assert.equal(organization.json().name, 'Auth Co');
  });

  it('expires sessions after the configured lifetime', async () => {
    const session = await login(t.app, org.staff);
    clock.advance(3_600_000 + 1);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: session.headers,
    });
    assert.equal(res.statusCode, 401);
    assert.equal(errorCode(res), 'AUTH_SESSION_EXPIRED');
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: session.headers,
    });
    assert.equal(errorCode(again), 'AUTH_SESSION_INVALID');
  });

  it('signs out: the cookie stops working', async () => {
    const session = await login(t.app, org.staff);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: session.headers,
    });
    assert.equal(out.statusCode, 204);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: session.headers,
    });
    assert.equal(errorCode(res), 'AUTH_SESSION_INVALID');
  });

  it('issues API tokens shown once, records last use, and rejects them once revoked', async () => {
    const admin = await login(t.app, org.admin);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: admin.headers,
      payload: { name: 'POS', role: 'staff' },
    });
    assert.equal(created.statusCode, 201);
    const { token, apiToken } = created.json();
    assert.match(token, /^tg_/);
    assert.equal(token.startsWith(apiToken.prefix), true);

    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: bearer });
    assert.equal(me.statusCode, 200);
    assert.deepEqual(
      [me.json().via, me.json().role, me.json().csrfToken],
      ['token', 'staff', null],
    );

    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/tokens',
      headers: admin.headers,
    });
    const row = listed.json().tokens.find((x: { id: number }) => x.id === apiToken.id);
    assert.ok(row.lastUsedAt, 'last use recorded');
    assert.equal(JSON.stringify(listed.json()).includes(token), false, 'value never listed');

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${apiToken.id}`,
      headers: admin.headers,
    });
    assert.ok(revoked.json().revokedAt);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: bearer });
    assert.equal(after.statusCode, 401);
    assert.equal(errorCode(after), 'AUTH_TOKEN_REVOKED');
  });

  it('never mints a token above the role of whoever asks for it', async () => {
    const manager = {
      organizationId: org.id,
      role: 'manager' as const,
      userId: org.manager.id,
      tokenId: null,
    };
    await assert.rejects(
      t.services.apiTokens.create(manager, { name: 'escalate', role: 'admin' }),
      (error: { code?: string }) => error.code === 'TOKEN_ROLE_TOO_HIGH',
    );
    const ok = await t.services.apiTokens.create(manager, { name: 'fine', role: 'staff' });
    assert.equal(ok.apiToken.role, 'staff');
  });

  it('answers unknown and malformed bearer tokens with AUTH_TOKEN_INVALID', async () => {
    for (const authorization of ['Bearer tg_nope', 'Basic abc', 'Bearer']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/licenses',
        headers: { authorization },
      });
      assert.equal(res.statusCode, 401, authorization);
      assert.equal(errorCode(res), 'AUTH_TOKEN_INVALID');
    }
    const none = await t.app.inject({ method: 'GET', url: '/api/licenses' });
    assert.equal(errorCode(none), 'AUTH_REQUIRED');
  });

  it('changes a password: the old one stops working, and the rule on length holds', async () => {
    const staff = await login(t.app, org.staff);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: staff.headers,
      payload: { currentPassword: org.staff.password, newPassword: 'short' },
    });
    assert.equal(errorCode(weak), 'AUTH_PASSWORD_TOO_WEAK');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: staff.headers,
      payload: { currentPassword: org.staff.password, newPassword: 'a much longer passphrase' },
    });
    assert.equal(ok.statusCode, 204);
    await assert.rejects(login(t.app, org.staff), /401/);
    await login(t.app, { email: org.staff.email, password: 'a much longer passphrase' });
  });
});
