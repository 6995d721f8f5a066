import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase } from '../../test/helpers/test-db.ts';
import { createManualClock, type ManualClock } from '../lib/index.ts';
import { createMemoryRateLimitStore } from './memory-rate-limit-store.ts';
import { createPostgresRateLimitStore } from './postgres-rate-limit-store.ts';
import type { LimitRule, RateLimitStore, StorePermit } from './rate-limit-store.ts';
import { createRedisRateLimitStore } from './redis-rate-limit-store.ts';
import {
  postgresProblem,
  redisProblem,
  skipUnless,
  TEST_REDIS_URL,
  uniqueName,
} from './testing/shared-stores.ts';

const LEASE_MS = 60_000;

interface StoreFactory {
  name: string;
  skip: string | false;
  /** The store's clock when a test can move it (memory); shared stores use their server's. */
  clock?: ManualClock;
  open(): Promise<RateLimitStore & { drop?(): Promise<void> }>;
}

const memoryClock = createManualClock();
const factories: StoreFactory[] = [
  {
    name: 'memory',
    skip: false,
    clock: memoryClock,
    open: async () => createMemoryRateLimitStore(memoryClock),
  },
  {
    name: 'postgres',
    skip: skipUnless(await postgresProblem(), 'PostgreSQL'),
    async open() {
      // The store's tables and function come from the migrations.
      const database = await createTestDatabase('postgres');
      const store = await createPostgresRateLimitStore({ connectionString: database.location });
      return {
        ...store,
        close: async () => {},
        async drop() {
          await store.close();
          await database.drop();
        },
      };
    },
  },
  {
    name: 'redis',
    skip: skipUnless(await redisProblem(), 'Redis'),
    open: () =>
      createRedisRateLimitStore({
        url: TEST_REDIS_URL,
        keyPrefix: `${uniqueName('tracegate-test')}:`,
      }),
  },
];

let serial = 0;
/** A fresh rule key per test, so tests do not share buckets. */
const rule = (partial: Partial<LimitRule>): LimitRule => ({
  key: `rule-${++serial}`,
  ratePerSecond: 0,
  burst: 1,
  maxInFlight: 0,
  ...partial,
});

/**
 * Lets `ms` of store time pass: moves a manual clock, or — for a store timed by its server —
 * retries until `ready` holds, bounded (a deadline, not a timing assertion).
 */
async function letTimePass(factory: StoreFactory, ms: number, ready: () => Promise<boolean>) {
  if (factory.clock) {
    factory.clock.advance(ms);
    assert.equal(await ready(), true);
    return;
  }
  const deadline = Date.now() + 10_000 + ms;
  while (!(await ready())) {
    assert.ok(Date.now() < deadline, 'the store never refilled');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

for (const factory of factories) {
  describe(`RateLimitStore contract: ${factory.name}`, { skip: factory.skip }, () => {
    let store: RateLimitStore & { drop?(): Promise<void> };
    before(async () => {
      store = await factory.open();
    });
    after(async () => {
      await store?.drop?.();
      await store?.close();
    });

    test('a fresh bucket is full; when empty it says when the next token comes', async () => {
      // One token a second: the four calls below finish well inside it on a busy machine, and
      // PostgreSQL and Redis refill on their own clocks, which a test cannot stop.
      const bucket = rule({ ratePerSecond: 1, burst: 3 });
      for (let i = 0; i < 3; i++)
        assert.equal((await store.tryAcquire([bucket], LEASE_MS)).granted, true);
      const refused = await store.tryAcquire([bucket], LEASE_MS);
      assert.equal(refused.granted, false);
      if (refused.granted) return;
      assert.equal(refused.refusals[0]?.key, bucket.key);
      assert.equal(refused.refusals[0]?.reason, 'rate');
      const wait = refused.refusals[0]?.retryInMs ?? -1;
      assert.ok(wait > 0 && wait <= 1000, `retry in ${wait} ms`);
      await letTimePass(
        factory,
        wait,
        async () => (await store.tryAcquire([bucket], LEASE_MS)).granted,
      );
    });

    test('all rules or none: a refused license rule costs the vendor rule nothing', async () => {
      const vendor = rule({ ratePerSecond: 1, burst: 3 });
      const license = rule({ ratePerSecond: 1, burst: 1 });
      assert.equal((await store.tryAcquire([vendor, license], LEASE_MS)).granted, true);
      const refused = await store.tryAcquire([license, vendor], LEASE_MS);
      assert.equal(refused.granted, false);
      if (!refused.granted)
        assert.deepEqual(
          refused.refusals.map((r) => r.key),
          [license.key],
        );
      // The vendor bucket still holds its two tokens.
      assert.equal((await store.tryAcquire([vendor], LEASE_MS)).granted, true);
      assert.equal((await store.tryAcquire([vendor], LEASE_MS)).granted, true);
      assert.equal((await store.tryAcquire([vendor], LEASE_MS)).granted, false);
    });

    test('an in-flight cap holds until release; release is idempotent', async () => {
      const cap = rule({ maxInFlight: 2 });
      const permits: StorePermit[] = [];
      for (let i = 0; i < 2; i++) {
        const result = await store.tryAcquire([cap], LEASE_MS);
        assert.equal(result.granted, true);
        if (result.granted) permits.push(result.permit);
      }
      const refused = await store.tryAcquire([cap], LEASE_MS);
      assert.equal(refused.granted, false);
      if (!refused.granted) {
        assert.equal(refused.refusals[0]?.reason, 'in-flight');
        assert.equal(refused.refusals[0]?.retryInMs, null);
      }
      const [first] = permits;
      assert.ok(first);
      await store.release(first);
      await store.release(first);
      assert.equal((await store.tryAcquire([cap], LEASE_MS)).granted, true);
      assert.equal((await store.tryAcquire([cap], LEASE_MS)).granted, false);
    });

    test("a crashed holder's slot comes back when its lease expires", async () => {
      const cap = rule({ maxInFlight: 1 });
      assert.equal((await store.tryAcquire([cap], LEASE_MS)).granted, true);
      assert.equal((await store.tryAcquire([cap], LEASE_MS)).granted, false, 'held, not expired');
      const other = rule({ maxInFlight: 1 });
      // A zero lease is expired by the next acquisition, on whichever clock the store uses.
      assert.equal((await store.tryAcquire([other], 0)).granted, true);
      assert.equal((await store.tryAcquire([other], LEASE_MS)).granted, true);
      assert.equal((await store.tryAcquire([other], LEASE_MS)).granted, false);
    });

    test('concurrent acquisitions never exceed a cap or a bucket', async () => {
      const cap = rule({ maxInFlight: 10 });
      const bucket = rule({ ratePerSecond: 0.001, burst: 7 });
      const [caps, buckets] = await Promise.all([
        Promise.all(Array.from({ length: 40 }, () => store.tryAcquire([cap], LEASE_MS))),
        Promise.all(Array.from({ length: 40 }, () => store.tryAcquire([bucket], LEASE_MS))),
      ]);
      assert.equal(caps.filter((r) => r.granted).length, 10);
      assert.equal(buckets.filter((r) => r.granted).length, 7);
    });

    test('a bucket refills at its rate, up to its depth', { skip: !factory.clock }, async () => {
      const clock = factory.clock ?? assert.fail();
      const bucket = rule({ ratePerSecond: 50, burst: 2 });
      assert.equal((await store.tryAcquire([bucket], LEASE_MS)).granted, true);
      assert.equal((await store.tryAcquire([bucket], LEASE_MS)).granted, true);
      assert.equal((await store.tryAcquire([bucket], LEASE_MS)).granted, false);
      clock.advance(19);
      assert.equal((await store.tryAcquire([bucket], LEASE_MS)).granted, false, 'not before 20 ms');
      clock.advance(1);
      assert.equal((await store.tryAcquire([bucket], LEASE_MS)).granted, true);
      clock.advance(200); // 10 tokens' worth, capped at 2
      assert.equal((await store.tryAcquire([bucket], LEASE_MS)).granted, true);
      assert.equal((await store.tryAcquire([bucket], LEASE_MS)).granted, true);
      assert.equal((await store.tryAcquire([bucket], LEASE_MS)).granted, false);
    });

    test('a bucket never grants more than its depth plus its rate over the time taken', async () => {
      // For stores timed by their server: an upper bound that holds however slow the machine is.
      const bucket = rule({ ratePerSecond: 50, burst: 2 });
      const started = performance.now();
      let granted = 0;
      for (let i = 0; i < 20; i++) {
        if ((await store.tryAcquire([bucket], LEASE_MS)).granted) granted++;
      }
      const elapsedMs = performance.now() - started;
      assert.ok(granted >= 2, 'a fresh bucket is full');
      assert.ok(
        granted <= 2 + Math.floor((50 * elapsedMs) / 1000),
        `${granted} granted in ${elapsedMs.toFixed(1)} ms`,
      );
    });
  });
}
