/**
 * The only code that queries `sync_checkpoints`, `sync_windows`, `sync_gaps` and
 * `sync_rejects`: where each license's streams stand, Metrc's totals per walked window, the gaps
 * healed, and records kept aside.
 */
import type { Kysely, Updateable } from 'kysely';
import type { DB, SyncCheckpointsTable } from '../db/index.ts';

export function createSyncStateRepo(db: Kysely<DB>) {
  return {
    async checkpoint(licenseId: number, stream: string, at: string, executor: Kysely<DB> = db) {
      await executor
        .insertInto('sync_checkpoints')
        .values({ license_id: licenseId, resource: stream, updated_at: at })
        .onConflict((oc) => oc.columns(['license_id', 'resource']).doNothing())
        .execute();
      return executor
        .selectFrom('sync_checkpoints')
        .selectAll()
        .where('license_id', '=', licenseId)
        .where('resource', '=', stream)
        .executeTakeFirstOrThrow();
    },

    async update(
      licenseId: number,
      stream: string,
      values: Updateable<SyncCheckpointsTable>,
      executor: Kysely<DB> = db,
    ) {
      await executor
        .updateTable('sync_checkpoints')
        .set(values)
        .where('license_id', '=', licenseId)
        .where('resource', '=', stream)
        .execute();
    },

    /** Adds to the counters of a checkpoint (pages and records stored under one transaction). */
    async addCounts(
      licenseId: number,
      stream: string,
      counts: { records: number; rejected: number; pages: number },
      executor: Kysely<DB> = db,
    ) {
      await executor
        .updateTable('sync_checkpoints')
        .set((eb) => ({
          records_stored: eb('records_stored', '+', counts.records),
          rejected: eb('rejected', '+', counts.rejected),
          pages_fetched: eb('pages_fetched', '+', counts.pages),
        }))
        .where('license_id', '=', licenseId)
        .where('resource', '=', stream)
        .execute();
    },

    /**
     * Moves a checkpoint and adds to its counters in one statement, only while the lease with
     * this fencing token is still held; false when it is not (nothing changed).
     */
    async advance(
      lease: { licenseId: number; holder: string; token: number },
      stream: string,
      values: Updateable<SyncCheckpointsTable>,
      counts: { records: number; rejected: number; pages: number },
      executor: Kysely<DB> = db,
    ): Promise<boolean> {
      const result = await executor
        .updateTable('sync_checkpoints')
        .set((eb) => ({
          ...values,
          records_stored: eb('records_stored', '+', counts.records),
          rejected: eb('rejected', '+', counts.rejected),
          pages_fetched: eb('pages_fetched', '+', counts.pages),
        }))
        .where('license_id', '=', lease.licenseId)
        .where('resource', '=', stream)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('sync_leases')
              .select('sync_leases.license_id')
              .where('sync_leases.license_id', '=', lease.licenseId)
              .where('sync_leases.holder', '=', lease.holder)
              .where('sync_leases.fencing_token', '=', lease.token),
          ),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    listCheckpoints: (licenseIds: number[]) =>
      licenseIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('sync_checkpoints')
            .selectAll()
            .where('license_id', 'in', licenseIds)
            .orderBy('license_id')
            .orderBy('resource')
            .execute(),

    async recordWindow(
      licenseId: number,
      stream: string,
      window: { start: string; end: string },
      metrcTotal: number,
      at: string,
      executor: Kysely<DB> = db,
    ) {
      await executor
        .insertInto('sync_windows')
        .values({
          license_id: licenseId,
          resource: stream,
          window_start: window.start,
          window_end: window.end,
          metrc_total: metrcTotal,
          checked_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['license_id', 'resource', 'window_start', 'window_end'])
            .doUpdateSet({ metrc_total: metrcTotal, checked_at: at }),
        )
        .execute();
    },

    async recordGap(values: {
      license_id: number;
      resource: string;
      window_start: string;
      window_end: string;
      metrc_total: number;
      local_before: number;
      local_after: number;
      healed: number;
      detected_at: string;
    }) {
      await db.insertInto('sync_gaps').values(values).execute();
    },

    gaps: (licenseIds: number[], limit = 100) =>
      licenseIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('sync_gaps')
            .selectAll()
            .where('license_id', 'in', licenseIds)
            .orderBy('detected_at', 'desc')
            .orderBy('id', 'desc')
            .limit(limit)
            .execute(),

    async reject(
      values: {
        license_id: number;
        resource: string;
        metrc_id: string | null;
        error: string;
        raw: string;
        seen_at: string;
      },
      executor: Kysely<DB> = db,
    ) {
      await executor.insertInto('sync_rejects').values(values).execute();
    },

    rejects: (licenseId: number, limit = 100) =>
      db
        .selectFrom('sync_rejects')
        .selectAll()
        .where('license_id', '=', licenseId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
  };
}

export type SyncStateRepo = ReturnType<typeof createSyncStateRepo>;
