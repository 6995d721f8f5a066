import { type Kysely, sql } from 'kysely';
import type { AuditEvent, DB, Dialect } from '../db/index.ts';
import { type AuditFields, GENESIS_HASH, hashAuditEvent } from './audit-fns.ts';

/** Any PostgreSQL advisory-lock key works as long as nothing else uses it. */
const AUDIT_CHAIN_LOCK_KEY = 7_424_001;

export type NewAuditFields = Omit<AuditFields, 'prev_hash'>;

/** The only code that reads or writes `audit_events`. */
export function createAuditRepo(db: Kysely<DB>, dialect: Dialect) {
  /** Appends one event to the chain; serialised so two writers never fork it. */
  async function append(executor: Kysely<DB>, fields: NewAuditFields): Promise<AuditEvent> {
    const run = async (trx: Kysely<DB>) => {
      if (dialect === 'postgres') {
        await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`.execute(trx);
      }
      const last = await trx
        .selectFrom('audit_events')
        .select('hash')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      const withLink = { ...fields, prev_hash: last?.hash ?? GENESIS_HASH };
      return trx
        .insertInto('audit_events')
        .values({ ...withLink, hash: hashAuditEvent(withLink) })
        .returningAll()
        .executeTakeFirstOrThrow();
    };
    return executor.isTransaction ? run(executor) : executor.transaction().execute(run);
  }

  /** Newest first, within one organization. */
  function listForOrganization(organizationId: number, limit: number, beforeId?: number) {
    let query = db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('id', 'desc')
      .limit(limit);
    if (beforeId !== undefined) query = query.where('id', '<', beforeId);
    return query.execute();
  }

  /** The whole chain in order, a batch at a time (for verification). */
  async function* walk(batchSize = 500): AsyncGenerator<AuditEvent> {
    let afterId = 0;
    for (;;) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('id', '>', afterId)
        .orderBy('id', 'asc')
        .limit(batchSize)
        .execute();
      yield* rows;
      if (rows.length < batchSize) return;
      afterId = rows[rows.length - 1]?.id ?? afterId;
    }
  }

  return { append, listForOrganization, walk };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
