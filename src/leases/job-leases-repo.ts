import { hostname } from 'node:os';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB, Dialect } from '../db/index.ts';
import { type Clock, randomToken, toTimestamp } from '../lib/index.ts';

/** A held lease. `token` is the fencing token: it grows every time the lease changes hands. */
export interface Lease {
  name: string;
  owner: string;
  token: number;
  /** When this tenure began (ISO-8601 UTC). */
  acquiredAt: string;
  /** Until when it is held unless renewed (ISO-8601 UTC, the database's clock on PostgreSQL). */
  expiresAt: string;
}

export interface JobLeasesDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Times leases on SQLite (one host); PostgreSQL uses its own clock so hosts agree. */
  clock: Clock;
  /** Who this process is, in `job_leases.owner`; unique per process (default host:pid:random). */
  owner?: string;
}

const PG_ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * Named, expiring leases with fencing tokens in `job_leases`: one holder per name across every
 * process of a deployment. The only code that queries `job_leases`. See README.md.
 */
export function createJobLeases(deps: JobLeasesDeps) {
  const { db, dialect, clock } = deps;
  const owner = deps.owner ?? `${hostname()}:${process.pid}:${randomToken(4)}`;

  /** `now` and `now + ms` as ISO text, by the database's clock on PostgreSQL. */
  function at(ms: number): RawBuilder<string> {
    if (dialect === 'postgres') {
      return sql<string>`to_char((statement_timestamp() + ${ms}::float8 * interval '1 millisecond')
        at time zone 'UTC', ${sql.raw(PG_ISO)})`;
    }
    return sql<string>`${toTimestamp(new Date(clock.now().getTime() + ms))}`;
  }

  const toLease = (row: {
    name: string;
    owner: string;
    token: number | string;
    acquired_at: string;
    expires_at: string;
  }): Lease => ({
    name: row.name,
    owner: row.owner,
    token: Number(row.token),
    acquiredAt: row.acquired_at,
    expiresAt: row.expires_at,
  });

  /**
   * Takes the lease `name` for `ttlMs` if it is free or expired (new tenure: the token grows),
   * or extends it if this owner already holds it (same token). Null when someone else holds it.
   */
  async function tryAcquire(name: string, ttlMs: number, executor: Kysely<DB> = db) {
    const now = at(0);
    const expires = at(ttlMs);
    // Same owner, still held: keep the tenure (and its token); otherwise a new one begins.
    const sameTenure = sql`job_leases.owner = excluded.owner and job_leases.expires_at > excluded.acquired_at`;
    const result = await sql<Parameters<typeof toLease>[0]>`
      insert into job_leases (name, owner, token, acquired_at, expires_at)
      values (${name}, ${owner}, 1, ${now}, ${expires})
      on conflict (name) do update set
        token = case when ${sameTenure} then job_leases.token else job_leases.token + 1 end,
        acquired_at = case when ${sameTenure} then job_leases.acquired_at else excluded.acquired_at end,
        owner = excluded.owner,
        expires_at = excluded.expires_at
      where job_leases.expires_at <= excluded.acquired_at or job_leases.owner = excluded.owner
      returning name, owner, token, acquired_at, expires_at`.execute(executor);
    const row = result.rows[0];
    return row ? toLease(row) : null;
  }

  /** Extends a held lease by `ttlMs` from now; null if it changed hands meanwhile. */
  async function renew(lease: Lease, ttlMs: number, executor: Kysely<DB> = db) {
    // The token proves nobody else held it since, so renewing even just after expiry is safe.
    const row = await executor
      .updateTable('job_leases')
      .set({ expires_at: at(ttlMs) })
      .where('name', '=', lease.name)
      .where('owner', '=', lease.owner)
      .where('token', '=', lease.token)
      .returning(['name', 'owner', 'token', 'acquired_at', 'expires_at'])
      .executeTakeFirst();
    return row ? toLease(row) : null;
  }

  /** Gives the lease up now (if still ours); the row stays so tokens keep growing. */
  async function release(lease: Lease, executor: Kysely<DB> = db): Promise<void> {
    await executor
      .updateTable('job_leases')
      .set({ expires_at: at(0) })
      .where('name', '=', lease.name)
      .where('owner', '=', lease.owner)
      .where('token', '=', lease.token)
      .execute();
  }

  /**
   * Whether `lease` is still held (same tenure, not expired). Inside a transaction on
   * PostgreSQL it also share-locks the lease row, so nobody can take the lease over until that
   * transaction ends: check, then write, and the write is fenced.
   */
  async function stillHeld(lease: Lease, executor: Kysely<DB> = db): Promise<boolean> {
    let query = executor
      .selectFrom('job_leases')
      .select('token')
      .where('name', '=', lease.name)
      .where('owner', '=', lease.owner)
      .where('token', '=', lease.token)
      .where('expires_at', '>', at(0));
    if (dialect === 'postgres' && executor.isTransaction) query = query.forShare();
    return (await query.executeTakeFirst()) !== undefined;
  }

  /** The lease's row as stored (held or not), for diagnostics. */
  async function inspect(name: string): Promise<Lease | null> {
    const row = await db
      .selectFrom('job_leases')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? toLease(row) : null;
  }

  return { owner, tryAcquire, renew, release, stillHeld, inspect };
}

export type JobLeases = ReturnType<typeof createJobLeases>;
