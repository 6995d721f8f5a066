import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-database.ts';

/**
 * Hardening (issue 10): one-time links count wrong keys; Metrc keys carry a keyed hash so one key
 * is one person's; license numbers are unique whatever their case.
 *
 * Sealed secrets are re-bound to their organization and row (docs/decisions/0008) by the vault
 * upkeep at start-up, not here: a migration runs without the master key.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  // Item 4: a link locks after a few wrong keys.
  await db.schema
    .alterTable('credential_intake_links')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Item 11: HMAC of the key under a key derived from the master key; null until the start-up
  // upkeep has computed it for rows saved before this migration.
  await db.schema.alterTable('credentials').addColumn('key_hash', 'text').execute();
  // A key is the personal key of at most one person, deployment-wide, per state.
  await sql`create unique index credentials_user_key_unique
    on credentials (provider, state, environment, key_hash) where kind = 'user'`.execute(db);
  // The same key is never two facility credentials of one organization.
  await sql`create unique index credentials_facility_key_unique
    on credentials (organization_id, provider, state, environment, key_hash)
    where kind = 'facility'`.execute(db);

  // Item 1: license numbers compare case-insensitively.
  await sql`create unique index licenses_org_state_number_ci_unique
    on licenses (organization_id, state, upper(number))`.execute(db);
}
