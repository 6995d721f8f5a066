import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-database.ts';

/**
 * Groundwork for the outbox, sync and alerts:
 * - one audit hash chain per organization (plus one for platform events): `chain_seq` numbers an
 *   event within its chain; rows written before this migration keep `chain_seq` null and stay
 *   the single legacy chain, untouched (see docs/decisions/0007);
 * - `job_leases`: named, expiring leases with fencing tokens, so periodic jobs run in one process
 *   per deployment (src/leases). Rows are never deleted, so a name's token only grows.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  // Adding a nullable column rewrites no row, so the append-only triggers are not involved.
  await db.schema.alterTable('audit_events').addColumn('chain_seq', 'integer').execute();
  // One position per chain: a fork is refused by the database even if the append lock were
  // bypassed. Platform events (no organization) use chain 0; organization ids start at 1.
  await sql`create unique index audit_events_chain_seq_unique
    on audit_events ((coalesce(organization_id, 0)), chain_seq) where chain_seq is not null`.execute(
    db,
  );
  await createJobLeases(db);
}

async function createJobLeases(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('token', 'integer', (c) => c.notNull())
    .addColumn('acquired_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}
