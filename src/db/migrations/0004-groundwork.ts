import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-database.ts';

/**
 * Groundwork for the outbox, sync and alerts:
 * - one audit hash chain per organization (plus one for platform events): `chain_seq` numbers an
 *   event within its chain; rows written before this migration keep `chain_seq` null and stay
 *   the single legacy chain, untouched (see docs/decisions/0007);
 * - `job_leases`: named, expiring leases with fencing tokens, so periodic jobs run in one process
 *   per deployment (src/leases). Rows are never deleted, so a name's token only grows;
 * - PostgreSQL only: the Metrc limiter's shared budgets (src/metrc/postgres-rate-limit-store.ts),
 *   which that store used to create at run time. `if not exists` / `or replace`: a deployment
 *   whose store already created them keeps them.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // Adding a nullable column rewrites no row, so the append-only triggers are not involved.
  await db.schema.alterTable('audit_events').addColumn('chain_seq', 'integer').execute();
  // One position per chain: a fork is refused by the database even if the append lock were
  // bypassed. Platform events (no organization) use chain 0; organization ids start at 1.
  await sql`create unique index audit_events_chain_seq_unique
    on audit_events ((coalesce(organization_id, 0)), chain_seq) where chain_seq is not null`.execute(
    db,
  );
  await createJobLeases(db);
  if (dialect === 'postgres') await createMetrcLimiterStore(db);
}

async function createJobLeases(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('token', 'integer', (c) => c.notNull())
    .addColumn('acquired_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

/**
 * Buckets and in-flight leases are UNLOGGED (rate state is worthless after a crash, so no WAL);
 * `tracegate_metrc_limits_acquire` decides one acquisition in one round trip (ADR 0006).
 */
async function createMetrcLimiterStore(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
      create unlogged table if not exists tracegate_metrc_limits_buckets (
        key text primary key,
        tokens double precision not null,
        updated_ms double precision not null
      );
      create unlogged table if not exists tracegate_metrc_limits_leases (
        key text not null,
        permit text not null,
        expires_ms double precision not null,
        primary key (key, permit)
      );
      create or replace function tracegate_metrc_limits_acquire(
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
        insert into tracegate_metrc_limits_buckets (key, tokens, updated_ms)
          select k, b, v_now from unnest(p_keys, p_bursts) as u(k, b) order by k
          on conflict (key) do nothing;
        perform 1 from tracegate_metrc_limits_buckets where key = any(p_keys) order by key for update;
        -- Read the clock only once the rows are ours: a time taken before waiting for the lock
        -- would be older than the holder's, and writing it back would refill tokens twice.
        v_now := extract(epoch from clock_timestamp()) * 1000;
        for i in 1..v_n loop
          select tokens, updated_ms into v_t, v_u from tracegate_metrc_limits_buckets where key = p_keys[i];
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
            delete from tracegate_metrc_limits_leases where key = p_keys[i] and expires_ms <= v_now;
            select count(*) into v_held from tracegate_metrc_limits_leases where key = p_keys[i];
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
              update tracegate_metrc_limits_buckets set tokens = v_tokens[i] - 1, updated_ms = v_now
                where key = p_keys[i];
            end if;
            if p_caps[i] > 0 then
              insert into tracegate_metrc_limits_leases (key, permit, expires_ms)
                values (p_keys[i], p_permit, v_now + p_lease_ms);
            end if;
          end loop;
          r_granted := true; r_key := null; r_reason := null; r_retry_ms := null;
          return next;
        end if;
      end
      $fn$;
`)
    .execute(db);
}
