/**
 * The shared store on PostgreSQL: one UNLOGGED row per bucket (rate state is worthless after a
 * crash, so no WAL) and one row per in-flight lease. A plpgsql function decides an acquisition
 * in one round trip, under row locks taken in key order, timed by the server's clock — so every
 * process of a deployment draws from the same budget. See ADR 0006 for why not
 * rate-limiter-flexible's fixed windows.
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

export const DEFAULT_PG_LIMITS_TABLE = 'tracegate_metrc_limits';
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,40}$/;

export interface PostgresRateLimitStoreOptions {
  /** An existing pool (left open by `close()`), or … */
  pool?: pg.Pool;
  /** … a connection string for a small pool of the store's own. */
  connectionString?: string;
  /** Prefix of the two tables and the function; lower-case identifier. */
  table?: string;
}

export interface PostgresRateLimitStore extends RateLimitStore {
  /** Drops the tables and function (tests). */
  drop(): Promise<void>;
}

export async function createPostgresRateLimitStore(
  options: PostgresRateLimitStoreOptions,
): Promise<PostgresRateLimitStore> {
  const table = options.table ?? DEFAULT_PG_LIMITS_TABLE;
  if (!IDENTIFIER.test(table)) throw new Error(`invalid table name ${JSON.stringify(table)}`);
  const ownPool = options.pool === undefined;
  const pool =
    options.pool ??
    new pg.Pool({ connectionString: options.connectionString, max: 4, idleTimeoutMillis: 10_000 });
  // A pool error on an idle client must not crash the process; the next query reports it.
  if (ownPool) pool.on('error', () => {});
  await setUp(pool, table);

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
    async drop() {
      await pool.query(`drop function if exists ${table}_acquire(text[], float8[], float8[], int[], text, float8);
        drop table if exists ${table}_leases; drop table if exists ${table}_buckets;`);
    },
  };
}

function inFlightKeys(rules: readonly LimitRule[]): string[] {
  return rules.filter((rule) => rule.maxInFlight > 0).map((rule) => rule.key);
}

/** Creates the tables and function once; an advisory lock keeps concurrent start-ups apart. */
async function setUp(pool: pg.Pool, table: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`tracegate:${table}`]);
    await client.query(`
      create unlogged table if not exists ${table}_buckets (
        key text primary key,
        tokens double precision not null,
        updated_ms double precision not null
      );
      create unlogged table if not exists ${table}_leases (
        key text not null,
        permit text not null,
        expires_ms double precision not null,
        primary key (key, permit)
      );
      create or replace function ${table}_acquire(
        p_keys text[], p_rates float8[], p_bursts float8[], p_caps int[],
        p_permit text, p_lease_ms float8)
      returns table (r_granted boolean, r_key text, r_reason text, r_retry_ms float8)
      language plpgsql as $fn$
      declare
        v_now float8 := extract(epoch from clock_timestamp()) * 1000;
        v_n int := coalesce(array_length(p_keys, 1), 0);
        v_tokens float8[] := array_fill(0::float8, array[greatest(v_n, 1)]);
        v_t float8;
        v_u float8;
        v_held int;
        v_ok boolean := true;
      begin
        -- A bucket never seen starts full. Keys arrive sorted: locks are taken in one order.
        insert into ${table}_buckets (key, tokens, updated_ms)
          select k, b, v_now from unnest(p_keys, p_bursts) as u(k, b) order by k
          on conflict (key) do nothing;
        perform 1 from ${table}_buckets where key = any(p_keys) order by key for update;
        -- Read the clock only once the rows are ours: a time taken before waiting for the lock
        -- would be older than the holder's, and writing it back would refill tokens twice.
        v_now := extract(epoch from clock_timestamp()) * 1000;
        for i in 1..v_n loop
          select tokens, updated_ms into v_t, v_u from ${table}_buckets where key = p_keys[i];
          if p_rates[i] > 0 then
            v_t := least(p_bursts[i], v_t + greatest(0, v_now - v_u) * p_rates[i] / 1000);
            v_tokens[i] := v_t;
            if v_t < 1 then
              v_ok := false;
              r_granted := false; r_key := p_keys[i]; r_reason := 'rate';
              r_retry_ms := (1 - v_t) * 1000 / p_rates[i];
              return next;
            end if;
          end if;
          if p_caps[i] > 0 then
            delete from ${table}_leases where key = p_keys[i] and expires_ms <= v_now;
            select count(*) into v_held from ${table}_leases where key = p_keys[i];
            if v_held >= p_caps[i] then
              v_ok := false;
              r_granted := false; r_key := p_keys[i]; r_reason := 'in-flight'; r_retry_ms := null;
              return next;
            end if;
          end if;
        end loop;
        if v_ok then
          for i in 1..v_n loop
            if p_rates[i] > 0 then
              update ${table}_buckets set tokens = v_tokens[i] - 1, updated_ms = v_now
                where key = p_keys[i];
            end if;
            if p_caps[i] > 0 then
              insert into ${table}_leases (key, permit, expires_ms)
                values (p_keys[i], p_permit, v_now + p_lease_ms);
            end if;
          end loop;
          r_granted := true; r_key := null; r_reason := null; r_retry_ms := null;
          return next;
        end if;
      end
      $fn$;`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
