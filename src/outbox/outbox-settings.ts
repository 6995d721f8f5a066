/** Tunables of the outbox, with units. Defaults here; `OUTBOX_*` settings override (docs/config.md). */
export interface OutboxSettings {
  /** Rows per request where Metrc takes arrays (capped by each action's own maximum). */
  batchSize: number;
  /**
   * Writes in flight per vendor key, across every worker sharing the Metrc limiter's store
   * (PostgreSQL or Redis: the deployment; memory: one process).
   */
  writeCapPerVendorKey: number;
  /** A write slot of a worker that died comes back after this long (above Metrc's deadline). */
  writeCapLeaseMs: number;
  /** Longest wait for a write slot; then the batch tries again later (nothing sent). */
  writeCapMaxWaitMs: number;
  /** Licenses one worker drains at once. */
  concurrency: number;
  /** How long a lease lasts without renewal; renewed on every settle and while a request runs. */
  leaseTtlMs: number;
  /** Look for due work this often even without a wake-up (backoff ends, expired leases). */
  pollMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Consecutive failures (5xx, timeouts, resets) in one state that open its circuit. */
  circuitThreshold: number;
  /** First wait before probing a state whose circuit opened; doubles up to `backoffMaxMs`. */
  circuitProbeMs: number;
  /** Unsent after this long = overdue (alerts). */
  overdueAfterMs: number;
}

export const DEFAULT_OUTBOX_SETTINGS: Readonly<OutboxSettings> = {
  batchSize: 50,
  writeCapPerVendorKey: 30,
  writeCapLeaseMs: 90_000,
  writeCapMaxWaitMs: 5 * 60_000,
  concurrency: 32,
  leaseTtlMs: 30_000,
  pollMs: 1_000,
  backoffBaseMs: 2_000,
  backoffMaxMs: 5 * 60_000,
  circuitThreshold: 5,
  circuitProbeMs: 15_000,
  overdueAfterMs: 24 * 3_600_000,
};
