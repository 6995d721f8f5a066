import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { SIGNUP_WINDOW_MS, SYSTEM_ACTOR } from '../../src/auth/index.ts';
import { createManualClock, Secret } from '../../src/lib/index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';
import { startTestMetrc, type TestMetrc } from '../helpers/test-metrc.ts';

const LIMIT = 2;

describeEachDialect('public sign-up: its own rate limit per client address', (ctx) => {
  const clock = createManualClock(new Date('2026-11-27T08:00:00.000Z'));
  let t: TestApp;
  let metrc: TestMetrc;
  let attempt = 0;

  before(async () => {
    metrc = await startTestMetrc();
    t = await createTestApp(ctx.database, {
      clock,
      metrc: metrc.client,
      config: { signupMaxPerHour: LIMIT },
    });
    await t.services.vendorKeys.set(SYSTEM_ACTOR, {
      state: 'ca',
      environment: 'production',
      key: new Secret(metrc.vendorKey('ca')),
    });
  });
  after(async () => {
    await t.close();
    await metrc.close();
  });

  /** A sign-up with a key Metrc refuses: it fails, but it is an attempt all the same. */
  const signUp = (remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/signup',
      remoteAddress,
      payload: {
        organization: `Spam ${++attempt}`,
        name: 'Someone',
        email: `someone${attempt}@spam.test`,
        password: 'a long enough passphrase',
        state: 'ca',
        apiKey: 'not-a-key-metrc-knows-0000000000000000',
      },
    });

  it('refuses the attempt over the limit with a stable code and Retry-After, per address', async () => {
    for (let i = 0; i < LIMIT; i++) {
      const res = await signUp('203.0.113.7');
      assert.notEqual(res.statusCode, 429, res.body);
    }
    const before = metrc.emulator.control.requests().length;
    const over = await signUp('203.0.113.7');
    assert.equal(over.statusCode, 429, over.body);
    assert.equal(over.json().code, 'SIGNUP_RATE_LIMITED');
    assert.equal(over.headers['retry-after'], String(SIGNUP_WINDOW_MS / 1000));
    assert.equal(metrc.emulator.control.requests().length, before, 'refused before any Metrc call');
    const other = await signUp('203.0.113.8');
    assert.notEqual(other.statusCode, 429, 'another address has its own allowance');
  });

  it('allows the address again once its window has ended', async () => {
    clock.advance(SIGNUP_WINDOW_MS);
    const res = await signUp('203.0.113.7');
    assert.notEqual(res.statusCode, 429, res.body);
  });
});
