import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { MAX_CONCURRENT_HASHES, passwordHashingGate } from '../../src/auth/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { createManualClock } from '../../src/lib/index.ts';
import {
  createTestApp,
  createTestOrganization,
  errorCode,
  type TestApp,
  type TestOrganization,
} from '../helpers/test-app.ts';
import { describeEachDialect, type TestDatabase } from '../helpers/test-db.ts';

// Small, so the address allowance (4×) is reached with few scrypt hashes on a busy machine.
const LIMIT = 3;

describeEachDialect('login limiter over HTTP', (ctx) => {
  const clock = createManualClock(new Date('2026-11-27T08:00:00.000Z'));
  let t: TestApp;
  let second: TestApp;
  let secondDatabase: TestDatabase;
  let org: TestOrganization;
  let address = 0;
  /** Each test its own client address, so only the counter under test fills up. */
  const nextAddress = () => `10.0.${process.pid % 200}.${++address}`;
  const config = { loginMaxFailures: LIMIT, loginWindowSeconds: 60 };

  before(async () => {
    t = await createTestApp(ctx.database, { clock, config });
    // A second "process": its own connection pool to the same database, its own services.
    const own = createDatabase(
      ctx.dialect === 'sqlite'
        ? { kind: 'sqlite', path: ctx.database.location }
        : { kind: 'postgres', url: ctx.database.location },
    );
    secondDatabase = { ...own, location: ctx.database.location, drop: own.close };
    second = await createTestApp(secondDatabase, {
      clock,
      config: { ...config, dataDir: t.services.config.dataDir },
    });
    org = await createTestOrganization(t.services, 'Limiter Co');
  });
  after(async () => {
    await second.close();
    await secondDatabase.drop();
    await t.close();
  });

  const attempt = (app: TestApp, email: string, password: string, remoteAddress: string) =>
    app.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      payload: { email, password },
    });

  it('lets at most the limit of 40 parallel wrong passwords reach the hash, and never more than the cap hash at once', async () => {
    // Spread over 40 addresses (a botnet), so only the e-mail's counter can stop them.
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        attempt(t, org.staff.email, 'wrong password, guessing', nextAddress()),
      ),
    );
    const hashed = answers.filter((r) => r.statusCode === 401);
    const limited = answers.filter((r) => r.statusCode === 429);
    assert.equal(hashed.length, LIMIT);
    assert.equal(limited.length, 40 - LIMIT);
    for (const res of limited) assert.equal(errorCode(res), 'AUTH_RATE_LIMITED');
    assert.ok(passwordHashingGate.stats().peak <= MAX_CONCURRENT_HASHES);
    // Locked out: even the right password waits for the window.
    const right = await attempt(t, org.staff.email, org.staff.password, nextAddress());
    assert.equal(errorCode(right), 'AUTH_RATE_LIMITED');
    assert.ok(Number(right.headers['retry-after']) > 0);
  });

  it('lets at most the limit through when 40 parallel guesses share one address too', async () => {
    const from = nextAddress();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => attempt(t, 'ghost@limiter.test', 'guessing', from)),
    );
    const hashed = answers.filter((r) => r.statusCode === 401).length;
    assert.ok(hashed <= LIMIT, `${hashed} reached the hash`);
    assert.equal(answers.filter((r) => r.statusCode === 429).length, 40 - hashed);
  });

  it('shares the count between processes of one deployment', async () => {
    const email = org.manager.email;
    for (let i = 0; i < LIMIT - 1; i++) {
      assert.equal((await attempt(t, email, 'nope nope nope', nextAddress())).statusCode, 401);
    }
    for (let i = 0; i < 1; i++) {
      assert.equal((await attempt(second, email, 'nope nope', nextAddress())).statusCode, 401);
    }
    const overThere = await attempt(second, email, org.manager.password, nextAddress());
    assert.equal(errorCode(overThere), 'AUTH_RATE_LIMITED');
    const overHere = await attempt(t, email, org.manager.password, nextAddress());
    assert.equal(errorCode(overHere), 'AUTH_RATE_LIMITED');
  });

  it('opens again once the window has passed', async () => {
    const email = org.manager.email;
    assert.equal(
      errorCode(await attempt(t, email, org.manager.password, nextAddress())),
      'AUTH_RATE_LIMITED',
    );
    clock.advance(60_000);
    assert.equal((await attempt(t, email, org.manager.password, nextAddress())).statusCode, 200);
  });

  it("lifts an e-mail's lockout when an admin resets the password", async () => {
    const email = org.admin.email;
    for (let i = 0; i < LIMIT + 1; i++) await attempt(t, email, 'not it at all', nextAddress());
    assert.equal(
      errorCode(await attempt(t, email, org.admin.password, nextAddress())),
      'AUTH_RATE_LIMITED',
    );
    const oneTime = await t.services.identity.resetPassword(email);
    const res = await attempt(second, email, oneTime.reveal(), nextAddress());
    assert.equal(res.statusCode, 200, res.body);
  });

  it('limits one address across many e-mails, but not people who sign in correctly', async () => {
    const from = nextAddress();
    clock.advance(60_000); // past the earlier tests' lockouts
    // Right passwords give their attempt back: a shared shop computer signs in all day.
    for (let i = 0; i < LIMIT + 2; i++) {
      const res = await attempt(t, org.staff.email, org.staff.password, from);
      assert.equal(res.statusCode, 200, res.body);
    }
    // Spraying: one wrong guess each at many accounts from one address.
    const codes: number[] = [];
    for (let i = 0; i < LIMIT * 4 + 1; i++) {
      codes.push((await attempt(t, `nobody${i}@spray.test`, 'guess guess', from)).statusCode);
    }
    assert.deepEqual(codes.slice(0, LIMIT * 4), Array(LIMIT * 4).fill(401));
    assert.equal(codes.at(-1), 429);
  });
});
