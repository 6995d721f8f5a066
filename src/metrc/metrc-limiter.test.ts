import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RequestLogEntry } from '../emulator/index.ts';
import { createManualClock, Secret } from '../lib/index.ts';
import { createStrains } from './catalogue-endpoints.ts';
import { createMemoryRateLimitStore } from './memory-rate-limit-store.ts';
import { vendorKeyIdentity } from './metrc-http.ts';
import { createMetrcLimiter, LimiterWaitError } from './metrc-limiter.ts';
import { METRC_LIMITS, rulesFor } from './metrc-limits.ts';
import { listActivePackages } from './packages-endpoints.ts';
import { listFacilities } from './people-endpoints.ts';
import { type MetrcTestKit, startMetrcTestKit } from './testing/metrc-test-kit.ts';
import { assertAnsweredDespiteBunching } from './testing/paced-arrivals.ts';

const LICENSES = Array.from({ length: 6 }, (_, i) => `CA-SCALE-${String(i + 1).padStart(4, '0')}`);

/** Most exchanges the emulator was serving at once, from its log (start = end − duration). */
function maxConcurrent(entries: RequestLogEntry[]): number {
  const edges = entries.flatMap((e) => {
    const end = Date.parse(e.time);
    return [
      { at: end - e.durationMs, delta: 1 },
      { at: end, delta: -1 },
    ];
  });
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let most = 0;
  for (const edge of edges) {
    current += edge.delta;
    most = Math.max(most, current);
  }
  return most;
}

describe('limiter rules', () => {
  test('GETs draw from a vendor-key bucket and a license bucket; keys never hold a key or a host', () => {
    const vendorKey = new Secret('vendor-PLANTED-abcdef123456');
    const vendorKeyId = vendorKeyIdentity(vendorKey);
    const rules = rulesFor(METRC_LIMITS, {
      kind: 'get',
      vendorKeyId,
      state: 'ca',
      licenseNumber: 'c10-0000106-lic',
    });
    assert.deepEqual(
      rules.map((r) => r.key),
      [`get:vendor:${vendorKeyId}`, 'get:license:ca:C10-0000106-LIC'],
    );
    assert.deepEqual(
      rules.map((r) => r.maxInFlight),
      [30, 10],
    );
    assert.equal(rules[0]?.ratePerSecond, 150 * 0.95);
    assert.equal(rules[1]?.ratePerSecond, 50 * 0.95);
    for (const r of rules) {
      assert.equal(r.key.includes('PLANTED'), false);
      assert.equal(/metrc\.com|127\.0\.0\.1|http/.test(r.key), false);
    }
    const facilities = rulesFor(METRC_LIMITS, { kind: 'get', vendorKeyId, state: 'ca' });
    assert.equal(facilities.length, 1, 'a license-less GET counts against the vendor key only');
    const writes = rulesFor(METRC_LIMITS, {
      kind: 'write',
      vendorKeyId,
      state: 'ca',
      licenseNumber: 'C10-0000106-LIC',
    });
    assert.deepEqual(writes, [
      { key: 'write:license:ca:C10-0000106-LIC', ratePerSecond: 5, burst: 1, maxInFlight: 0 },
    ]);
  });

  test('a caller waits rather than fails, and can give up (nothing sent)', async () => {
    const clock = createManualClock();
    const limiter = createMetrcLimiter({
      store: createMemoryRateLimitStore(clock),
      limits: { vendorGetsInFlight: 1 },
      clock,
    });
    const request = { kind: 'get' as const, vendorKeyId: 'v', state: 'ca' };
    const first = await limiter.acquire(request);
    const controller = new AbortController();
    const second = limiter.acquire(request, { signal: controller.signal });
    const third = track(limiter.acquire(request));
    await clock.advanceAsync(1_000);
    controller.abort();
    await assert.rejects(
      second,
      (e: unknown) => e instanceof LimiterWaitError && e.reason === 'aborted',
    );
    assert.equal(third.settled(), false, 'waits while the only slot is held');
    first.release();
    (await third.promise).release();
    await limiter.close();
  });
});

/** A promise whose settlement a test can look at without awaiting it. */
function track<T>(promise: Promise<T>) {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  return { promise, settled: () => settled };
}

describe('limiter on a manual clock', () => {
  const get = (vendorKeyId: string, licenseNumber?: string) => ({
    kind: 'get' as const,
    vendorKeyId,
    state: 'ca',
    licenseNumber,
  });

  function limiterWith(
    limits: Parameters<typeof createMetrcLimiter>[0]['limits'],
    maxWaitMs?: number,
  ) {
    const clock = createManualClock();
    const limiter = createMetrcLimiter({
      store: createMemoryRateLimitStore(clock),
      limits,
      clock,
      maxWaitMs,
    });
    return { clock, limiter };
  }

  test('a write waits for its license token and is never granted early (5/s)', async () => {
    const { clock, limiter } = limiterWith({});
    const write = { kind: 'write' as const, vendorKeyId: 'v', state: 'ca', licenseNumber: 'L-1' };
    (await limiter.acquire(write)).release();
    const second = track(limiter.acquire(write));
    await clock.advanceAsync(199);
    assert.equal(second.settled(), false, 'no token before 200 ms');
    await clock.advanceAsync(1);
    assert.equal(second.settled(), true);
    (await second.promise).release();
    await limiter.close();
  });

  test('gives up after maxWaitMs with a timeout, having sent nothing', async () => {
    const { clock, limiter } = limiterWith({ vendorGetsInFlight: 1 }, 1_000);
    const held = await limiter.acquire(get('v'));
    const waiting = limiter.acquire(get('v'));
    const rejected = assert.rejects(
      waiting,
      (e: unknown) =>
        e instanceof LimiterWaitError && e.reason === 'timeout' && e.waitedMs === 1_000,
    );
    await clock.advanceAsync(1_000);
    await rejected;
    held.release();
    await limiter.close();
  });

  test('a busy license does not hold up another one', async () => {
    const { clock, limiter } = limiterWith({ licenseGetsInFlight: 1 });
    const busy = await limiter.acquire(get('v', 'L-BUSY'));
    const queued = Array.from({ length: 5 }, () => track(limiter.acquire(get('v', 'L-BUSY'))));
    await clock.advanceAsync(1_000);
    // Granted while every L-BUSY caller still waits for the one slot.
    const other = await limiter.acquire(get('v', 'L-OTHER'));
    assert.deepEqual(
      queued.map((q) => q.settled()),
      [false, false, false, false, false],
    );
    other.release();
    busy.release();
    for (const q of queued) {
      await clock.advanceAsync(1_000);
      (await q.promise).release();
    }
    await limiter.close();
  });

  test('a cap held by another process is polled with a backoff, and its release is seen within 50 ms', async () => {
    const clock = createManualClock();
    const inner = createMemoryRateLimitStore(clock);
    let calls = 0;
    const store = {
      ...inner,
      tryAcquire: (...args: Parameters<typeof inner.tryAcquire>) => {
        calls++;
        return inner.tryAcquire(...args);
      },
    };
    const limiter = createMetrcLimiter({ store, limits: { vendorGetsInFlight: 1 }, clock });
    // "Another process" holds the vendor key's only slot: taken from the store directly.
    const rules = rulesFor(limiter.limits, get('v'));
    const other = await inner.tryAcquire(rules, 60_000);
    assert.ok(other.granted);
    const waiting = track(limiter.acquire(get('v')));
    await clock.advanceAsync(1_000);
    assert.equal(waiting.settled(), false);
    // 5, 10, 20, 40, then every 50 ms: about 23 looks in a second, not 200.
    assert.ok(calls <= 25, `${calls} store calls in one second`);
    await inner.release(other.permit);
    await clock.advanceAsync(50);
    assert.equal(waiting.settled(), true, 'seen within the longest backoff');
    (await waiting.promise).release();
    await limiter.close();
  });

  test('two vendor keys each get their own budget', async () => {
    const { clock, limiter } = limiterWith({ vendorGetsPerSecond: 20 });
    // Drain key A's bucket (2 tokens) and leave a caller of A waiting for a token.
    for (let i = 0; i < 2; i++) (await limiter.acquire(get('key-a'))).release();
    const waitingA = track(limiter.acquire(get('key-a')));
    await clock.advanceAsync(1);
    assert.equal(waitingA.settled(), false);
    // Key B is not touched by A's empty bucket.
    for (let i = 0; i < 2; i++) (await limiter.acquire(get('key-b'))).release();
    assert.equal(waitingA.settled(), false);
    await clock.advanceAsync(100);
    (await waitingA.promise).release();
    await limiter.close();
  });
});

describe('limiter against the emulator (Metrc limits)', () => {
  let kit: MetrcTestKit;
  before(async () => {
    kit = await startMetrcTestKit({
      emulator: { scenario: 'scale', scenarioParams: { licenses: 6, packages: 40 } },
    });
  });
  after(() => kit.close());

  test('300 GETs over 6 licenses, 40 at a time: paced near 150/s per vendor key, refusals rare and retried', async () => {
    const api = kit.api('ca-owner');
    kit.mark();
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < 300) {
        const n = next++;
        await listActivePackages(api, {
          licenseNumber: LICENSES[n % LICENSES.length] ?? '',
          pageNumber: 1,
          pageSize: 1,
        });
      }
    };
    await Promise.all(Array.from({ length: 40 }, worker));
    const seconds = (performance.now() - started) / 1000;
    assertAnsweredDespiteBunching(kit.emulator.control.counters(), 300);
    // 300 GETs at 142.5/s after a 2-token burst take ~2.1 s; faster would break Metrc's limit.
    assert.ok(seconds >= 1.7, `too fast: ${seconds.toFixed(2)} s`);
    // How close to the limit it gets is measured by `npm run bench -- metrc-limiter`.
  });

  test('one license: at most 10 in flight and ~50/s, zero 429s', async () => {
    const fault = kit.emulator.control.addFault({ kind: 'latency', ms: 40, path: '/packages' });
    const api = kit.api('ca-owner');
    kit.mark();
    const started = performance.now();
    try {
      await Promise.all(
        Array.from({ length: 60 }, () =>
          listActivePackages(api, { licenseNumber: LICENSES[0] ?? '', pageNumber: 1, pageSize: 1 }),
        ),
      );
    } finally {
      kit.emulator.control.removeFault(fault.id);
    }
    const seconds = (performance.now() - started) / 1000;
    const entries = kit.requests({ pathPrefix: '/ca/packages' });
    assert.equal(entries.filter((e) => e.status === 429).length, 0);
    assert.ok(maxConcurrent(entries) <= 10, `in flight ${maxConcurrent(entries)}`);
    // 60 GETs at 47.5/s after a 2-token burst: ~1.2 s.
    assert.ok(seconds >= 1.0, `too fast: ${seconds.toFixed(2)} s`);
  });

  test('the vendor key: at most 30 in flight across licenses, zero 429s', async () => {
    const fault = kit.emulator.control.addFault({ kind: 'latency', ms: 150, path: '/packages' });
    const api = kit.api('ca-owner');
    kit.mark();
    try {
      await Promise.all(
        Array.from({ length: 90 }, (_, n) =>
          listActivePackages(api, {
            licenseNumber: LICENSES[n % LICENSES.length] ?? '',
            pageNumber: 1,
            pageSize: 1,
          }),
        ),
      );
    } finally {
      kit.emulator.control.removeFault(fault.id);
    }
    const entries = kit.requests({ pathPrefix: '/ca/packages' });
    assert.equal(entries.filter((e) => e.status === 429).length, 0);
    assert.ok(maxConcurrent(entries) <= 30, `in flight ${maxConcurrent(entries)}`);
  });

  test('writes are paced per license (5/s by default)', async () => {
    const api = kit.api('ca-owner');
    const started = performance.now();
    for (let i = 0; i < 3; i++) {
      await createStrains(api, {
        licenseNumber: LICENSES[2] ?? '',
        rows: [{ Name: `Paced ${i}`, IndicaPercentage: 50, SativaPercentage: 50 }],
      });
    }
    const seconds = (performance.now() - started) / 1000;
    assert.ok(seconds >= 0.35, `3 writes in ${seconds.toFixed(2)} s`);
  });
});

describe('limiter keyed by vendor key, not by host', () => {
  let kit: MetrcTestKit;
  before(async () => {
    // Metrc's limits on both sides: the emulator's strict default bucket (0.1 s deep).
    kit = await startMetrcTestKit();
  });
  after(() => kit.close());

  test('two vendor keys on one host each get their own budget', async () => {
    const ca = kit.api('ca-owner');
    const co = kit.api('co-owner');
    const timed = async (calls: () => Promise<unknown>[]) => {
      const started = performance.now();
      await Promise.all(calls());
      return (performance.now() - started) / 1000;
    };
    kit.mark();
    // 90 GETs of one key at 142.5/s: ~0.62 s.
    const alone = await timed(() => Array.from({ length: 90 }, () => listFacilities(ca)));
    // 90 more of that key and 90 of another key on the same host, at once: about as long if each
    // key has its own budget, twice as long if the limiter keyed them by host.
    const together = await timed(() => [
      ...Array.from({ length: 90 }, () => listFacilities(ca)),
      ...Array.from({ length: 90 }, () => listFacilities(co)),
    ]);
    assertAnsweredDespiteBunching(kit.emulator.control.counters(), 270);
    // (90 − 2 spare tokens) / 150 per second: faster would break Metrc's limit.
    assert.ok(alone >= 0.55, `too fast: ${alone.toFixed(2)} s`);
    // Each key at its own limit, never above: 90 GETs of a key cannot go faster than alone.
    assert.ok(together >= 0.55, `too fast: ${together.toFixed(2)} s`);
    // That the keys do not share a budget is proven on a manual clock above (no timing here);
    // the together/alone ratio is measured by `npm run bench -- metrc-limiter`.
  });
});
