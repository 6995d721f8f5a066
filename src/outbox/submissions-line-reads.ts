/**
 * The dispatcher's reads of a license's line (part of the submissions repo, which spreads them
 * into its own object): a page of the line, that page with the license's work counter and
 * routing version in one snapshot, and what the set-aside rows touch. Compiled once, and
 * prepared on PostgreSQL (src/db/precompiled-query.ts): the dispatcher makes them on every
 * request.
 */
import { type Kysely, sql } from 'kysely';
import { type DB, precompile, type SubmissionRow } from '../db/index.ts';
import { ASIDE, IN_LINE } from './submission-statuses.ts';

/**
 * What the dispatcher plans, sends and settles by. Reading these and not `select *` (the answer,
 * errors, ids and stamps of a queued row are empty or unused) nearly halved the line read.
 */
const LINE_COLUMNS = [
  'id',
  'kind',
  'payload',
  'reference',
  'touches',
  'actor_user_id',
  'occurred_at',
  'created_at',
  'status',
  'released_at',
  'attempts',
  'next_attempt_at',
  'in_doubt',
  'last_sent_at',
  'credential_id',
  'key_fingerprint',
  'attribution',
] as const satisfies readonly (keyof SubmissionRow)[];

/** A submission as the dispatcher reads it from a license's line. */
export type LineRow = Pick<SubmissionRow, (typeof LINE_COLUMNS)[number]>;

export function createLineReads(db: Kysely<DB>) {
  type LinePage = { licenseId: number; afterId: number; limit: number };
  /** A page of the license's line, oldest first. */
  const linePage = (a: LinePage) =>
    db
      .selectFrom('submissions')
      .select(LINE_COLUMNS)
      .where('license_id', '=', a.licenseId)
      .where(IN_LINE)
      .where('id', '>', a.afterId)
      .orderBy('id')
      .limit(a.limit);
  const lineQuery = precompile(db, linePage);
  /**
   * A page of the line and the license's work counter (`license_leases.work_seq`, read here and
   * nowhere else outside license-leases-repo.ts) in one statement, so one snapshot: whatever
   * set a row aside or brought one back bumped that counter in the same transaction, so an
   * unchanged counter proves a set-aside list read earlier still holds for these rows. One row
   * with null columns when the line is empty.
   */
  const lineWithSeqQuery = precompile(db, (a: LinePage) =>
    db
      .selectFrom('license_leases as l')
      .leftJoin(linePage(a).as('s'), (join) => join.onTrue())
      .select('l.work_seq')
      // What rule 6 reads, as of the same snapshot: the organization's and the platform's
      // routing versions (migration 0014; each only grows, so their sum changes with either).
      .select((eb) =>
        eb
          .selectFrom('routing_versions as r')
          .select(sql<number>`cast(coalesce(sum(r.seq), 0) as integer)`.as('seq'))
          .where((w) => w.or([w('r.scope', '=', w.ref('l.organization_id')), w('r.scope', '=', 0)]))
          .as('routing_seq'),
      )
      .select(LINE_COLUMNS.map((column) => `s.${column}` as const))
      .where('l.license_id', '=', a.licenseId)
      .orderBy('s.id'),
  );
  /** `lineWithSeqQuery`'s answer: the counter, and the line's rows (none on the null row). */
  const pageOf = (found: Awaited<ReturnType<typeof lineWithSeqQuery.all>>) => ({
    seq: found[0]?.work_seq ?? 0,
    routingSeq: found[0]?.routing_seq ?? 0,
    rows: found.filter((row) => row.id !== null) as LineRow[],
  });
  const touchesOf = (rows: Array<{ touches: string }>) =>
    rows.flatMap((row) => JSON.parse(row.touches) as string[]);
  const asideQuery = precompile(db, (a: { licenseId: number }) =>
    db
      .selectFrom('submissions')
      .select('touches')
      .where('license_id', '=', a.licenseId)
      .where(ASIDE),
  );
  return {
    /** A page of a license's line, oldest first (partial index `submissions_pending_idx`). */
    inLine: (licenseId: number, afterId: number, limit: number): Promise<LineRow[]> =>
      lineQuery.all({ licenseId, afterId, limit }),

    /**
     * `inLine` with the license's work counter and its organization's routing version read in
     * the same snapshot (see `lineWithSeqQuery`). For the dispatcher, which holds the license's
     * lease: a license without a lease row (never given work) reads as seq 0 and an empty line.
     */
    lineWithSeq: async (
      licenseId: number,
      afterId: number,
      limit: number,
    ): Promise<{ seq: number; routingSeq: number; rows: LineRow[] }> => {
      return pageOf(await lineWithSeqQuery.all({ licenseId, afterId, limit }));
    },

    /**
     * The set-aside list and the line's first page read in one snapshot (a repeatable-read
     * transaction): for when the work counter keeps moving between `lineWithSeq` reads.
     */
    asideAndLine: (licenseId: number, limit: number) =>
      db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const touches = touchesOf(await asideQuery.all({ licenseId }, trx));
          const page = pageOf(await lineWithSeqQuery.all({ licenseId, afterId: 0, limit }, trx));
          return { touches, ...page };
        }),

    /** What the license's failed and held submissions touch. */
    asideTouches: async (licenseId: number): Promise<string[]> =>
      touchesOf(await asideQuery.all({ licenseId })),
  };
}
