/**
 * One lease row per license: which process pulls it, until when (the database's clock, so
 * processes with skewed clocks agree), and a fencing token that every stored page checks — a
 * process that lost its lease can no longer store anything. The row also carries the pause
 * (after a 401) and a pending "refresh now".
 */
import { type Kysely, sql } from 'kysely';
import type { DB, Dialect } from '../db/index.ts';

export interface Lease {
  licenseId: number;
  holder: string;
  token: number;
}

/** Epoch milliseconds by the database's own clock. */
export function dbNowMs(dialect: Dialect) {
  return dialect === 'postgres'
    ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql<number>`cast((julianday('now') - 2440587.5) * 86400000 as integer)`;
}

export function createSyncLeasesRepo(db: Kysely<DB>, dialect: Dialect) {
  const now = () => dbNowMs(dialect);
  async function ensure(licenseId: number): Promise<void> {
    await db
      .insertInto('sync_leases')
      .values({ license_id: licenseId, holder: null, expires_at_ms: 0 })
      .onConflict((oc) => oc.column('license_id').doNothing())
      .execute();
  }
  return {
    ensure,
    /** Takes the lease if it is free, expired or already ours; a new token every time. */
    async acquire(licenseId: number, holder: string, ttlMs: number): Promise<Lease | null> {
      const row = await sql<{ fencing_token: number | string; holder: string }>`
        insert into sync_leases (license_id, holder, fencing_token, expires_at_ms)
        values (${licenseId}, ${holder}, 1, ${now()} + ${ttlMs})
        on conflict (license_id) do update
          set holder = excluded.holder,
              fencing_token = sync_leases.fencing_token + 1,
              expires_at_ms = excluded.expires_at_ms
          where sync_leases.holder is null
             or sync_leases.holder = excluded.holder
             or sync_leases.expires_at_ms < ${now()}
        returning fencing_token, holder`.execute(db);
      const taken = row.rows[0];
      return taken ? { licenseId, holder, token: Number(taken.fencing_token) } : null;
    },

    /**
     * Extends the lease if we still hold it with this token; false when another process has it.
     * Runs inside the page's transaction, so a page is stored only under a live lease.
     */
    async renew(lease: Lease, ttlMs: number, executor: Kysely<DB> = db): Promise<boolean> {
      const result = await executor
        .updateTable('sync_leases')
        .set({ expires_at_ms: sql`${now()} + ${ttlMs}` })
        .where('license_id', '=', lease.licenseId)
        .where('holder', '=', lease.holder)
        .where('fencing_token', '=', lease.token)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async release(lease: Lease): Promise<void> {
      await db
        .updateTable('sync_leases')
        .set({ holder: null, expires_at_ms: 0 })
        .where('license_id', '=', lease.licenseId)
        .where('fencing_token', '=', lease.token)
        .execute();
    },

    find: (licenseId: number) =>
      db
        .selectFrom('sync_leases')
        .selectAll()
        .where('license_id', '=', licenseId)
        .executeTakeFirst(),

    async pause(licenseId: number, reason: string, at: string): Promise<void> {
      await ensure(licenseId);
      await db
        .updateTable('sync_leases')
        .set({ paused_at: at, paused_reason: reason })
        .where('license_id', '=', licenseId)
        .execute();
    },

    async resume(licenseId: number): Promise<void> {
      await db
        .updateTable('sync_leases')
        .set({ paused_at: null, paused_reason: null })
        .where('license_id', '=', licenseId)
        .execute();
    },

    async requestRefresh(licenseId: number, resource: string | null, at: string): Promise<void> {
      await ensure(licenseId);
      await db
        .updateTable('sync_leases')
        .set({ refresh_requested_at: at, refresh_resource: resource })
        .where('license_id', '=', licenseId)
        .execute();
    },

    async clearRefresh(licenseId: number, requestedAt: string): Promise<void> {
      await db
        .updateTable('sync_leases')
        .set({ refresh_requested_at: null, refresh_resource: null })
        .where('license_id', '=', licenseId)
        .where('refresh_requested_at', '=', requestedAt)
        .execute();
    },

    refreshRequests: () =>
      db
        .selectFrom('sync_leases')
        .select(['license_id', 'refresh_requested_at', 'refresh_resource'])
        .where('refresh_requested_at', 'is not', null)
        .execute(),
  };
}

export type SyncLeasesRepo = ReturnType<typeof createSyncLeasesRepo>;
