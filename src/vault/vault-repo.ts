import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';
import type { KeyCheck, VaultMetaStore, WrappedDataKey, WrappedKeyStore } from './vault-stores.ts';

type DataKeyRow = DB['vault_data_keys'];

function toDataKey(row: DataKeyRow): WrappedDataKey {
  return {
    keyId: row.key_id,
    ref: row.ref,
    masterKeyVersion: row.master_key_version,
    wrappedKey: row.wrapped_key,
    createdAt: row.created_at,
    rewrappedAt: row.rewrapped_at,
  };
}

function toKeyCheck(row: DB['vault_key_checks']): KeyCheck {
  return {
    masterKeyVersion: row.master_key_version,
    value: row.check_value,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  };
}

/**
 * The only code that queries the vault's tables: `VaultMetaStore` and `WrappedKeyStore` over SQL,
 * one statement per method (see README "Storage").
 */
export function createVaultRepo(db: Kysely<DB>): { meta: VaultMetaStore; store: WrappedKeyStore } {
  const meta: VaultMetaStore = {
    async listKeyChecks() {
      const rows = await db
        .selectFrom('vault_key_checks')
        .selectAll()
        .orderBy('master_key_version')
        .execute();
      return rows.map(toKeyCheck);
    },
    async getKeyCheck(version) {
      const row = await db
        .selectFrom('vault_key_checks')
        .selectAll()
        .where('master_key_version', '=', version)
        .executeTakeFirst();
      return row && toKeyCheck(row);
    },
    async insertKeyCheck(check) {
      const result = await db
        .insertInto('vault_key_checks')
        .values({
          master_key_version: check.masterKeyVersion,
          check_value: check.value,
          created_at: check.createdAt,
          retired_at: check.retiredAt,
        })
        .onConflict((oc) => oc.column('master_key_version').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async retireKeyCheck(version, retiredAt) {
      await db
        .updateTable('vault_key_checks')
        .set({ retired_at: retiredAt })
        .where('master_key_version', '=', version)
        .where('retired_at', 'is', null)
        .execute();
    },
  };

  const store: WrappedKeyStore = {
    async insert(row) {
      await db
        .insertInto('vault_data_keys')
        .values({
          key_id: row.keyId,
          ref: row.ref,
          master_key_version: row.masterKeyVersion,
          wrapped_key: row.wrappedKey,
          created_at: row.createdAt,
          rewrapped_at: row.rewrappedAt,
        })
        .execute();
    },
    async get(keyId) {
      const row = await db
        .selectFrom('vault_data_keys')
        .selectAll()
        .where('key_id', '=', keyId)
        .executeTakeFirst();
      return row && toDataKey(row);
    },
    async listNotOnVersion(version, page) {
      let query = db
        .selectFrom('vault_data_keys')
        .selectAll()
        .where('master_key_version', '<>', version)
        .orderBy('key_id')
        .limit(page.limit);
      if (page.afterKeyId !== undefined) query = query.where('key_id', '>', page.afterKeyId);
      return (await query.execute()).map(toDataKey);
    },
    async compareAndSet(keyId, expected, next) {
      const result = await db
        .updateTable('vault_data_keys')
        .set({
          master_key_version: next.masterKeyVersion,
          wrapped_key: next.wrappedKey,
          rewrapped_at: next.rewrappedAt,
        })
        .where('key_id', '=', keyId)
        .where('wrapped_key', '=', expected)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async destroy(keyId) {
      const result = await db
        .deleteFrom('vault_data_keys')
        .where('key_id', '=', keyId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async versionsInUse() {
      const rows = await db
        .selectFrom('vault_data_keys')
        .select('master_key_version')
        .distinct()
        .orderBy('master_key_version')
        .execute();
      return rows.map((r) => r.master_key_version);
    },
    async destroyByRef(ref, exceptKeyId) {
      let query = db.deleteFrom('vault_data_keys').where('ref', '=', ref);
      if (exceptKeyId !== undefined) query = query.where('key_id', '<>', exceptKeyId);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };

  return { meta, store };
}
