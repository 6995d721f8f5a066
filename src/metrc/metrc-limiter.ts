/**
 * A limiter that waits for room rather than failing: callers queue, and one pump per process
 * asks the store for their budgets in FIFO order, skipping callers whose budget is known to be
 * empty (so one busy license never holds up the others). A refusal says how long until the next
 * token; a local release wakes the pump at once. Another process's release (shared stores) is
 * seen by polling that key with a backoff — 5 ms, doubling to 50 ms while the cap stays full —
 * rather than every 5 ms: see ADR 0006's addendum for why not LISTEN/NOTIFY.
 */
import { systemClock, type TimerClock } from '../lib/index.ts';
import {
  type LimitedRequest,
  METRC_LIMITS,
  type MetrcLimits,
  rulesFor,
  validateLimits,
} from './metrc-limits.ts';
import type { LimitRule, RateLimitStore, StorePermit } from './rate-limit-store.ts';

export interface LimiterPermit {
  /** Frees the in-flight slots; call once the answer has been read (idempotent). */
  release(): void;
}

/** Why no permit was given; nothing was sent. */
export class LimiterWaitError extends Error {
  constructor(
    readonly reason: 'timeout' | 'aborted' | 'store-unavailable',
    readonly waitedMs: number,
    options?: { cause?: unknown },
  ) {
    super(`Metrc limiter: ${reason} after ${Math.round(waitedMs)} ms`, options);
    this.name = 'LimiterWaitError';
  }
}

export interface MetrcLimiter {
  readonly store: RateLimitStore;
  readonly limits: Readonly<MetrcLimits>;
  /** Resolves when every budget of the request has room; never sends anything itself. */
  acquire(request: LimitedRequest, options?: { signal?: AbortSignal }): Promise<LimiterPermit>;
  /**
   * The same waiting, for budgets of the caller's own (the outbox's write cap per vendor key):
   * rules over this limiter's store, so they are shared as widely as the store is.
   */
  acquireRules(
    rules: readonly LimitRule[],
    options?: { signal?: AbortSignal },
  ): Promise<LimiterPermit>;
  /** Rejects waiting callers and closes the store. */
  close(): Promise<void>;
}

export interface MetrcLimiterOptions {
  store: RateLimitStore;
  limits?: Partial<MetrcLimits>;
  /** Longest a caller waits for room before `LimiterWaitError('timeout')`. */
  maxWaitMs?: number;
  /** How long a held slot survives a crashed process; above the request deadline. */
  leaseMs?: number;
  /** First wait before looking again at a full in-flight cap (another process may release). */
  inFlightPollMs?: number;
  /** The longest such wait: it doubles from `inFlightPollMs` while the cap stays full. */
  inFlightPollMaxMs?: number;
  /** Time and timers (waits, `maxWaitMs`); a manual clock in tests. Default: the system clock. */
  clock?: TimerClock;
}

export const DEFAULT_LIMITER_MAX_WAIT_MS = 120_000;
export const DEFAULT_LEASE_MS = 180_000;
export const DEFAULT_IN_FLIGHT_POLL_MS = 5;
export const DEFAULT_IN_FLIGHT_POLL_MAX_MS = 50;

interface Waiter {
  rules: LimitRule[];
  keys: string[];
  enqueuedAt: number;
  done: boolean;
  resolve(permit: LimiterPermit): void;
  reject(error: LimiterWaitError): void;
  cleanup(): void;
}

interface Block {
  until: number;
  reason: 'rate' | 'in-flight';
}

export function createMetrcLimiter(options: MetrcLimiterOptions): MetrcLimiter {
  const limits: MetrcLimits = { ...METRC_LIMITS, ...options.limits };
  validateLimits(limits);
  const store = options.store;
  const clock = options.clock ?? systemClock;
  const now = () => clock.monotonicMs();
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_LIMITER_MAX_WAIT_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.inFlightPollMs ?? DEFAULT_IN_FLIGHT_POLL_MS;
  const pollMaxMs = Math.max(pollMs, options.inFlightPollMaxMs ?? DEFAULT_IN_FLIGHT_POLL_MAX_MS);
  /** Next wait per full in-flight key; reset when the key grants or is released here. */
  const inFlightBackoff = new Map<string, number>();

  const queue: Waiter[] = [];
  const blocked = new Map<string, Block>();
  let pumping = false;
  let wake: (() => void) | undefined;
  let closed = false;

  const remove = (waiter: Waiter) => {
    waiter.done = true;
    waiter.cleanup();
    const at = queue.indexOf(waiter);
    if (at >= 0) queue.splice(at, 1);
  };

  const isBlocked = (waiter: Waiter, at: number) =>
    waiter.keys.some((key) => (blocked.get(key)?.until ?? 0) > at);

  /** Milliseconds until some queued caller might have room. */
  const nextChance = (at: number): number => {
    let soonest = Number.POSITIVE_INFINITY;
    for (const waiter of queue) {
      let until = at;
      for (const key of waiter.keys) until = Math.max(until, blocked.get(key)?.until ?? at);
      soonest = Math.min(soonest, until - at);
    }
    return Number.isFinite(soonest) ? Math.max(1, Math.ceil(soonest)) : pollMs;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = clock.setTimer(done, ms);
      function done() {
        timer.cancel();
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const permitFor = (stored: StorePermit): LimiterPermit => {
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        if (stored.inFlightKeys.length === 0) return;
        store
          .release(stored)
          .catch(() => {
            // The lease expires on its own; the slot comes back after leaseMs.
          })
          .finally(() => {
            for (const key of stored.inFlightKeys) {
              inFlightBackoff.delete(key);
              if (blocked.get(key)?.reason === 'in-flight') blocked.delete(key);
            }
            wake?.();
            void pump();
          });
      },
    };
  };

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0 && !closed) {
        const at = now();
        const waiter = queue.find((w) => !isBlocked(w, at));
        if (!waiter) {
          await sleep(nextChance(at));
          continue;
        }
        let result: Awaited<ReturnType<RateLimitStore['tryAcquire']>>;
        try {
          result = await store.tryAcquire(waiter.rules, leaseMs);
        } catch (error) {
          if (!waiter.done) {
            remove(waiter);
            waiter.reject(
              new LimiterWaitError('store-unavailable', now() - waiter.enqueuedAt, {
                cause: error,
              }),
            );
          }
          continue;
        }
        if (result.granted) {
          for (const key of waiter.keys) inFlightBackoff.delete(key);
          const permit = permitFor(result.permit);
          if (waiter.done) permit.release();
          else {
            remove(waiter);
            waiter.resolve(permit);
          }
          continue;
        }
        const refusedAt = now();
        for (const refusal of result.refusals) {
          let waitMs = refusal.retryInMs ?? pollMs;
          if (refusal.reason === 'in-flight') {
            waitMs = inFlightBackoff.get(refusal.key) ?? pollMs;
            inFlightBackoff.set(refusal.key, Math.min(waitMs * 2, pollMaxMs));
          }
          blocked.set(refusal.key, { until: refusedAt + waitMs, reason: refusal.reason });
        }
      }
    } finally {
      pumping = false;
    }
  }

  return {
    store,
    limits,
    acquire: (request, acquireOptions = {}) =>
      acquireRules(rulesFor(limits, request), acquireOptions),
    acquireRules,
    async close() {
      closed = true;
      for (const waiter of [...queue]) {
        remove(waiter);
        waiter.reject(new LimiterWaitError('aborted', now() - waiter.enqueuedAt));
      }
      wake?.();
      await store.close();
    },
  };

  function acquireRules(
    given: readonly LimitRule[],
    acquireOptions: { signal?: AbortSignal } = {},
  ): Promise<LimiterPermit> {
    const rules = [...given];
    if (rules.length === 0) return Promise.resolve({ release() {} });
    const signal = acquireOptions.signal;
    return new Promise<LimiterPermit>((resolve, reject) => {
      const enqueuedAt = now();
      if (closed || signal?.aborted) {
        reject(new LimiterWaitError('aborted', 0));
        return;
      }
      const onAbort = () => {
        if (waiter.done) return;
        remove(waiter);
        reject(new LimiterWaitError('aborted', now() - enqueuedAt));
      };
      const timer = clock.setTimer(() => {
        if (waiter.done) return;
        remove(waiter);
        reject(new LimiterWaitError('timeout', now() - enqueuedAt));
      }, maxWaitMs);
      const waiter: Waiter = {
        rules,
        keys: rules.map((rule) => rule.key),
        enqueuedAt,
        done: false,
        resolve,
        reject,
        cleanup() {
          timer.cancel();
          signal?.removeEventListener('abort', onAbort);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      wake?.();
      void pump();
    });
  }
}
