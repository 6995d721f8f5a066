import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-database.ts';
import { withId } from './column-helpers.ts';

/**
 * The outbox: every action reported to Metrc (`submissions`), the dispatch state of each
 * license (`license_leases`: lease, fencing token, wake-up time, pause), personal-key policies
 * per organization and state (rule 6), and members' own references (`memberships.external_ref`).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('submissions'), dialect)
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('license_id', 'integer', (c) =>
      c.notNull().references('licenses.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('touches', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_token_id', 'integer')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued','held','sending','sent','failed','dismissed')`),
    )
    .addColumn('hold_reason', 'text')
    .addColumn('released_by_user_id', 'integer', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('released_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('in_doubt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_sent_at', 'text')
    .addColumn('credential_id', 'integer', (c) =>
      c.references('credentials.id').onDelete('set null'),
    )
    .addColumn('key_fingerprint', 'text')
    .addColumn('attribution', 'text', (c) => c.check(sql`attribution in ('own','facility')`))
    .addColumn('metrc_ids', 'text')
    .addColumn('metrc_answer', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  // The head of each license's line: small however many rows are sent (partial).
  await sql`create index submissions_pending_idx on submissions (license_id, id)
    where status in ('queued','sending')`.execute(db);
  // Rows out of line (failed, held): what later rows of the same objects wait behind.
  await sql`create index submissions_aside_idx on submissions (license_id, id)
    where status in ('failed','held')`.execute(db);
  // Overdue scan: unsent rows by age.
  await sql`create index submissions_unsent_idx on submissions (created_at)
    where status in ('queued','held','sending','failed')`.execute(db);
  // Queue depth per license on the licenses API.
  await sql`create index submissions_unsent_org_idx on submissions (organization_id, license_id)
    where status in ('queued','held','sending','failed')`.execute(db);
  await db.schema
    .createIndex('submissions_org_idx')
    .on('submissions')
    .columns(['organization_id', 'id'])
    .execute();
  await db.schema
    .createIndex('submissions_reference_idx')
    .on('submissions')
    .columns(['license_id', 'reference'])
    .execute();

  await db.schema
    .createTable('license_leases')
    .addColumn('license_id', 'integer', (c) =>
      c.primaryKey().references('licenses.id').onDelete('cascade'),
    )
    .addColumn('organization_id', 'integer', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_token', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_expires_at', 'text')
    .addColumn('wake_at', 'text')
    .addColumn('work_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_at', 'text')
    .addColumn('pause_code', 'text')
    .addColumn('pause_message', 'text')
    .addColumn('pause_credential_id', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Claiming: the earliest due license that is not paused (partial: idle licenses drop out).
  await sql`create index license_leases_due_idx on license_leases (wake_at)
    where wake_at is not null and paused_at is null`.execute(db);

  await db.schema
    .createTable('personal_key_policies')
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('personal_key_policies_pk', ['organization_id', 'state'])
    .execute();

  await db.schema.alterTable('memberships').addColumn('external_ref', 'text').execute();
  await sql`create unique index memberships_external_ref_unique
    on memberships (organization_id, external_ref) where external_ref is not null`.execute(db);
}
