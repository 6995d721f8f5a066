import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-database.ts';

/**
 * Fewer index pages rewritten per status change on the outbox's hot path (every `sending` and
 * `sent` update rewrites each index whose condition names `status`):
 * - `submissions_unsent_org_idx` goes: queue depth per license reads the line and aside indexes
 *   (`submissions_pending_idx`, `submissions_aside_idx`), which together hold every unsent row.
 * - the overdue scan's index is keyed by license first: a batch's 50 rows (one license,
 *   interleaved with every other license's rows in creation order) then sit on one or two index
 *   pages instead of ~50 (`created_at` alone spread them over the whole backlog).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await sql`drop index if exists submissions_unsent_org_idx`.execute(db);
  await sql`drop index if exists submissions_unsent_idx`.execute(db);
  await sql`create index submissions_unsent_license_idx on submissions (license_id, created_at)
    where status in ('queued','held','sending','failed')`.execute(db);
}
