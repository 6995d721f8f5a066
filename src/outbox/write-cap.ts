/**
 * Writes in flight per vendor key (default 30, Metrc's concurrency limit), shared by every
 * worker process that shares the Metrc limiter's store: in memory that is one process; on
 * PostgreSQL or Redis (`METRC_RATE_LIMIT_STORE`) it is the whole deployment, so N workers hold
 * `limit` writes together, not N × `limit`. Each slot is a lease in the store: a worker killed
 * mid-request gives its slots back after `leaseMs` (set above the Metrc request deadline).
 * The waiting is the Metrc limiter's (FIFO per process; a local release hands the slot over at
 * once; a slot freed by another process is seen by polling, 2 ms doubling to 20 ms).
 */
import type { TimerClock } from '../lib/index.ts';
import { createMetrcLimiter, type RateLimitStore } from '../metrc/index.ts';

export interface WriteCap {
  /** Waits for a slot; rejects (nothing sent) when none came within `maxWaitMs`. */
  acquire(vendorKeyId: string): Promise<() => void>;
  /** Slots this process holds now. */
  inFlight(vendorKeyId: string): number;
}

/** The store key of a vendor key's write slots (an identity hash, never the key). */
export const writeCapKey = (vendorKeyId: string) => `write:vendor:${vendorKeyId}`;

export function createWriteCap(deps: {
  limit: number;
  /** The Metrc client's store (`metrc.limiter.store`); the cap never closes it. */
  store: RateLimitStore;
  leaseMs: number;
  maxWaitMs: number;
  clock?: TimerClock;
}): WriteCap {
  const { store } = deps;
  const limiter = createMetrcLimiter({
    store: {
      kind: store.kind,
      tryAcquire: (rules, leaseMs) => store.tryAcquire(rules, leaseMs),
      release: (permit) => store.release(permit),
      close: async () => {},
    },
    leaseMs: deps.leaseMs,
    maxWaitMs: deps.maxWaitMs,
    inFlightPollMs: 2,
    inFlightPollMaxMs: 20,
    ...(deps.clock && { clock: deps.clock }),
  });
  const held = new Map<string, number>();

  return {
    async acquire(vendorKeyId) {
      const permit = await limiter.acquireRules([
        { key: writeCapKey(vendorKeyId), ratePerSecond: 0, burst: 1, maxInFlight: deps.limit },
      ]);
      held.set(vendorKeyId, (held.get(vendorKeyId) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.set(vendorKeyId, (held.get(vendorKeyId) ?? 1) - 1);
        permit.release();
      };
    },
    inFlight: (vendorKeyId) => held.get(vendorKeyId) ?? 0,
  };
}
