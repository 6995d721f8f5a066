import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createManualClock } from '../lib/index.ts';
import { createMemoryRateLimitStore } from '../metrc/index.ts';
import { retryDelayMs } from './backoff-fns.ts';
import { createStateCircuits } from './state-circuits.ts';
import { createWriteCap } from './write-cap.ts';

describe('outbox edges', () => {
  it('backs off exponentially with a cap, never sooner than Retry-After', () => {
    const delay = (attempts: number, retryAfterMs?: number) =>
      retryDelayMs({ attempts, retryAfterMs, baseMs: 1_000, maxMs: 60_000 }, () => 0.5);
    assert.deepEqual(
      [1, 2, 3, 10].map((n) => delay(n)),
      [1_000, 2_000, 4_000, 60_000],
    );
    assert.equal(delay(1, 30_000), 30_000);
  });

  it('never lets more writes than the cap be in flight per vendor key', async () => {
    const cap = createWriteCap({
      limit: 2,
      store: createMemoryRateLimitStore(),
      leaseMs: 60_000,
      maxWaitMs: 60_000,
    });
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const release = await cap.acquire('v1');
        inFlight++;
        peak = Math.max(peak, inFlight);
        for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        release();
      }),
    );
    assert.equal(peak, 2);
    assert.equal(cap.inFlight('v1'), 0);
  });

  it('opens a state circuit after consecutive failures, grants one probe, closes on success', () => {
    const clock = createManualClock();
    const circuits = createStateCircuits({ clock, threshold: 2, probeMs: 1_000, maxMs: 10_000 });
    assert.equal(circuits.admit('ca'), null);
    circuits.failure('ca');
    circuits.failure('ca');
    assert.ok(circuits.admit('ca'), 'open: wait');
    assert.equal(circuits.admit('co'), null, 'other states unaffected');
    clock.advance(1_000);
    assert.equal(circuits.admit('ca'), null, 'the probe');
    assert.ok(circuits.admit('ca'), 'only one probe at a time');
    circuits.success('ca');
    assert.equal(circuits.admit('ca'), null);
  });
});
