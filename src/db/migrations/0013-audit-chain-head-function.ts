import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-database.ts';

/**
 * PostgreSQL: take an audit chain's lock and read its head in ONE statement (src/audit/
 * audit-repo.ts). Every append under the lock is one round trip shorter, and the lock is held to
 * the commit, so each saved round trip is time no one else of the organization waits.
 * VOLATILE: under READ COMMITTED each statement inside it takes a new snapshot, so the head is
 * read after the lock is granted and sees what the previous holder committed (one statement
 * selecting the lock and the head together would read with a snapshot taken before the wait).
 * SQLite has one writer and needs no lock.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`
    create function audit_chain_lock_head(lock_class integer, chain integer)
      returns table (head_hash text, head_seq integer)
      language plpgsql volatile
    as $$
    begin
      perform pg_advisory_xact_lock(lock_class, chain);
      return query
        select a.hash, a.chain_seq from audit_events a
         where coalesce(a.organization_id, 0) = chain and a.chain_seq is not null
         order by a.chain_seq desc
         limit 1;
    end
    $$`.execute(db);
}
