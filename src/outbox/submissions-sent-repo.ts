/**
 * The one statement of the outbox's hottest write: a batch's rows marked `sent` (part of the
 * submissions repo, in a file of its own). Compiled once per batch size and shape, and prepared
 * on PostgreSQL (src/db/precompiled-query.ts): building it with Kysely on every request cost
 * half as much again as running it.
 */
import { type Kysely, sql } from 'kysely';
import { type DB, precompileRows } from '../db/index.ts';
import { attemptValues } from './submission-attempt.ts';

/** One row of the batch: its id and Metrc's ids for it (JSON text, or null). */
export interface SentRowValues {
  id: number;
  metrcIds: string | null;
}

/** What every row of the batch gets. */
export interface SentValues extends Record<string, unknown> {
  /** Metrc's answer to the request, JSON text. */
  answer: string;
  credentialId: number;
  fingerprint: string;
  attribution: 'own' | 'facility';
  now: string;
  /** When the request that carried them went out; null when a lookup found them (not counted). */
  sentAt: string | null;
}

function build(countAttempt: boolean) {
  return precompileRows(
    (executor: Kysely<DB>, rows: SentRowValues[], v: SentValues) => {
      // Metrc's ids differ per row: one statement, the ids chosen by a CASE on the row id.
      const ids = rows.map((row) => sql`when ${row.id} then ${row.metrcIds}`);
      return executor
        .updateTable('submissions')
        .set({
          // What any settle writes for the request that carried the rows (submission-attempt.ts).
          ...(countAttempt &&
            attemptValues({
              at: v.sentAt as string,
              key: {
                credentialId: v.credentialId,
                fingerprint: v.fingerprint,
                attribution: v.attribution,
              },
            })),
          status: 'sent',
          in_doubt: 0,
          last_error: null,
          metrc_ids: sql<string | null>`case id ${sql.join(ids, sql` `)} end`,
          metrc_answer: v.answer,
          credential_id: v.credentialId,
          key_fingerprint: v.fingerprint,
          attribution: v.attribution,
          sent_at: v.now,
          updated_at: v.now,
        })
        .where(
          'id',
          'in',
          rows.map((row) => row.id),
        );
    },
    ['id', 'metrcIds'],
  );
}

export function createSubmissionsSentRepo() {
  const counted = build(true);
  const found = build(false);
  return {
    /** Marks the rows sent; with `sentAt`, also counts the attempt that carried them. */
    markSent: async (rows: SentRowValues[], values: SentValues, executor: Kysely<DB>) => {
      if (rows.length === 0) return;
      await (values.sentAt === null ? found : counted)(executor, rows, values);
    },
  };
}
