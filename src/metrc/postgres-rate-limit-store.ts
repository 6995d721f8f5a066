/**
 * The shared store on PostgreSQL: one UNLOGGED row per bucket (rate state is worthless after a
 * crash, so no WAL) and one row per in-flight lease. A plpgsql function decides an acquisition
 * in one round trip, under row locks taken in key order, timed by the server's clock — so every
 * process of a deployment draws from the same budget. See ADR 0006 for why not
 * rate-limiter-flexible's fixed windows. The tables and the function belong to the schema
 * (migration 0004); the store only uses them.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  type AcquireResult,
  type LimitRule,
  type RateLimitStore,
  type RuleRefusal,
  sortedRules,
  validateRules,
} from './rate-limit-store.ts';

/** Prefix of the two tables and the function that migration 0004 creates. */
const TABLE = 'tracegate_metrc_limits';

export interface PostgresRateLimitStoreOptions {
  /** An existing pool (left open by `close()`), or … */
  pool?: pg.Pool;
  /** … a connection string (of a migrated Tracegate database) for a small pool of its own. */
  connectionString?: string;
}

export async function createPostgresRateLimitStore(
  options: PostgresRateLimitStoreOptions,
): Promise<RateLimitStore> {
  const table = TABLE;
  const ownPool = options.pool === undefined;
  const pool =
    options.pool ??
    new pg.Pool({ connectionString: options.connectionString, max: 4, idleTimeoutMillis: 10_000 });
  // A pool error on an idle client must not crash the process; the next query reports it.
  if (ownPool) pool.on('error', () => {});
  await assertMigrated(pool);

  const acquireSql = `select r_granted, r_key, r_reason, r_retry_ms
    from ${table}_acquire($1::text[], $2::float8[], $3::float8[], $4::int[], $5, $6)`;
  return {
    kind: 'postgres',
    async tryAcquire(rules, leaseMs): Promise<AcquireResult> {
      validateRules(rules);
      const ordered = sortedRules(rules);
      const id = randomUUID();
      const result = await pool.query<{
        r_granted: boolean;
        r_key: string | null;
        r_reason: string | null;
        r_retry_ms: number | null;
      }>(acquireSql, [
        ordered.map((r) => r.key),
        ordered.map((r) => r.ratePerSecond),
        ordered.map((r) => r.burst),
        ordered.map((r) => r.maxInFlight),
        id,
        leaseMs,
      ]);
      if (result.rows[0]?.r_granted) {
        return { granted: true, permit: { id, inFlightKeys: inFlightKeys(ordered) } };
      }
      const refusals = result.rows.map(
        (row): RuleRefusal => ({
          key: row.r_key ?? '',
          reason: row.r_reason === 'rate' ? 'rate' : 'in-flight',
          retryInMs: row.r_retry_ms,
        }),
      );
      return { granted: false, refusals };
    },
    async release(permit) {
      if (permit.inFlightKeys.length === 0) return;
      await pool.query(`delete from ${table}_leases where key = any($1::text[]) and permit = $2`, [
        permit.inFlightKeys,
        permit.id,
      ]);
    },
    async close() {
      if (ownPool) await pool.end();
    },
  };
}

function inFlightKeys(rules: readonly LimitRule[]): string[] {
  return rules.filter((rule) => rule.maxInFlight > 0).map((rule) => rule.key);
}

/** A clear message instead of "function does not exist" at the first request. */
async function assertMigrated(pool: pg.Pool): Promise<void> {
  const found = await pool.query<{ fn: string | null }>(
    `select to_regproc('${TABLE}_acquire')::text as fn`,
  );
  if (!found.rows[0]?.fn) {
    throw new Error(
      `PostgreSQL rate-limit store: ${TABLE}_acquire is missing; run the Tracegate migrations (0004) on this database first`,
    );
  }
}
