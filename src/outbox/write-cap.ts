/**
 * Writes in flight per vendor key (default 30, Metrc's concurrency limit), shared by every
 * worker process that shares the Metrc limiter's store: in memory that is one process; on
 * PostgreSQL or Redis (`METRC_RATE_LIMIT_STORE`) it is the whole deployment, so N workers hold
 * `limit` writes together, not N × `limit`. Each slot is a lease in the store: a worker killed
 * mid-request gives its slots back after `leaseMs` (set above the Metrc request deadline).
 * The waiting is the Metrc limiter's (FIFO per process; a slot freed by another process is seen
 * by polling, 2 ms doubling to 20 ms).
 *
 * A slot released while this process has writes waiting for the same vendor key goes straight
 * to the oldest of them, without the store: on PostgreSQL that saved a release and an acquire
 * (two round trips, three with a retry) per request. A slot goes back to the store once it is
 * `handoverMs` old, so other processes get their turn and a slot never outlives its lease.
 */
import { systemClock, type TimerClock } from '../lib/index.ts';
import { createMetrcLimiter, type RateLimitStore } from '../metrc/index.ts';

export interface WriteCap {
  /** Waits for a slot; rejects (nothing sent) when none came within `maxWaitMs`. */
  acquire(vendorKeyId: string): Promise<() => void>;
  /** Slots this process holds now. */
  inFlight(vendorKeyId: string): number;
}

/** The store key of a vendor key's write slots (an identity hash, never the key). */
export const writeCapKey = (vendorKeyId: string) => `write:vendor:${vendorKeyId}`;

/** How long a slot may pass from write to write in one process before it goes back. */
const HANDOVER_MS = 1_000;

interface Slot {
  permit: { release(): void };
  /** When the store granted it (monotonic ms). */
  grantedAt: number;
}

interface Waiting {
  take(slot: Slot): void;
  /** Ends the waiter's own wait in the limiter: it was given a slot. */
  cancel: AbortController;
}

export function createWriteCap(deps: {
  limit: number;
  /** The Metrc client's store (`metrc.limiter.store`); the cap never closes it. */
  store: RateLimitStore;
  leaseMs: number;
  maxWaitMs: number;
  clock?: TimerClock;
}): WriteCap {
  const { store } = deps;
  const clock = deps.clock ?? systemClock;
  const handoverMs = Math.min(HANDOVER_MS, deps.leaseMs / 10);
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
    clock,
  });
  const held = new Map<string, number>();
  /** Writes of this process waiting for a slot, oldest first, per vendor key. */
  const waiting = new Map<string, Waiting[]>();
  const queueOf = (vendorKeyId: string) => {
    const queue = waiting.get(vendorKeyId) ?? [];
    waiting.set(vendorKeyId, queue);
    return queue;
  };

  function release(vendorKeyId: string, slot: Slot) {
    held.set(vendorKeyId, (held.get(vendorKeyId) ?? 1) - 1);
    const young = clock.monotonicMs() - slot.grantedAt < handoverMs;
    const next = young ? waiting.get(vendorKeyId)?.shift() : undefined;
    if (next) {
      next.cancel.abort();
      next.take(slot);
      return;
    }
    slot.permit.release();
  }

  function handle(vendorKeyId: string, slot: Slot): () => void {
    held.set(vendorKeyId, (held.get(vendorKeyId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release(vendorKeyId, slot);
    };
  }

  return {
    acquire(vendorKeyId) {
      return new Promise((resolve, reject) => {
        const queue = queueOf(vendorKeyId);
        const me: Waiting = {
          take: (slot) => resolve(handle(vendorKeyId, slot)),
          cancel: new AbortController(),
        };
        queue.push(me);
        const leave = () => {
          const at = queue.indexOf(me);
          if (at >= 0) queue.splice(at, 1);
        };
        limiter
          .acquireRules(
            [
              {
                key: writeCapKey(vendorKeyId),
                ratePerSecond: 0,
                burst: 1,
                maxInFlight: deps.limit,
              },
            ],
            { signal: me.cancel.signal },
          )
          .then(
            (permit) => {
              leave();
              // Granted just as a released slot was handed over to it: one slot is enough.
              if (me.cancel.signal.aborted) permit.release();
              else me.take({ permit, grantedAt: clock.monotonicMs() });
            },
            (error: unknown) => {
              leave();
              // Aborted because a released slot was handed over: that one was taken instead.
              if (!me.cancel.signal.aborted) reject(error);
            },
          );
      });
    },
    inFlight: (vendorKeyId) => held.get(vendorKeyId) ?? 0,
  };
}
