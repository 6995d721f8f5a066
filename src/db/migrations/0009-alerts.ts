import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-database.ts';
import { withId } from './column-helpers.ts';

/**
 * Alerts and their delivery (console, e-mail, signed webhooks), notification preferences, and
 * the opt-in and published cohorts of cross-organization insights (rule 12).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const organizationId = (c: ColumnDefinitionBuilder) =>
    c.notNull().references('organizations.id').onDelete('cascade');

  await withId(db.schema.createTable('alerts'), dialect)
    .addColumn('organization_id', 'integer', organizationId)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('license_id', 'integer', (c) => c.references('licenses.id').onDelete('set null'))
    .addColumn('severity', 'text', (c) =>
      c.notNull().check(sql`severity in ('info','warning','critical')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','resolved')`))
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by_user_id', 'integer', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .execute();
  // Dedupe: at most one open alert per (organization, kind, subject), enforced by the database.
  await sql`create unique index alerts_open_subject_unique
    on alerts (organization_id, kind, subject_key) where status = 'open'`.execute(db);
  await db.schema
    .createIndex('alerts_org_status_idx')
    .on('alerts')
    .columns(['organization_id', 'status', 'raised_at'])
    .execute();

  await withId(db.schema.createTable('alert_preferences'), dialect)
    .addColumn('organization_id', 'integer', organizationId)
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin','manager','staff')`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('console', 'integer', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull())
    .addColumn('on_resolve', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('alert_preferences_unique', ['organization_id', 'role', 'kind'])
    .execute();

  await withId(db.schema.createTable('webhook_endpoints'), dialect)
    .addColumn('organization_id', 'integer', organizationId)
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('on_resolve', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('secret_ref', 'text', (c) => c.notNull().unique())
    .addColumn('sealed_secret', 'text', (c) => c.notNull())
    .addColumn('secret_fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'integer', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('alert_deliveries'), dialect)
    .addColumn('organization_id', 'integer', organizationId)
    .addColumn('alert_id', 'integer', (c) =>
      c.notNull().references('alerts.id').onDelete('cascade'),
    )
    .addColumn('event', 'text', (c) => c.notNull().check(sql`event in ('raised','resolved')`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email','webhook')`))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('endpoint_id', 'integer', (c) =>
      c.references('webhook_endpoints.id').onDelete('cascade'),
    )
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending','delivered','failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    // Once per raise (and per resolve): the same event never goes twice to the same target.
    .addUniqueConstraint('alert_deliveries_once', ['alert_id', 'event', 'channel', 'target'])
    .execute();
  await db.schema
    .createIndex('alert_deliveries_due_idx')
    .on('alert_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();

  await withId(db.schema.createTable('alert_delivery_attempts'), dialect)
    .addColumn('delivery_id', 'integer', (c) =>
      c.notNull().references('alert_deliveries.id').onDelete('cascade'),
    )
    .addColumn('organization_id', 'integer', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('delivered','failed')`))
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('alert_delivery_attempts_delivery_idx')
    .on('alert_delivery_attempts')
    .columns(['delivery_id', 'attempt'])
    .execute();

  await withId(db.schema.createTable('insight_opt_ins'), dialect)
    .addColumn('organization_id', 'integer', (c) => organizationId(c).unique())
    .addColumn('opted_in', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by_user_id', 'integer', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .execute();

  await withId(db.schema.createTable('insight_cohorts'), dialect)
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('organization_ids', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('insight_cohorts_unique', ['metric', 'group_key'])
    .execute();
}
