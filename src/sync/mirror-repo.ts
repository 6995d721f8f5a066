/**
 * Writes to the mirror (`mirror_packages`, `mirror_records`): upserts keyed by the license and
 * Metrc's id, so walking a window again never duplicates; and the local counts per window that
 * gap detection compares with Metrc's totals.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';
import type { PackageRow, RecordRow } from './mirror-rows-fns.ts';
import type { SyncStream } from './sync-resources.ts';

export interface MirrorOwner {
  organizationId: number;
  licenseId: number;
}

export function createMirrorRepo(db: Kysely<DB>) {
  return {
    async upsertPackages(
      owner: MirrorOwner,
      rows: PackageRow[],
      at: string,
      executor: Kysely<DB> = db,
    ): Promise<void> {
      if (rows.length === 0) return;
      await executor
        .insertInto('mirror_packages')
        .values(
          rows.map((row) => ({
            ...row,
            organization_id: owner.organizationId,
            license_id: owner.licenseId,
            synced_at: at,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['license_id', 'metrc_id']).doUpdateSet((eb) => ({
            label: eb.ref('excluded.label'),
            status: eb.ref('excluded.status'),
            item_id: eb.ref('excluded.item_id'),
            item_name: eb.ref('excluded.item_name'),
            item_category: eb.ref('excluded.item_category'),
            location_id: eb.ref('excluded.location_id'),
            location_name: eb.ref('excluded.location_name'),
            quantity: eb.ref('excluded.quantity'),
            unit: eb.ref('excluded.unit'),
            expiration_date: eb.ref('excluded.expiration_date'),
            use_by_date: eb.ref('excluded.use_by_date'),
            lab_testing_state: eb.ref('excluded.lab_testing_state'),
            packaged_date: eb.ref('excluded.packaged_date'),
            last_modified: eb.ref('excluded.last_modified'),
            raw: eb.ref('excluded.raw'),
            synced_at: eb.ref('excluded.synced_at'),
          })),
        )
        .execute();
    },

    async upsertRecords(
      owner: MirrorOwner,
      rows: RecordRow[],
      at: string,
      executor: Kysely<DB> = db,
    ): Promise<void> {
      if (rows.length === 0) return;
      await executor
        .insertInto('mirror_records')
        .values(
          rows.map((row) => ({
            ...row,
            organization_id: owner.organizationId,
            license_id: owner.licenseId,
            synced_at: at,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['license_id', 'kind', 'metrc_id']).doUpdateSet((eb) => ({
            status: eb.ref('excluded.status'),
            label: eb.ref('excluded.label'),
            last_modified: eb.ref('excluded.last_modified'),
            raw: eb.ref('excluded.raw'),
            synced_at: eb.ref('excluded.synced_at'),
          })),
        )
        .execute();
    },

    /**
     * Records of this stream stored with a LastModified inside the window (both ends inclusive,
     * to the millisecond, as Metrc's window is inclusive to the second).
     */
    async countInWindow(
      licenseId: number,
      stream: SyncStream,
      window: { start: string; end: string } | null,
    ): Promise<number> {
      const endInclusive = window ? `${window.end.slice(0, 19)}.999Z` : null;
      if (stream.resource === 'packages') {
        let query = db
          .selectFrom('mirror_packages')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('license_id', '=', licenseId)
          .where('status', 'in', stream.countStatuses as never[]);
        if (window && endInclusive)
          query = query
            .where('last_modified', '>=', window.start)
            .where('last_modified', '<=', endInclusive);
        return Number((await query.executeTakeFirstOrThrow()).n);
      }
      let query = db
        .selectFrom('mirror_records')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('license_id', '=', licenseId)
        .where('kind', '=', stream.resource)
        .where('status', 'in', [...stream.countStatuses]);
      if (window && endInclusive)
        query = query
          .where('last_modified', '>=', window.start)
          .where('last_modified', '<=', endInclusive);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },

    /**
     * Packages stored since `since` that failed testing: the ones whose results someone must
     * read. Results are one GET per package, so passed packages are not fetched (their state is
     * on the package) and a run fetches at most `limit`.
     */
    failedPackagesSince: (licenseId: number, since: string | null, limit: number) => {
      let query = db
        .selectFrom('mirror_packages')
        .select(['metrc_id', 'label', 'lab_testing_state'])
        .where('license_id', '=', licenseId)
        .where('status', '!=', 'inactive')
        .where('lab_testing_state', '=', 'TestFailed');
      if (since) query = query.where('synced_at', '>=', since);
      return query.orderBy('metrc_id').limit(limit).execute();
    },
  };
}

export type MirrorRepo = ReturnType<typeof createMirrorRepo>;
