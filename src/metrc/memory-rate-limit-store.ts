/** The single-process store: token buckets and in-flight leases in Maps, timed monotonically. */
import { randomUUID } from 'node:crypto';
import { systemClock, type TimerClock } from '../lib/index.ts';
import {
  type AcquireResult,
  type BucketState,
  type LimitRule,
  msUntilToken,
  type RateLimitStore,
  type RuleRefusal,
  refill,
  validateRules,
} from './rate-limit-store.ts';

export function createMemoryRateLimitStore(
  clock: Pick<TimerClock, 'monotonicMs'> = systemClock,
): RateLimitStore {
  const now = () => clock.monotonicMs();
  const buckets = new Map<string, BucketState>();
  /** key → permit id → lease expiry. */
  const leases = new Map<string, Map<string, number>>();

  const heldCount = (key: string, at: number): number => {
    const held = leases.get(key);
    if (!held) return 0;
    for (const [id, expiresAt] of held) if (expiresAt <= at) held.delete(id);
    return held.size;
  };

  const acquire = (rules: readonly LimitRule[], leaseMs: number): AcquireResult => {
    validateRules(rules);
    const at = now();
    const refusals: RuleRefusal[] = [];
    const tokens = new Map<string, number>();
    for (const rule of rules) {
      if (rule.ratePerSecond > 0) {
        const available = refill(buckets.get(rule.key), rule, at);
        tokens.set(rule.key, available);
        if (available < 1) {
          refusals.push({
            key: rule.key,
            reason: 'rate',
            retryInMs: msUntilToken(available, rule),
          });
        }
      }
      if (rule.maxInFlight > 0 && heldCount(rule.key, at) >= rule.maxInFlight) {
        refusals.push({ key: rule.key, reason: 'in-flight', retryInMs: null });
      }
    }
    if (refusals.length > 0) return { granted: false, refusals };
    const id = randomUUID();
    const inFlightKeys: string[] = [];
    for (const rule of rules) {
      if (rule.ratePerSecond > 0) {
        buckets.set(rule.key, { tokens: (tokens.get(rule.key) ?? rule.burst) - 1, updatedAt: at });
      }
      if (rule.maxInFlight > 0) {
        const held = leases.get(rule.key) ?? new Map<string, number>();
        held.set(id, at + leaseMs);
        leases.set(rule.key, held);
        inFlightKeys.push(rule.key);
      }
    }
    return { granted: true, permit: { id, inFlightKeys } };
  };

  return {
    kind: 'memory',
    tryAcquire: async (rules, leaseMs) => acquire(rules, leaseMs),
    async release(permit) {
      for (const key of permit.inFlightKeys) leases.get(key)?.delete(permit.id);
    },
    async close() {
      buckets.clear();
      leases.clear();
    },
  };
}
