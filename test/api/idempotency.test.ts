import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createDatabase } from '../../src/db/index.ts';
import { Secret } from '../../src/lib/index.ts';
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

let seq = 0;
const newKey = () => `key-${process.pid}-${++seq}-${Date.now().toString(36)}`;
const license = (overrides: Record<string, unknown> = {}) => ({
  number: `C11-${process.pid}-${++seq}-LIC`,
  state: 'ca',
  licenseType: 'Retailer',
  name: 'Main Street',
  ...overrides,
});

describeEachDialect('Idempotency-Key on API writes', (ctx) => {
  let t: TestApp;
  let org: TestOrganization;
  let admin: TestSession;
  let bearer: { authorization: string };

  before(async () => {
    t = await createTestApp(ctx.database);
    org = await createTestOrganization(t.services, 'Idem Co');
    admin = await login(t.app, org.admin);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: admin.headers,
      payload: { name: 'pos', role: 'admin' },
    });
    bearer = { authorization: `Bearer ${created.json().token}` };
  });
  after(() => t.close());

  const licenseCount = async (number: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/licenses', headers: bearer });
    return (res.json().licenses as { number: string }[]).filter((l) => l.number === number).length;
  };
  const post = (key: string | undefined, payload: unknown, headers: object = bearer) =>
    t.app.inject({
      method: 'POST',
      url: '/api/licenses',
      headers: { ...headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload: payload as Record<string, unknown>,
    });

  it('answers a retry with the first answer, marked as replayed, and runs the write once', async () => {
    const key = newKey();
    const body = license();
    const first = await post(key, body);
    assert.equal(first.statusCode, 201);
    assert.equal(first.headers['idempotent-replayed'], undefined);
    // Same body with its fields in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await post(key, reordered);
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.match(String(again.headers['content-type']), /application\/json/);
    assert.deepEqual(again.json(), first.json());
    assert.equal(await licenseCount(body.number), 1);
  });

  it('refuses the same key with another body or URL with IDEMPOTENCY_KEY_REUSED, and runs nothing', async () => {
    const key = newKey();
    const body = license();
    assert.equal((await post(key, body)).statusCode, 201);
    const other = license();
    const reused = await post(key, other);
    assert.equal(reused.statusCode, 409);
    assert.equal(errorCode(reused), 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(await licenseCount(other.number), 0);
    const elsewhere = await t.app.inject({
      method: 'PATCH',
      url: `/api/licenses/${(await post(key, body)).json().id}`,
      headers: { ...bearer, 'idempotency-key': key },
      payload: { name: 'Renamed' },
    });
    assert.equal(errorCode(elsewhere), 'IDEMPOTENCY_KEY_REUSED');
  });

  it('scopes keys to the caller: the same key from a person and from a token are two requests', async () => {
    const key = newKey();
    const fromToken = await post(key, license());
    const fromPerson = await post(key, license(), admin.headers);
    assert.equal(fromToken.statusCode, 201);
    assert.equal(fromPerson.statusCode, 201);
    assert.equal(fromPerson.headers['idempotent-replayed'], undefined);
    assert.notEqual(fromToken.json().id, fromPerson.json().id);
  });

  it('refuses malformed keys with 400 IDEMPOTENCY_KEY_INVALID before anything runs', async () => {
    for (const bad of ['', 'has space', 'x'.repeat(256), 'ünïcode', 'semi;colon']) {
      const body = license();
      const res = await post(bad, body);
      assert.equal(res.statusCode, 400, `key ${JSON.stringify(bad)}`);
      assert.equal(errorCode(res), 'IDEMPOTENCY_KEY_INVALID');
      assert.equal(await licenseCount(body.number), 0);
    }
    assert.equal((await post('x'.repeat(255), license())).statusCode, 201);
  });

  it('keeps 4xx answers: a retry of a refused write gets the same refusal', async () => {
    const key = newKey();
    const missing = await t.app.inject({
      method: 'PATCH',
      url: '/api/licenses/987654',
      headers: { ...bearer, 'idempotency-key': key },
      payload: { name: 'Ghost' },
    });
    assert.equal(missing.statusCode, 404);
    const again = await t.app.inject({
      method: 'PATCH',
      url: '/api/licenses/987654',
      headers: { ...bearer, 'idempotency-key': key },
      payload: { name: 'Ghost' },
    });
    assert.equal(again.statusCode, 404);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(errorCode(again), errorCode(missing));
  });

  it('forgets 5xx answers, so a retry runs again', async () => {
    const key = newKey();
    const body = license();
    const licenses = t.services.licenses;
    const original = licenses.create;
    licenses.create = async () => {
      throw new Error('database went away');
    };
    try {
      assert.equal((await post(key, body)).statusCode, 500);
    } finally {
      licenses.create = original;
    }
    const retry = await post(key, body);
    assert.equal(retry.statusCode, 201);
    assert.equal(retry.headers['idempotent-replayed'], undefined);
    assert.equal(await licenseCount(body.number), 1);
  });

  it('runs exactly one of two overlapping requests; the other gets IDEMPOTENCY_KEY_IN_PROGRESS', async () => {
    const key = newKey();
    const body = license();
    const licenses = t.services.licenses;
    const original = licenses.create;
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    licenses.create = async (...args) => {
      runs++;
      entered();
      await gate;
      return original(...args);
    };
    try {
      const first = post(key, body);
      await inHandler;
      const second = await post(key, body);
      assert.equal(second.statusCode, 409);
      assert.equal(errorCode(second), 'IDEMPOTENCY_KEY_IN_PROGRESS');
      assert.equal(second.headers['retry-after'], '1');
      release();
      assert.equal((await first).statusCode, 201);
    } finally {
      licenses.create = original;
    }
    assert.equal(runs, 1);
    const third = await post(key, body);
    assert.equal(third.headers['idempotent-replayed'], 'true');
    assert.equal(await licenseCount(body.number), 1);
  });

  it('runs a burst of 12 identical requests once', async () => {
    const key = newKey();
    const body = license();
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(key, body)));
    const ran = answers.filter((r) => r.statusCode === 201 && !r.headers['idempotent-replayed']);
    assert.equal(ran.length, 1);
    for (const res of answers) {
      if (res.statusCode === 409) assert.equal(errorCode(res), 'IDEMPOTENCY_KEY_IN_PROGRESS');
      else assert.equal(res.statusCode, 201);
    }
    assert.equal(await licenseCount(body.number), 1);
  });

  it('never stores an answer that carries a secret: token creation runs once, its retry is withheld', async () => {
    const key = newKey();
    const create = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { ...admin.headers, 'idempotency-key': key },
        payload: { name: `erp-${key}`, role: 'staff' },
      });
    const first = await create();
    assert.equal(first.statusCode, 201);
    const token = first.json().token as string;
    const retry = await create();
    assert.equal(retry.statusCode, 409);
    assert.equal(errorCode(retry), 'IDEMPOTENCY_RESPONSE_WITHHELD');
    assert.equal(retry.json().details.originalStatus, 201);
    assert.ok(!retry.body.includes(token));
    const list = await t.app.inject({ method: 'GET', url: '/api/tokens', headers: admin.headers });
    const named = (list.json().tokens as { name: string }[]).filter((x) => x.name === `erp-${key}`);
    assert.equal(named.length, 1);
    assert.ok(!(await allStoredText()).includes(token));
  });

  it('withholds any answer in which a secret the process knows appears (planted key)', async () => {
    const planted = `PLANTED-METRC-KEY-${process.pid}-${seq}`;
    new Secret(planted); // as if pasted earlier: the process now knows it is secret
    const key = newKey();
    const body = license({ name: planted });
    const first = await post(key, body);
    assert.equal(first.statusCode, 201);
    assert.equal(errorCode(await post(key, body)), 'IDEMPOTENCY_RESPONSE_WITHHELD');
    assert.ok(!(await allStoredText()).includes(planted));
  });

  it('keeps no password, not even in the request fingerprint', async () => {
    const password = `member password ${process.pid} ${seq}`;
    const key = newKey();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...admin.headers, 'idempotency-key': key },
      payload: { email: `new-${seq}@idem.test`, name: 'New', role: 'staff', password },
    });
    assert.equal(res.statusCode, 201, res.body);
    const stored = await allStoredText();
    assert.ok(!stored.includes(password));
    assert.ok(!stored.includes(Buffer.from(password).toString('base64')));
  });

  it('shares keys between processes: a retry that lands on another process gets the first answer', async () => {
    const own = createDatabase(
      ctx.dialect === 'sqlite'
        ? { kind: 'sqlite', path: ctx.database.location }
        : { kind: 'postgres', url: ctx.database.location },
    );
    const other = await createTestApp(
      { ...own, location: ctx.database.location, drop: own.close },
      { config: { dataDir: t.services.config.dataDir } },
    );
    try {
      const key = newKey();
      const body = license();
      const first = await post(key, body);
      const retry = await other.app.inject({
        method: 'POST',
        url: '/api/licenses',
        headers: { ...bearer, 'idempotency-key': key },
        payload: body,
      });
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.deepEqual(retry.json(), first.json());
      assert.equal(await licenseCount(body.number), 1);
    } finally {
      await other.close();
      await own.close();
    }
  });

  it('ignores the header on public writes (no caller to scope it to)', async () => {
    const key = newKey();
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'idempotency-key': key },
        payload: { email: org.staff.email, password: org.staff.password },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['idempotent-replayed'], undefined);
    }
  });

  async function allStoredText(): Promise<string> {
    const rows = await ctx.database.db.selectFrom('idempotency_keys').selectAll().execute();
    return JSON.stringify(rows);
  }
});
