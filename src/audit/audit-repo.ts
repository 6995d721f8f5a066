import { type Kysely, sql } from 'kysely';
import type { AuditEvent, DB, Dialect } from '../db/index.ts';
import { type AuditFields, GENESIS_HASH, hashAuditEvent } from './audit-fns.ts';

/**
 * Class half of the two-int PostgreSQL advisory-lock key `(class, chain)`; the chain half is the
 * organization id, or 0 for platform events (ids start at 1). Nothing else uses this class.
 */
const AUDIT_CHAIN_LOCK_CLASS = 7_424_001;

export type NewAuditFields = Omit<AuditFields, 'prev_hash' | 'chain_seq'>;

/** The chain key the unique index and the lock use: the organization id, 0 for platform. */
const chainKeyOf = (organizationId: number | null) => organizationId ?? 0;

/** The only code that reads or writes `audit_events`. */
export function createAuditRepo(db: Kysely<DB>, dialect: Dialect) {
  /** The chain's newest link (SQLite: one writer at a time, so no lock is needed). */
  const head = (trx: Kysely<DB>, key: number) =>
    trx
      .selectFrom('audit_events')
      .select(['hash', 'chain_seq'])
      .where(sql<number>`coalesce(organization_id, 0)`, '=', key)
      .where('chain_seq', 'is not', null)
      .orderBy('chain_seq', 'desc')
      .limit(1)
      .executeTakeFirst();

  /** PostgreSQL: the chain's lock, then its newest link, in one round trip (migration 0013). */
  async function lockHead(trx: Kysely<DB>, key: number) {
    const { rows } = await sql<{ head_hash: string; head_seq: number }>`
      select head_hash, head_seq
        from audit_chain_lock_head(${AUDIT_CHAIN_LOCK_CLASS}::int4, ${key}::int4)`.execute(trx);
    const [row] = rows;
    return row ? { hash: row.head_hash, chain_seq: row.head_seq } : undefined;
  }

  /**
   * Appends events to one chain, in order, under one lock and one read of the head: the
   * organization's chain (or the platform chain). Serialised per chain: a PostgreSQL advisory
   * lock on the chain (SQLite has one writer anyway), so two organizations never wait for each
   * other and one chain never forks. The unique index on (chain, chain_seq) refuses a fork even if
   * the lock were bypassed. Call it as the last step before commit: the lock is held until then.
   */
  async function appendMany(
    executor: Kysely<DB>,
    entries: readonly NewAuditFields[],
  ): Promise<AuditEvent[]> {
    const first = entries[0];
    if (!first) return [];
    const key = chainKeyOf(first.organization_id);
    if (entries.some((e) => chainKeyOf(e.organization_id) !== key)) {
      throw new Error('appendMany: every event must belong to the same chain');
    }
    const run = async (trx: Kysely<DB>) => {
      const last = dialect === 'postgres' ? await lockHead(trx, key) : await head(trx, key);
      let prevHash = last?.hash ?? GENESIS_HASH;
      let chainSeq = last?.chain_seq ?? 0;
      const rows = entries.map((fields) => {
        const withLink: AuditFields = { ...fields, prev_hash: prevHash, chain_seq: ++chainSeq };
        prevHash = hashAuditEvent(withLink);
        return { ...withLink, hash: prevHash };
      });
      // One multi-row insert: ids are drawn in VALUES order on both dialects, so id order is
      // chain order (what verify() walks). Only ids come back (every other column is in `rows`:
      // RETURNING * cost SQLite more than the insert), matched by chain_seq.
      const inserted = await trx
        .insertInto('audit_events')
        .values(rows)
        .returning(['id', 'chain_seq'])
        .execute();
      const idOf = new Map(inserted.map((r) => [r.chain_seq, r.id]));
      return rows.map((row): AuditEvent => {
        const id = idOf.get(row.chain_seq);
        if (id === undefined) throw new Error(`audit event ${row.chain_seq} not returned`);
        return { id, ...row };
      });
    };
    return executor.isTransaction ? run(executor) : executor.transaction().execute(run);
  }

  /** Appends one event to its chain (see `appendMany`). */
  async function append(executor: Kysely<DB>, fields: NewAuditFields): Promise<AuditEvent> {
    const [event] = await appendMany(executor, [fields]);
    if (!event) throw new Error('audit append returned no row');
    return event;
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

  /**
   * Events in id order, a batch at a time (for verification): all of them, or only one chain
   * (`organizationId` null = the platform chain; legacy events are not part of either).
   */
  async function* walk(
    options: { organizationId?: number | null; batchSize?: number } = {},
  ): AsyncGenerator<AuditEvent> {
    const batchSize = options.batchSize ?? 500;
    let afterId = 0;
    for (;;) {
      let query = db
        .selectFrom('audit_events')
        .selectAll()
        .where('id', '>', afterId)
        .orderBy('id', 'asc')
        .limit(batchSize);
      if (options.organizationId !== undefined) {
        query = query
          .where(sql<number>`coalesce(organization_id, 0)`, '=', chainKeyOf(options.organizationId))
          .where('chain_seq', 'is not', null);
      }
      const rows = await query.execute();
      yield* rows;
      if (rows.length < batchSize) return;
      afterId = rows[rows.length - 1]?.id ?? afterId;
    }
  }

  return { append, appendMany, listForOrganization, walk };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
