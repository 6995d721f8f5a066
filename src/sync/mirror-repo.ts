/**
 * Writes to the mirror (`mirror_packages`, `mirror_records`): upserts keyed by the license and
 * Metrc's id, so walking a window again never duplicates; and the local counts per window that
 * gap detection compares with Metrc's totals.
 */
import type { Kysely } from 'kysely';
import { type DB, precompileRows } from '../db/index.ts';
import type { PackageRow, RecordRow } from './mirror-rows-fns.ts';
import type { SyncStream } from './sync-resources.ts';

export interface MirrorOwner {
  organizationId: number;
  licenseId: number;
}

const PACKAGE_COLUMNS = [
  'organization_id',
  'license_id',
  'metrc_id',
  'label',
  'status',
  'item_id',
  'item_name',
  'item_category',
  'location_id',
  'location_name',
  'quantity',
  'unit',
  'expiration_date',
  'use_by_date',
  'lab_testing_state',
  'packaged_date',
  'last_modified',
  'raw',
  'synced_at',
] as const;

/** What every mirrored row carries besides Metrc's fields. */
type OwnedColumns = { organization_id: number; license_id: number; synced_at: string };
type StoredPackage = PackageRow & OwnedColumns;
type StoredRecord = RecordRow & OwnedColumns;

const RECORD_COLUMNS = [
  'organization_id',
  'license_id',
  'kind',
  'metrc_id',
  'status',
  'label',
  'last_modified',
  'raw',
  'synced_at',
] as const;

/** Rows per statement: well under SQLite's 32,766 parameters and PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 200;

export function createMirrorRepo(db: Kysely<DB>) {
  // Compiled once per row count: building a page's upsert costs more CPU than storing it.
  const insertPackages = precompileRows<DB, StoredPackage>(
    (executor, rows) =>
      executor
        .insertInto('mirror_packages')
        .values(rows)
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
        ),
    PACKAGE_COLUMNS,
  );
  const insertRecords = precompileRows<DB, StoredRecord>(
    (executor, rows) =>
      executor
        .insertInto('mirror_records')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['license_id', 'kind', 'metrc_id']).doUpdateSet((eb) => ({
            status: eb.ref('excluded.status'),
            label: eb.ref('excluded.label'),
            last_modified: eb.ref('excluded.last_modified'),
            raw: eb.ref('excluded.raw'),
            synced_at: eb.ref('excluded.synced_at'),
          })),
        ),
    RECORD_COLUMNS,
  );

  /** Rows in statements of ROWS_PER_STATEMENT, each stamped with its owner and sync time. */
  async function upsertOwned<Row>(
    insert: (executor: Kysely<DB>, rows: Array<Row & OwnedColumns>) => Promise<unknown>,
    owner: MirrorOwner,
    rows: Row[],
    at: string,
    executor: Kysely<DB>,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT).map((row) => ({
        ...row,
        organization_id: owner.organizationId,
        license_id: owner.licenseId,
        synced_at: at,
      }));
      await insert(executor, chunk);
    }
  }

  return {
    upsertPackages: (owner: MirrorOwner, rows: PackageRow[], at: string, executor = db) =>
      upsertOwned(insertPackages, owner, rows, at, executor),

    upsertRecords: (owner: MirrorOwner, rows: RecordRow[], at: string, executor = db) =>
      upsertOwned(insertRecords, owner, rows, at, executor),

    /**
     * Packages the mirror has in transit that Metrc no longer lists so left this license's
     * inventory: the recipient received them (Metrc moves the package to it). One that was
     * rejected or voided comes back on the active list, its LastModified moved, and that
     * stream (pulled before this one) has already made it active again.
     */
    async settleInTransit(
      licenseId: number,
      listed: ReadonlySet<number>,
      executor: Kysely<DB> = db,
    ): Promise<number> {
      const rows = await executor
        .selectFrom('mirror_packages')
        .select(['metrc_id'])
        .where('license_id', '=', licenseId)
        .where('status', '=', 'intransit')
        .execute();
      const gone = rows.map((r) => Number(r.metrc_id)).filter((id) => !listed.has(id));
      for (let i = 0; i < gone.length; i += ROWS_PER_STATEMENT)
        await executor
          .updateTable('mirror_packages')
          .set({ status: 'inactive' })
          .where('license_id', '=', licenseId)
          .where('metrc_id', 'in', gone.slice(i, i + ROWS_PER_STATEMENT))
          .where('status', '=', 'intransit')
          .execute();
      return gone.length;
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
