import type { Kysely } from 'kysely';
import type { Dialect } from '../create-database.ts';

/** The vault's tables: key checks per master-key version, and one wrapped data key per secret. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('vault_key_checks')
    .addColumn('master_key_version', 'integer', (c) => c.primaryKey())
    .addColumn('check_value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();

  await db.schema
    .createTable('vault_data_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('master_key_version', 'integer', (c) => c.notNull())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('rewrapped_at', 'text')
    .execute();
  await db.schema
    .createIndex('vault_data_keys_version_idx')
    .on('vault_data_keys')
    .column('master_key_version')
    .execute();
  await db.schema
    .createIndex('vault_data_keys_ref_idx')
    .on('vault_data_keys')
    .column('ref')
    .execute();
}
