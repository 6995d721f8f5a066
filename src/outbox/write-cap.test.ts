import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createTestDatabase } from '../../test/helpers/test-db.ts';
import { createManualClock, type ManualClock, systemClock } from '../lib/index.ts';
import {
  createMemoryRateLimitStore,
  createPostgresRateLimitStore,
  LimiterWaitError,
  type RateLimitStore,
} from '../metrc/index.ts';
import { createRedisRateLimitStore } from '../metrc/redis-rate-limit-store.ts';
import {
  postgresProblem,
  redisProblem,
  skipUnless,
  TEST_REDIS_URL,
  uniqueName,
} from '../metrc/testing/shared-stores.ts';
import { createWriteCap } from './write-cap.ts';

/**
 * Two caps over one store stand for two worker processes (each has its own limiter and waiters;
 * only the store is common). Shared stores are timed by their server's clock, so their lease
 * test waits for real, briefly; the memory store's clock is moved by hand.
 */
interface Backend {
  name: string;
  skip: string | false;
  clock?: ManualClock;
  /** Two handles on one store, as two processes would open it. */
  open(): Promise<{ a: RateLimitStore; b: RateLimitStore; close(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'memory',
    skip: false,
    async open() {
      const store = createMemoryRateLimitStore();
      return { a: store, b: store, close: () => store.close() };
    },
  },
  {
    name: 'postgres',
    skip: skipUnless(await postgresProblem(), 'PostgreSQL'),
    async open() {
      const database = await createTestDatabase('postgres');
      const a = await createPostgresRateLimitStore({ connectionString: database.location });
      const b = await createPostgresRateLimitStore({ connectionString: database.location });
      return {
        a,
        b,
        async close() {
          await a.close();
          await b.close();
          await database.drop();
        },
      };
    },
  },
  {
    name: 'redis',
    skip: skipUnless(await redisProblem(), 'Redis'),
    async open() {
      const keyPrefix = `${uniqueName('tracegate-test')}:`;
      const a = await createRedisRateLimitStore({ url: TEST_REDIS_URL, keyPrefix });
      const b = await createRedisRateLimitStore({ url: TEST_REDIS_URL, keyPrefix });
      return {
        a,
        b,
        async close() {
          await a.drop();
          await a.close();
          await b.close();
        },
      };
    },
  },
];

const LIMIT = 3;
const tick = () => new Promise((resolve) => setImmediate(resolve));

for (const backend of backends) {
  describe(`outbox write cap (${backend.name} store)`, { skip: backend.skip }, () => {
    const opened: Array<{ close(): Promise<void> }> = [];
    after(async () => {
      for (const o of opened) await o.close();
    });

    test('two workers over one store never hold more than the cap together', async () => {
      const stores = await backend.open();
      opened.push(stores);
      const caps = [stores.a, stores.b].map((store) =>
        createWriteCap({ limit: LIMIT, store, leaseMs: 60_000, maxWaitMs: 30_000 }),
      );
      let inFlight = 0;
      let peak = 0;
      let done = 0;
      await Promise.all(
        Array.from({ length: 24 }, async (_, n) => {
          const cap = caps[n % 2];
          assert.ok(cap);
          const release = await cap.acquire('vendor-1');
          inFlight++;
          peak = Math.max(peak, inFlight);
          // A write's round trip: long enough that the other worker is waiting meanwhile (a
          // shared store answers over the network, so its holds last a few real milliseconds).
          if (backend.name === 'memory') for (let i = 0; i < 5; i++) await tick();
          else await new Promise((resolve) => setTimeout(resolve, 10));
          inFlight--;
          done++;
          release();
        }),
      );
      assert.equal(done, 24);
      assert.equal(peak, LIMIT, 'the cap is reached and never passed');
      // Another vendor key has its own slots.
      const other = await caps[0]?.acquire('vendor-2');
      other?.();
    });

    test("a dead worker's slots come back after their lease", async () => {
      const stores = await backend.open();
      opened.push(stores);
      const clock = backend.name === 'memory' ? createManualClock() : undefined;
      // Memory: the store and the survivor's timers run on the manual clock.
      const store = clock ? createMemoryRateLimitStore(clock) : stores.a;
      const leaseMs = clock ? 90_000 : 400;
      const dead = createWriteCap({ limit: LIMIT, store, leaseMs, maxWaitMs: 10 * leaseMs });
      for (let i = 0; i < LIMIT; i++) await dead.acquire('vendor-1'); // never released: killed
      const survivor = createWriteCap({
        limit: LIMIT,
        store: clock ? store : stores.b,
        leaseMs,
        maxWaitMs: 10 * leaseMs,
        ...(clock ? { clock } : { clock: systemClock }),
      });
      let granted = false;
      const waiting = survivor.acquire('vendor-1').then((release) => {
        granted = true;
        return release;
      });
      if (clock) {
        await clock.advanceAsync(leaseMs - 1_000);
        assert.equal(granted, false, 'slots are held while the lease runs');
        await clock.advanceAsync(2_000);
      } else {
        await new Promise((resolve) => setTimeout(resolve, leaseMs / 2));
        assert.equal(granted, false, 'slots are held while the lease runs');
      }
      const release = await Promise.race([
        waiting,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('slot never came back')), 5_000).unref(),
        ),
      ]);
      assert.equal(granted, true);
      release();
    });
  });
}

test('a wait for a slot ends after maxWaitMs with LimiterWaitError (the batch retries later)', async () => {
  const clock = createManualClock();
  const store = createMemoryRateLimitStore(clock);
  const cap = createWriteCap({ limit: 1, store, leaseMs: 90_000, maxWaitMs: 5_000, clock });
  const held = await cap.acquire('vendor-1');
  const waiting = cap.acquire('vendor-1');
  const outcome = waiting.then(
    () => 'granted',
    (error: unknown) => error,
  );
  await clock.advanceAsync(5_001);
  const error = await outcome;
  assert.ok(error instanceof LimiterWaitError);
  assert.equal(error.reason, 'timeout');
  assert.equal(cap.inFlight('vendor-1'), 1, 'only the holder');
  held();
  const next = await cap.acquire('vendor-1');
  next();
});

describe('outbox write cap handover', () => {
  /** A memory store that counts what reaches it. */
  function countingStore(clock: ManualClock) {
    const inner = createMemoryRateLimitStore(clock);
    const calls = { tryAcquire: 0, release: 0 };
    const store: RateLimitStore = {
      kind: inner.kind,
      tryAcquire: (rules, leaseMs) => {
        calls.tryAcquire++;
        return inner.tryAcquire(rules, leaseMs);
      },
      release: (permit) => {
        calls.release++;
        return inner.release(permit);
      },
      close: () => inner.close(),
    };
    return { store, calls };
  }

  test("a released slot goes to this process's next waiting write, without the store", async () => {
    const clock = createManualClock();
    const { store, calls } = countingStore(clock);
    const cap = createWriteCap({ limit: 1, store, leaseMs: 90_000, maxWaitMs: 30_000, clock });
    const first = await cap.acquire('vendor-1');
    const second = cap.acquire('vendor-1');
    const third = cap.acquire('vendor-1');
    await tick();
    const asked = calls.tryAcquire;
    first();
    const releaseSecond = await second;
    assert.equal(calls.release, 0, 'the slot never went back to the store');
    assert.equal(calls.tryAcquire, asked, 'nor was a new one asked for');
    assert.equal(cap.inFlight('vendor-1'), 1, 'still one write in flight');
    releaseSecond();
    const releaseThird = await third;
    assert.equal(cap.inFlight('vendor-1'), 1);
    releaseThird();
    assert.equal(calls.release, 1, 'with no one waiting, the slot goes back');
    assert.equal(cap.inFlight('vendor-1'), 0);
    // The store has it again: another process (a second cap on the same store) gets it now.
    const other = createWriteCap({ limit: 1, store, leaseMs: 90_000, maxWaitMs: 30_000, clock });
    const otherRelease = await other.acquire('vendor-1');
    otherRelease();
  });

  test('a slot held past the handover window goes back to the store: other processes get a turn', async () => {
    const clock = createManualClock();
    const { store, calls } = countingStore(clock);
    const mine = createWriteCap({ limit: 1, store, leaseMs: 90_000, maxWaitMs: 30_000, clock });
    const theirs = createWriteCap({ limit: 1, store, leaseMs: 90_000, maxWaitMs: 30_000, clock });
    const first = await mine.acquire('vendor-1');
    const theirTurn = theirs.acquire('vendor-1');
    const myNext = mine.acquire('vendor-1');
    let mineGranted = false;
    void myNext.then(() => {
      mineGranted = true;
    });
    await clock.advanceAsync(1_500);
    first();
    assert.equal(calls.release, 1, 'an old slot is returned, not handed over');
    // Whoever polls first gets it; both are served and the cap is never passed.
    await clock.advanceAsync(100);
    const granted = await Promise.race([theirTurn.then(() => 'theirs'), myNext.then(() => 'mine')]);
    assert.ok(granted === 'theirs' || granted === 'mine');
    assert.equal(mine.inFlight('vendor-1') + theirs.inFlight('vendor-1'), 1);
    if (granted === 'theirs') {
      assert.equal(mineGranted, false);
      (await theirTurn)();
      await clock.advanceAsync(100);
      (await myNext)();
    } else {
      (await myNext)();
      await clock.advanceAsync(100);
      (await theirTurn)();
    }
    assert.equal(mine.inFlight('vendor-1') + theirs.inFlight('vendor-1'), 0);
  });

  test('a write granted by the store just as a slot was handed to it gives one back', async () => {
    const clock = createManualClock();
    const { store, calls } = countingStore(clock);
    const cap = createWriteCap({ limit: 2, store, leaseMs: 90_000, maxWaitMs: 30_000, clock });
    const first = await cap.acquire('vendor-1');
    // Room for it in the store: its own grant is on the way when `first` is released.
    const second = cap.acquire('vendor-1');
    first();
    const releaseSecond = await second;
    await tick();
    await tick();
    assert.equal(cap.inFlight('vendor-1'), 1, 'one slot, not two');
    releaseSecond();
    await tick();
    // Both permits are back: the limit (2) is free again.
    const a = await cap.acquire('vendor-1');
    const b = await cap.acquire('vendor-1');
    assert.equal(cap.inFlight('vendor-1'), 2);
    a();
    b();
    assert.ok(calls.release >= 2);
  });
});
