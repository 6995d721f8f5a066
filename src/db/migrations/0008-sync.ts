import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-database.ts';
import { withId } from './column-helpers.ts';

/**
 * Pull sync: one lease row per license (who pulls it, fencing token, pause and refresh flags), a
 * checkpoint per license and resource, the windows walked with Metrc's totals (gap detection),
 * healed gaps, rejected records, and the mirror itself: packages in their own table, every
 * other Metrc record in `mirror_records` — raw JSON plus the columns the read API filters on.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('sync_leases')
    .addColumn('license_id', 'integer', (c) =>
      c.primaryKey().references('licenses.id').onDelete('cascade'),
    )
    .addColumn('holder', 'text')
    .addColumn('fencing_token', 'integer', (c) => c.notNull().defaultTo(0))
    // Epoch milliseconds of the database's clock (PostgreSQL: clock_timestamp()).
    .addColumn('expires_at_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_at', 'text')
    .addColumn('paused_reason', 'text')
    .addColumn('refresh_requested_at', 'text')
    .addColumn('refresh_resource', 'text')
    .execute();

  await withId(db.schema.createTable('sync_checkpoints'), dialect)
    .addColumn('license_id', 'integer', (c) =>
      c.notNull().references('licenses.id').onDelete('cascade'),
    )
    .addColumn('resource', 'text', (c) => c.notNull())
    // Everything modified before this instant is stored (the end of the last whole window).
    .addColumn('watermark', 'text')
    // The window being walked and the last page of it that is stored.
    .addColumn('window_start', 'text')
    .addColumn('window_end', 'text')
    .addColumn('window_page', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('backfill_from', 'text')
    .addColumn('backfill_done_at', 'text')
    .addColumn('records_stored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pages_fetched', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('idle').check(sql`status in ('idle','running','error','paused')`),
    )
    .addColumn('last_run_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error_code', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sync_checkpoints_license_resource_unique', ['license_id', 'resource'])
    .execute();

  await withId(db.schema.createTable('sync_windows'), dialect)
    .addColumn('license_id', 'integer', (c) =>
      c.notNull().references('licenses.id').onDelete('cascade'),
    )
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('metrc_total', 'integer', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sync_windows_unique', [
      'license_id',
      'resource',
      'window_start',
      'window_end',
    ])
    .execute();

  await withId(db.schema.createTable('sync_gaps'), dialect)
    .addColumn('license_id', 'integer', (c) =>
      c.notNull().references('licenses.id').onDelete('cascade'),
    )
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('metrc_total', 'integer', (c) => c.notNull())
    .addColumn('local_before', 'integer', (c) => c.notNull())
    .addColumn('local_after', 'integer', (c) => c.notNull())
    .addColumn('healed', 'integer', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sync_gaps_license_idx')
    .on('sync_gaps')
    .columns(['license_id', 'detected_at'])
    .execute();

  await withId(db.schema.createTable('sync_rejects'), dialect)
    .addColumn('license_id', 'integer', (c) =>
      c.notNull().references('licenses.id').onDelete('cascade'),
    )
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('metrc_id', 'text')
    .addColumn('error', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sync_rejects_license_idx')
    .on('sync_rejects')
    .columns(['license_id', 'resource'])
    .execute();

  await withId(db.schema.createTable('mirror_packages'), dialect)
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('license_id', 'integer', (c) =>
      c.notNull().references('licenses.id').onDelete('cascade'),
    )
    .addColumn('metrc_id', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('active','onhold','inactive','intransit')`),
    )
    .addColumn('item_id', 'integer')
    .addColumn('item_name', 'text')
    .addColumn('item_category', 'text')
    .addColumn('location_id', 'integer')
    .addColumn('location_name', 'text')
    .addColumn('quantity', 'real')
    .addColumn('unit', 'text')
    .addColumn('expiration_date', 'text')
    .addColumn('use_by_date', 'text')
    .addColumn('lab_testing_state', 'text')
    .addColumn('packaged_date', 'text')
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mirror_packages_license_metrc_unique', ['license_id', 'metrc_id'])
    .execute();
  for (const [name, columns] of [
    ['mirror_packages_status_idx', ['license_id', 'status', 'last_modified']],
    ['mirror_packages_label_idx', ['license_id', 'label']],
    ['mirror_packages_org_expiry_idx', ['organization_id', 'expiration_date']],
    ['mirror_packages_lab_idx', ['organization_id', 'lab_testing_state']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('mirror_packages')
      .columns([...columns])
      .execute();
  }

  await withId(db.schema.createTable('mirror_records'), dialect)
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('license_id', 'integer', (c) =>
      c.notNull().references('licenses.id').onDelete('cascade'),
    )
    // items, strains, locations, employees, facilities, plants, plant_batches, harvests,
    // receipts, transfers, lab_results.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('metrc_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // The human key: a label, a name, a receipt or manifest number.
    .addColumn('label', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mirror_records_unique', ['license_id', 'kind', 'metrc_id'])
    .execute();
  await db.schema
    .createIndex('mirror_records_kind_idx')
    .on('mirror_records')
    .columns(['license_id', 'kind', 'status', 'last_modified'])
    .execute();
}
