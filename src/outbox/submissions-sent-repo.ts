/**
 * The one statement of the outbox's hottest write: every row of a settle group (one or more
 * batches Metrc took) marked `sent` (part of the submissions repo, in a file of its own).
 *
 * One statement per group, whatever its size: the rows' values travel as arrays (PostgreSQL's
 * `unnest`) or one JSON array (SQLite's `json_each`), so the text never changes and PostgreSQL
 * prepares it once per connection. A statement per batch cost each group of ≈ 3 batches two more
 * round trips, and a text per row count could not stay prepared.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB, Dialect } from '../db/index.ts';
import { PREPARED_MARK } from '../db/pg-prepared-statements.ts';

/** One row marked sent, with what its batch's settle writes on it. */
export interface SentRow {
  id: number;
  /** Metrc's ids for this row, JSON text, or null. */
  metrcIds: string | null;
  /** Metrc's answer to the request, JSON text. */
  answer: string;
  credentialId: number;
  fingerprint: string;
  attribution: 'own' | 'facility';
  /**
   * When the request that carried it went out: the attempt is counted (submission-attempt.ts).
   * Null when a lookup found it (that attempt was counted by the settle of the request itself).
   */
  sentAt: string | null;
}

/**
 * What every row gets; `v` holds the row's own values. Same columns as `attemptValues`, and like
 * it the key's id only while the key exists: one deleted while its request was out is null
 * (its fingerprint and attribution stay), not a foreign-key error that would stop the license.
 */
const SET = `status = 'sent', in_doubt = 0, last_error = null,
  metrc_ids = v.metrc_ids, metrc_answer = v.answer,
  credential_id = (select c.id from credentials c where c.id = v.credential_id),
  key_fingerprint = v.key_fingerprint, attribution = v.attribution,
  attempts = attempts + (case when v.sent_at is null then 0 else 1 end),
  last_sent_at = coalesce(v.sent_at, last_sent_at)`;

const POSTGRES = `${PREPARED_MARK}update submissions set ${SET}, sent_at = $8, updated_at = $8
  from unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[])
    as v(id, metrc_ids, answer, credential_id, key_fingerprint, attribution, sent_at)
 where submissions.id = v.id`;

const SQLITE = `update submissions set ${SET}, sent_at = ?, updated_at = ?
  from (select value ->> 0 as id, value ->> 1 as metrc_ids, value ->> 2 as answer,
               value ->> 3 as credential_id, value ->> 4 as key_fingerprint,
               value ->> 5 as attribution, value ->> 6 as sent_at
          from json_each(?)) as v
 where submissions.id = v.id`;

export function createSubmissionsSentRepo(dialect: Dialect) {
  function compiled(rows: readonly SentRow[], now: string): CompiledQuery {
    if (dialect === 'postgres') {
      return CompiledQuery.raw(POSTGRES, [
        rows.map((r) => r.id),
        rows.map((r) => r.metrcIds),
        rows.map((r) => r.answer),
        rows.map((r) => r.credentialId),
        rows.map((r) => r.fingerprint),
        rows.map((r) => r.attribution),
        rows.map((r) => r.sentAt),
        now,
      ]);
    }
    const values = rows.map((r) => [
      r.id,
      r.metrcIds,
      r.answer,
      r.credentialId,
      r.fingerprint,
      r.attribution,
      r.sentAt,
    ]);
    return CompiledQuery.raw(SQLITE, [now, now, JSON.stringify(values)]);
  }

  return {
    /** Marks the rows sent (any number, from any batches); returns how many it changed. */
    markSent: async (rows: readonly SentRow[], now: string, executor: Kysely<DB>) => {
      if (rows.length === 0) return 0;
      const result = await executor.executeQuery(compiled(rows, now));
      return Number(result.numAffectedRows ?? 0);
    },
  };
}
