import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { Secret, scrubSecrets } from '../../src/lib/index.ts';
import {
  createTestApp,
  createTestOrganization,
  login,
  type TestApp,
  type TestOrganization,
  type TestSession,
} from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

/** Distinctive values that must never be seen again once handed to Tracegate. */
const PLANTED = {
  password: 'PLANTED-password-7f3a9c21e8',
  bearer: 'tg_PLANTEDbearer5d8e2a9b7c',
  query: 'PLANTED-query-key-4b1e9f',
  userKey: 'PLANTED-user-key-a1b2c3d4e5',
  errorKey: 'PLANTED-in-error-9e8d7c6b5a',
  newPassword: 'PLANTED-new-password-0c9b8a7f',
};

describeEachDialect('planted secrets', (ctx) => {
  let t: TestApp;
  let org: TestOrganization;
  let admin: TestSession;
  const responses: string[] = [];

  async function call(options: InjectOptions) {
    const res = await t.app.inject(options);
    responses.push(JSON.stringify(res.headers), res.body);
    return res;
  }

  before(async () => {
    t = await createTestApp(ctx.database);
    org = await createTestOrganization(t.services, 'Secrets Co');
    admin = await login(t.app, org.admin);
  });
  after(() => t.close());

  it('keeps a password out of logs and responses on failed and successful logins', async () => {
    await call({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.staff.email, password: PLANTED.password },
    });
    const created = await call({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        email: 'planted@secrets.test',
        name: 'Planted',
        role: 'staff',
        password: PLANTED.newPassword,
      },
    });
    assert.equal(created.statusCode, 201);
    const ok = await call({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'planted@secrets.test', password: PLANTED.newPassword },
    });
    assert.equal(ok.statusCode, 200);
    // Passwords are never logged, so the scrubber does not keep them in memory (item 8).
    assert.equal(scrubSecrets(PLANTED.password), PLANTED.password);
    assert.equal(scrubSecrets(PLANTED.newPassword), PLANTED.newPassword);
  });

  it('keeps a bearer token, a query value and a key in a bad field out of logs and responses', async () => {
    await call({
      method: 'GET',
      url: '/api/licenses',
      headers: { authorization: `Bearer ${PLANTED.bearer}` },
    });
    await call({
      method: 'GET',
      url: `/api/licenses?apiKey=${PLANTED.query}`,
      headers: admin.headers,
    });
    // A key pasted into the wrong field: validation must not echo the value back.
    await call({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { email: PLANTED.userKey, name: 'x', role: 'staff' },
    });
  });

  it('scrubs a Secret from an error message and from every kind of log call', async () => {
    const key = new Secret(PLANTED.errorKey);
    t.app.log.info({ userKey: PLANTED.errorKey }, 'by path');
    t.app.log.info({ credential: key }, 'as a Secret');
    t.app.log.info(`interpolated ${key}`);
    t.app.log.warn(`revealed by mistake ${key.reveal()}`);
    const original = t.services.licenses.list;
    t.services.licenses.list = async () => {
      throw new Error(`Metrc rejected key ${key.reveal()}`);
    };
    try {
      const res = await call({ method: 'GET', url: '/api/licenses', headers: admin.headers });
      assert.equal(res.statusCode, 500);
    } finally {
      t.services.licenses.list = original;
    }
  });

  it('finds none of the planted values in any log line or response', async () => {
    // Give the async log destination a moment; collected lines are in memory.
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(t.logLines.length > 10, 'the app did log');
    assert.ok(
      t.logLines.some((l) => l.includes('[REDACTED]')),
      'redaction happened',
    );
    for (const [name, value] of Object.entries(PLANTED)) {
      const inLogs = t.logLines.filter((line) => line.includes(value));
      assert.deepEqual(inLogs, [], `${name} leaked into logs`);
      const inResponses = responses.filter((text) => text.includes(value));
      assert.deepEqual(inResponses, [], `${name} leaked into responses`);
    }
  });

  it('stores passwords only as scrypt hashes', async () => {
    const rows = await ctx.database.db.selectFrom('users').select('password_hash').execute();
    for (const row of rows) {
      assert.match(row.password_hash, /^scrypt\$/);
      assert.equal(row.password_hash.includes(PLANTED.newPassword), false);
    }
  });
});
