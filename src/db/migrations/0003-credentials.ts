import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-database.ts';
import { withId } from './column-helpers.ts';

/**
 * Traceability credentials: the platform's vendor keys, organizations' Metrc user keys (sealed by
 * the vault), the licenses each key is assigned to, and one-time links for entering a key.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('vendor_keys'), dialect)
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('environment', 'text', (c) =>
      c.notNull().check(sql`environment in ('production','sandbox')`),
    )
    .addColumn('secret_ref', 'text', (c) => c.notNull().unique())
    .addColumn('sealed_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'integer', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vendor_keys_state_environment_unique', ['state', 'environment'])
    .execute();

  await withId(db.schema.createTable('credentials'), dialect)
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('provider', 'text', (c) => c.notNull().defaultTo('metrc'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('environment', 'text', (c) =>
      c.notNull().check(sql`environment in ('production','sandbox')`),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('facility','user')`))
    .addColumn('owner_user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('secret_ref', 'text', (c) => c.notNull().unique())
    .addColumn('sealed_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('unverified','valid','invalid','expired')`),
    )
    .addColumn('status_reason', 'text')
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    .addColumn('key_first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_verified_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('verification_report', 'text')
    .addColumn('created_by_user_id', 'integer', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'credentials_owner_matches_kind',
      sql`(kind = 'user' and owner_user_id is not null) or (kind = 'facility' and owner_user_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex('credentials_org_idx')
    .on('credentials')
    .columns(['organization_id', 'state'])
    .execute();
  // Rule 4: a person has at most one user credential per state (per organization).
  await sql`create unique index credentials_user_state_unique
    on credentials (organization_id, provider, state, owner_user_id) where kind = 'user'`.execute(
    db,
  );

  await withId(db.schema.createTable('credential_licenses'), dialect)
    .addColumn('credential_id', 'integer', (c) =>
      c.notNull().references('credentials.id').onDelete('cascade'),
    )
    .addColumn('license_id', 'integer', (c) =>
      c.notNull().references('licenses.id').onDelete('cascade'),
    )
    .addColumn('organization_id', 'integer', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addUniqueConstraint('credential_licenses_pair_unique', ['credential_id', 'license_id'])
    .execute();
  // Rule 4: a license is tied to one facility credential per provider.
  await sql`create unique index credential_licenses_facility_unique
    on credential_licenses (license_id, provider) where kind = 'facility'`.execute(db);

  await withId(db.schema.createTable('credential_intake_links'), dialect)
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'integer', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
}
