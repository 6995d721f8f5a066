/**
 * Which statuses count as what, for every query of `submissions` (submissions-repo.ts and the
 * dispatcher's line reads, submissions-line-reads.ts).
 */
import { type RawBuilder, sql } from 'kysely';
import type { SubmissionStatus } from '../db/index.ts';

/** Still to be reported (or needing a person): what "unsent" and queue depth count. */
export const UNSENT_STATUSES: readonly SubmissionStatus[] = ['queued', 'held', 'sending', 'failed'];
/** In line: what the dispatcher sends, oldest first. */
export const IN_LINE_STATUSES: readonly SubmissionStatus[] = ['queued', 'sending'];
/** Out of line: later submissions touching their objects wait behind them. */
export const ASIDE_STATUSES: readonly SubmissionStatus[] = ['failed', 'held'];

/**
 * Status lists as SQL literals: SQLite uses a partial index only when it can prove the query's
 * condition implies the index's, which it cannot with bound parameters.
 */
function statusIn(statuses: readonly SubmissionStatus[]): RawBuilder<boolean> {
  return sql<boolean>`status in (${sql.raw(statuses.map((s) => `'${s}'`).join(','))})`;
}
export const IN_LINE = statusIn(IN_LINE_STATUSES);
export const ASIDE = statusIn(ASIDE_STATUSES);
export const UNSENT = statusIn(UNSENT_STATUSES);
