import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-database.ts';

/**
 * Lets the quantity-drift check read only the packages that changed instead of the whole
 * organization's package history: which submissions touch which package (`submission_packages`,
 * one row per package ref in `touches`, filled from the existing rows here), recent sent reports
 * by organization, and mirrored packages by when they were last pulled.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('submission_packages')
    .addColumn('submission_id', 'integer', (c) =>
      c.notNull().references('submissions.id').onDelete('cascade'),
    )
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_packages_pk', ['submission_id', 'label'])
    .execute();
  await db.schema
    .createIndex('submission_packages_label_idx')
    .on('submission_packages')
    .columns(['organization_id', 'label'])
    .execute();
  // Reports sent since a time, per organization: the packages whose expectation just changed.
  await sql`create index submissions_org_sent_idx on submissions (organization_id, last_sent_at)
    where last_sent_at is not null`.execute(db);
  await db.schema
    .createIndex('mirror_packages_org_synced_idx')
    .on('mirror_packages')
    .columns(['organization_id', 'synced_at'])
    .execute();

  const rows = await sql<{ id: number; organization_id: number; touches: string }>`
    select id, organization_id, touches from submissions where touches like '%"package:%'`.execute(
    db,
  );
  for (const row of rows.rows) {
    for (const label of packageLabelsOf(row.touches)) {
      await sql`insert into submission_packages (submission_id, organization_id, label)
        values (${row.id}, ${row.organization_id}, ${label})`.execute(db);
    }
  }
}

/** The package labels in a `touches` JSON list (`package:<label>` refs); a copy, as migrations are frozen. */
function packageLabelsOf(touches: string): string[] {
  try {
    const refs = JSON.parse(touches) as unknown;
    if (!Array.isArray(refs)) return [];
    return [
      ...new Set(
        refs
          .filter((r): r is string => typeof r === 'string' && r.startsWith('package:'))
          .map((r) => r.slice('package:'.length)),
      ),
    ];
  } catch {
    return [];
  }
}
