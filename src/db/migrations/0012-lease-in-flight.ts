import type { Kysely } from 'kysely';
import type { Dialect } from '../create-database.ts';

/**
 * The request a license's worker has out at Metrc, recorded on the license's lease row (one small
 * row) instead of marking each of its up to 50 submissions `sending` before it leaves (50 row and
 * index rewrites per request). JSON: submission ids, when, and under which key. A settle clears
 * it; a worker that claims the lease and finds it set knows those submissions may have landed.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('license_leases').addColumn('in_flight', 'text').execute();
}
