import type { Kysely } from 'kysely';
import type { DB, MetrcEnvironment, VendorKeyRow } from '../db/index.ts';

/** The only code that queries `vendor_keys`. */
export function createVendorKeysRepo(db: Kysely<DB>) {
  return {
    find: (state: string, environment: MetrcEnvironment, executor = db) =>
      executor
        .selectFrom('vendor_keys')
        .selectAll()
        .where('state', '=', state)
        .where('environment', '=', environment)
        .executeTakeFirst(),
    list: () =>
      db.selectFrom('vendor_keys').selectAll().orderBy('state').orderBy('environment').execute(),
    insert: (values: Omit<VendorKeyRow, 'id'>, executor = db) =>
      executor.insertInto('vendor_keys').values(values).returningAll().executeTakeFirstOrThrow(),
    replaceSecret: (
      id: number,
      values: Pick<
        VendorKeyRow,
        'secret_ref' | 'sealed_key' | 'fingerprint' | 'updated_at' | 'created_by_user_id'
      >,
      executor = db,
    ) => executor.updateTable('vendor_keys').set(values).where('id', '=', id).execute(),
    delete: (id: number, executor = db) =>
      executor.deleteFrom('vendor_keys').where('id', '=', id).execute(),
  };
}

export type VendorKeysRepo = ReturnType<typeof createVendorKeysRepo>;
