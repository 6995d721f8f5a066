/**
 * Where the limiter keeps its budgets. One store per deployment: in memory for one process,
 * PostgreSQL or Redis when several processes share a vendor key. Every acquisition is atomic
 * over all its rules (a vendor-key bucket and a license bucket are taken together or not at
 * all) and timed by the store's own clock, so processes with skewed clocks still agree.
 */

/** One budget: a token bucket, an in-flight cap, or both. */
export interface LimitRule {
  /** Opaque store key, e.g. `get:vendor:<identity>`; never holds a secret. */
  key: string;
  /** Tokens added per second; 0 = no rate rule. */
  ratePerSecond: number;
  /** Bucket depth in tokens (≥ 1); a fresh bucket starts full. */
  burst: number;
  /** Most permits held at once; 0 = no cap. */
  maxInFlight: number;
}

/** Why a rule refused, and when trying again makes sense. */
export interface RuleRefusal {
  key: string;
  reason: 'rate' | 'in-flight';
  /** For `rate`: until one token is back. For `in-flight`: null, a slot frees on release. */
  retryInMs: number | null;
}

/** A granted acquisition; holds in-flight slots until released (or its lease expires). */
export interface StorePermit {
  id: string;
  /** Keys of the in-flight rules it holds. */
  inFlightKeys: string[];
}

export type AcquireResult =
  | { granted: true; permit: StorePermit }
  | { granted: false; refusals: RuleRefusal[] };

export interface RateLimitStore {
  /** `memory`, `postgres`, `redis`: for logs and the bench. */
  readonly kind: string;
  /**
   * Takes one token from every rate rule and one slot of every in-flight rule, or nothing.
   * `leaseMs` bounds how long a slot stays held if its process dies before releasing it.
   */
  tryAcquire(rules: readonly LimitRule[], leaseMs: number): Promise<AcquireResult>;
  /** Frees the permit's in-flight slots; idempotent. */
  release(permit: StorePermit): Promise<void>;
  close(): Promise<void>;
}

export interface BucketState {
  tokens: number;
  /** Milliseconds, store clock. */
  updatedAt: number;
}

/** Tokens in a bucket at `now` (a bucket never seen is full). */
export function refill(state: BucketState | undefined, rule: LimitRule, now: number): number {
  if (!state) return rule.burst;
  const elapsed = Math.max(0, now - state.updatedAt);
  return Math.min(rule.burst, state.tokens + (elapsed * rule.ratePerSecond) / 1000);
}

/** Milliseconds until a bucket holding `tokens` has one whole token. */
export function msUntilToken(tokens: number, rule: LimitRule): number {
  return tokens >= 1 ? 0 : ((1 - tokens) * 1000) / rule.ratePerSecond;
}

/** Rules sorted by key: every store locks in this order, so two acquisitions never deadlock. */
export function sortedRules(rules: readonly LimitRule[]): LimitRule[] {
  return [...rules].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Bucket depth must allow one whole token, or nothing would ever pass. */
export function validateRules(rules: readonly LimitRule[]): void {
  for (const rule of rules) {
    if (rule.ratePerSecond < 0 || rule.maxInFlight < 0 || !(rule.burst >= 1)) {
      throw new Error(`invalid limit rule ${rule.key}`);
    }
  }
}
