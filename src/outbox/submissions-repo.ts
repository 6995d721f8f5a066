/**
 * The only code that queries `submissions` and its package index `submission_packages`, with
 * `submissions-line-reads.ts` (the dispatcher's reads, spread in here) and
 * `submissions-sent-repo.ts` (the `sent` update). Every read of the API is scoped by organization.
 */
import { type Insertable, type Kysely, type RawBuilder, sql, type UpdateObject } from 'kysely';
import type {
  DB,
  Dialect,
  SubmissionRow,
  SubmissionStatus,
  SubmissionsTable,
} from '../db/index.ts';
import { packageLabelsOf } from './package-refs.ts';
import { ASIDE, IN_LINE, UNSENT } from './submission-statuses.ts';
import { createLineReads } from './submissions-line-reads.ts';

export {
  ASIDE_STATUSES,
  IN_LINE_STATUSES,
  UNSENT_STATUSES,
} from './submission-statuses.ts';
export type { LineRow } from './submissions-line-reads.ts';

export interface SubmissionFilter {
  licenseId?: number | undefined;
  actorUserId?: number | undefined;
  status?: SubmissionStatus | undefined;
  kind?: string | undefined;
  attribution?: 'own' | 'facility' | undefined;
  /** created_at bounds, ISO text. */
  from?: string | undefined;
  to?: string | undefined;
  beforeId?: number | undefined;
  /** Overdue: still in line (queued, sending) and created before this, ISO text. */
  overdueBefore?: string | undefined;
  /**
   * Ids in a request out at Metrc right now (recorded on their leases, stored as `queued`):
   * `status: 'sending'` finds them, `status: 'queued'` leaves them out.
   */
  inFlightIds?: readonly number[] | undefined;
  limit: number;
}

/**
 * @param options.dialect `postgres`: a group's rows and their package index are inserted by one
 *   statement (one round trip inside the enqueue transaction, where every round trip also waits
 *   its turn in the event loop). Without it, two statements (correct on both dialects).
 */
export function createSubmissionsRepo(db: Kysely<DB>, options: { dialect?: Dialect } = {}) {
  const lineReads = createLineReads(db);
  const insertWithIndex = (
    executor: Kysely<DB>,
    values: readonly Insertable<SubmissionsTable>[],
  ) => {
    const index = values.flatMap((v) => packageLabelsOf(v.touches).map((label) => ({ v, label })));
    const column = <T>(pick: (e: (typeof index)[number]) => T) => index.map(pick);
    return executor
      .with('s', (qb) => qb.insertInto('submissions').values(values).returning(['id', 'reference']))
      .with('p', (qb) =>
        qb
          .insertInto('submission_packages')
          .columns(['submission_id', 'organization_id', 'label'])
          .expression(
            sql<never>`select s.id, l.organization_id, l.label
              from unnest(${column((e) => e.v.reference)}::text[],
                          ${column((e) => e.v.organization_id)}::int4[],
                          ${column((e) => e.label)}::text[]) as l(reference, organization_id, label)
              join s on s.reference = l.reference`,
          ),
      )
      .selectFrom('s')
      .select(['id', 'reference'])
      .execute();
  };

  return {
    /** Writes the row and its package index (`submission_packages`) with the same executor. */
    insert: async (values: Insertable<SubmissionsTable>, executor = db) => {
      const row = await executor
        .insertInto('submissions')
        .values(values)
        .returningAll()
        .executeTakeFirstOrThrow();
      await indexPackages(executor, [row], false);
      return row;
    },

    /**
     * One multi-row insert, and one for the package index of them all (one statement on
     * PostgreSQL, see `options.dialect`); rows come back in the
     * order of `values`. Only ids are returned by the database: the rest of each row is what was
     * written plus the table's defaults (`insertedRow`), as `RETURNING *` doubled SQLite's cost
     * per row.
     */
    insertMany: async (values: readonly Insertable<SubmissionsTable>[], executor = db) => {
      if (values.length === 0) return [];
      const oneStatement = options.dialect === 'postgres';
      const ids = oneStatement
        ? await insertWithIndex(executor, values)
        : await executor
            .insertInto('submissions')
            .values(values)
            .returning(['id', 'reference'])
            .execute();
      const idOf = new Map(ids.map((row) => [row.reference, row.id]));
      const rows = values.map((v) => {
        const id = idOf.get(v.reference);
        if (id === undefined) throw new Error(`inserted submission ${v.reference} not returned`);
        return insertedRow(id, v);
      });
      if (!oneStatement) await indexPackages(executor, rows, false);
      return rows;
    },

    find: (organizationId: number, id: number, executor = db) =>
      executor
        .selectFrom('submissions')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .executeTakeFirst(),

    ...lineReads,

    update: async (
      ids: readonly number[],
      values: UpdateObject<DB, 'submissions', 'submissions'>,
      executor = db,
    ): Promise<void> => {
      if (ids.length === 0) return;
      const query = executor.updateTable('submissions').set(values).where('id', 'in', ids);
      if (values.touches === undefined) {
        await query.execute();
        return;
      }
      // An edit may change what it touches: the package index follows.
      const rows = await query.returning(['id', 'organization_id', 'touches']).execute();
      await indexPackages(executor, rows, true);
    },

    /** Updates those of `ids` still in the license's line (queued or sending). */
    updateInLine: async (
      licenseId: number,
      ids: readonly number[],
      values: UpdateObject<DB, 'submissions', 'submissions'>,
      executor = db,
    ): Promise<void> => {
      if (ids.length === 0) return;
      await executor
        .updateTable('submissions')
        .set(values)
        .where('id', 'in', ids)
        .where('license_id', '=', licenseId)
        .where(IN_LINE)
        .execute();
    },

    list: (organizationId: number, filter: SubmissionFilter) => {
      let query = db
        .selectFrom('submissions')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .orderBy('id', 'desc')
        .limit(filter.limit);
      if (filter.licenseId !== undefined) query = query.where('license_id', '=', filter.licenseId);
      if (filter.actorUserId !== undefined)
        query = query.where('actor_user_id', '=', filter.actorUserId);
      const flying = filter.inFlightIds?.length ? filter.inFlightIds : null;
      if (filter.status === 'sending' && flying) {
        query = query.where((eb) => eb.or([eb('status', '=', 'sending'), eb('id', 'in', flying)]));
      } else if (filter.status === 'queued' && flying) {
        query = query.where('status', '=', 'queued').where('id', 'not in', flying);
      } else if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.kind) query = query.where('kind', '=', filter.kind);
      if (filter.attribution) query = query.where('attribution', '=', filter.attribution);
      if (filter.from) query = query.where('created_at', '>=', filter.from);
      if (filter.to) query = query.where('created_at', '<', filter.to);
      if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
      // Failed and held ones are old too, but they are shown (and alerted) as what they are.
      if (filter.overdueBefore)
        query = query.where(IN_LINE).where('created_at', '<', filter.overdueBefore);
      return query.execute();
    },

    /** Per license: unsent count, by status, and the oldest unsent creation time. */
    queueStats: async (organizationId: number) => {
      // Through the line and aside indexes (by license), which together hold every unsent row:
      // no index of its own to rewrite on every status change of the outbox's hot path.
      const stats = (statuses: RawBuilder<boolean>) =>
        db
          .selectFrom('submissions')
          .select((eb) => [
            'license_id',
            'status',
            eb.fn.countAll<number>().as('count'),
            eb.fn.min('created_at').as('oldest'),
          ])
          // Scoped by the organization's licenses (no organization_id term: SQLite would then
          // pick `submissions_org_idx` and read the organization's whole history).
          .where('license_id', 'in', (eb) =>
            eb.selectFrom('licenses').select('id').where('organization_id', '=', organizationId),
          )
          .where(statuses)
          .groupBy(['license_id', 'status'])
          .execute();
      return [...(await stats(IN_LINE)), ...(await stats(ASIDE))];
    },

    /**
     * Unsent and created before `olderThan`, oldest first: per license through
     * `submissions_unsent_license_idx` (keyed by license so the outbox's status changes touch
     * few of its pages), then sorted. Scoped by the organization's licenses only, as
     * `queueStats` is.
     */
    overdue: (olderThan: string, organizationId: number | undefined, limit: number) =>
      db
        .selectFrom('submissions')
        .selectAll()
        .where('license_id', 'in', (eb) => {
          const licenses = eb.selectFrom('licenses').select('id');
          return organizationId === undefined
            ? licenses
            : licenses.where('organization_id', '=', organizationId);
        })
        .where(UNSENT)
        .where('created_at', '<', olderThan)
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute(),

    /** Failed or held: a person has to act. */
    aside: (organizationId: number | undefined, limit: number) => {
      let query = db.selectFrom('submissions').selectAll().where(ASIDE).orderBy('id').limit(limit);
      if (organizationId !== undefined) query = query.where('organization_id', '=', organizationId);
      return query.execute();
    },

    /** Held submissions of one person in one state (to route again when they get a key). */
    heldOf: (organizationId: number, userId: number | null, state: string) => {
      let query = db
        .selectFrom('submissions')
        .innerJoin('licenses', 'licenses.id', 'submissions.license_id')
        .selectAll('submissions')
        .where('submissions.organization_id', '=', organizationId)
        .where('submissions.status', '=', 'held')
        .where('licenses.state', '=', state);
      if (userId !== null) query = query.where('submissions.actor_user_id', '=', userId);
      return query.execute();
    },

    /**
     * Every submission touching one of these packages (the package ledger), by id: through
     * `submission_packages_label_idx`, so only those packages' history is read.
     */
    touchingPackages: async (organizationId: number, labels: readonly string[]) => {
      const rows = [];
      for (let i = 0; i < labels.length; i += LABEL_CHUNK) {
        const chunk = labels.slice(i, i + LABEL_CHUNK);
        rows.push(
          ...(await db
            .selectFrom('submissions')
            .select(['id', 'license_id', 'kind', 'payload', 'touches', 'status', 'in_doubt'])
            .select('last_sent_at')
            .where('organization_id', '=', organizationId)
            .where('id', 'in', (eb) =>
              eb
                .selectFrom('submission_packages')
                .select('submission_id')
                .where('organization_id', '=', organizationId)
                .where('label', 'in', chunk),
            )
            .execute()),
        );
      }
      const byId = new Map(rows.map((r) => [r.id, r]));
      return [...byId.values()].sort((a, b) => a.id - b.id);
    },

    /** Packages touched by a report sent at or after `since` (`submissions_org_sent_idx`). */
    packagesSentSince: async (organizationId: number, since: string): Promise<string[]> => {
      const rows = await db
        .selectFrom('submissions')
        .innerJoin('submission_packages', 'submission_packages.submission_id', 'submissions.id')
        .select('submission_packages.label')
        .distinct()
        .where('submissions.organization_id', '=', organizationId)
        .where('submissions.last_sent_at', 'is not', null)
        .where('submissions.last_sent_at', '>=', since)
        .execute();
      return rows.map((r) => r.label);
    },
  };
}

export type SubmissionsRepo = ReturnType<typeof createSubmissionsRepo>;

/** Labels per query: well under SQLite's bound-parameter limit. */
const LABEL_CHUNK = 500;

/** (Re)writes the `submission_packages` rows of these submissions from their `touches`. */
async function indexPackages(
  executor: Kysely<DB>,
  rows: readonly Pick<SubmissionRow, 'id' | 'organization_id' | 'touches'>[],
  replace: boolean,
): Promise<void> {
  if (replace && rows.length > 0) {
    await executor
      .deleteFrom('submission_packages')
      .where(
        'submission_id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
  }
  const entries = rows.flatMap((row) =>
    packageLabelsOf(row.touches).map((label) => ({
      submission_id: row.id,
      organization_id: row.organization_id,
      label,
    })),
  );
  if (entries.length === 0) return;
  await executor.insertInto('submission_packages').values(entries).execute();
}

/**
 * The row as stored: the values written plus the table's defaults (migrations 0007 on). A test
 * reads inserted rows back on both dialects and compares them with this.
 */
function insertedRow(id: number, v: Insertable<SubmissionsTable>): SubmissionRow {
  return {
    id,
    organization_id: v.organization_id,
    license_id: v.license_id,
    kind: v.kind,
    payload: v.payload,
    reference: v.reference,
    touches: v.touches,
    actor_user_id: v.actor_user_id ?? null,
    actor_token_id: v.actor_token_id ?? null,
    occurred_at: v.occurred_at,
    status: v.status,
    hold_reason: v.hold_reason ?? null,
    released_by_user_id: v.released_by_user_id ?? null,
    released_at: v.released_at ?? null,
    attempts: v.attempts ?? 0,
    next_attempt_at: v.next_attempt_at,
    last_error: v.last_error ?? null,
    in_doubt: v.in_doubt ?? 0,
    last_sent_at: v.last_sent_at ?? null,
    credential_id: v.credential_id ?? null,
    key_fingerprint: v.key_fingerprint ?? null,
    attribution: v.attribution ?? null,
    metrc_ids: v.metrc_ids ?? null,
    metrc_answer: v.metrc_answer ?? null,
    created_at: v.created_at,
    updated_at: v.updated_at,
    sent_at: v.sent_at ?? null,
  };
}

export type { SubmissionRow };
