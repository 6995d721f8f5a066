/**
 * Every change the dispatcher makes to a submission, each in a transaction that first renews
 * the license lease with its fencing token: a worker that lost its lease (stalled, partitioned)
 * changes nothing, and no one can take the lease in the middle of a settle.
 */
import { type Kysely, sql } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { CredentialsRepo } from '../credentials/index.ts';
import type { DB, SubmissionRow } from '../db/index.ts';
import { type Clock, toTimestamp } from '../lib/index.ts';
import type { RoutedKey } from './key-router.ts';
import type { InFlight, LicenseLease, LicenseLeasesRepo } from './license-leases-repo.ts';
import type { SubmissionsRepo } from './submissions-repo.ts';

/** What went wrong, as stored in `last_error` and shown in the detail view. */
export interface SubmissionError {
  code: string;
  message: string;
  /** Metrc's row messages on a 400. */
  rows?: Array<{ row: number | null; message: string }>;
  httpStatus?: number;
}

/**
 * One request that went out (or may have): what its settle writes on each of its rows — one more
 * attempt, when, and under which key. Carried from `sending` to whichever settle follows.
 */
export interface Attempt {
  at: string;
  key: Pick<RoutedKey, 'credentialId' | 'fingerprint' | 'attribution'>;
}

function attemptValues(attempt: Attempt | undefined) {
  if (!attempt) return {};
  return {
    attempts: sql<number>`attempts + 1`,
    last_sent_at: attempt.at,
    credential_id: attempt.key.credentialId,
    key_fingerprint: attempt.key.fingerprint,
    attribution: attempt.key.attribution,
  };
}

/** How stale a key's `last_used_at` may get while it is in use (it is shown, never decided on). */
export const KEY_TOUCH_INTERVAL_MS = 60_000;

export function createSubmissionSettler(deps: {
  db: Kysely<DB>;
  submissions: SubmissionsRepo;
  leases: LicenseLeasesRepo;
  credentials: Pick<CredentialsRepo, 'touchUsed'>;
  audit: AuditService;
  clock: Clock;
  leaseTtlMs: number;
}) {
  const { db, submissions, leases, audit, clock } = deps;
  const ids = (rows: readonly SubmissionRow[]) => rows.map((row) => row.id);
  const stamp = () => toTimestamp(clock.now());
  /**
   * When this process last stamped each key's `last_used_at` (ms): a key is stamped at most once
   * per KEY_TOUCH_INTERVAL_MS here, and the update itself skips a fresher stamp another worker
   * wrote. Set before the commit: a rolled-back stamp only delays the next one.
   */
  const touched = new Map<number, number>();

  async function fenced(lease: LicenseLease, work: (trx: Kysely<DB>) => Promise<void>) {
    await db.transaction().execute(async (trx) => {
      await leases.renew(lease, deps.leaseTtlMs, trx, true);
      await work(trx);
    });
  }

  return {
    fenced,

    /**
     * Before a request leaves: recorded on the lease (one row, one statement, committed), not on
     * each submission; from here on the request may have reached Metrc. The settle that follows
     * writes the attempt on the rows and clears the record; if none does (the worker died), the
     * next holder of the lease finds the record at claim and `recover`s.
     */
    async sending(
      lease: LicenseLease,
      rows: readonly SubmissionRow[],
      key: RoutedKey,
    ): Promise<Attempt> {
      const at = stamp();
      const attempt: Attempt = {
        at,
        key: { credentialId: key.credentialId, fingerprint: key.fingerprint, attribution: key.attribution },
      };
      await leases.markInFlight(lease, deps.leaseTtlMs, { ids: ids(rows), at, ...attempt.key });
      return attempt;
    },

    /**
     * A request the lease's previous holder sent and never settled: its rows (those still in
     * line) get the attempt and are in doubt, so each is looked up before it is sent again.
     */
    recover: (lease: LicenseLease, inFlight: InFlight) =>
      fenced(lease, async (trx) => {
        const { ids: rowIds, at, ...key } = inFlight;
        await submissions.updateInLine(
          lease.licenseId,
          rowIds,
          { ...attemptValues({ at, key }), status: 'queued', in_doubt: 1, updated_at: stamp() },
          trx,
        );
      }),

    /** Metrc took them (or a lookup found them): done, with Metrc's ids and answer. */
    sent: (
      lease: LicenseLease,
      rows: readonly SubmissionRow[],
      outcome: {
        metrcIds: Array<number[] | null>;
        answer: unknown;
        key: Pick<RoutedKey, 'credentialId' | 'fingerprint' | 'attribution'>;
        kind: string;
        reconciled: boolean;
        /** The request that carried them; none when a lookup found them (already counted). */
        attempt?: Attempt;
      },
    ) =>
      fenced(lease, async (trx) => {
        const now = stamp();
        // Metrc's ids differ per row: one statement, the ids chosen by a CASE on the row id.
        const idsText = rows.map((row, index) => {
          const metrcIds = outcome.metrcIds[index] ?? null;
          return sql`when ${row.id} then ${metrcIds ? JSON.stringify(metrcIds) : null}`;
        });
        await submissions.update(
          ids(rows),
          {
            ...attemptValues(outcome.attempt),
            status: 'sent',
            in_doubt: 0,
            last_error: null,
            metrc_ids: sql<string | null>`case id ${sql.join(idsText, sql` `)} end`,
            metrc_answer: JSON.stringify(outcome.answer ?? null),
            credential_id: outcome.key.credentialId,
            key_fingerprint: outcome.key.fingerprint,
            attribution: outcome.key.attribution,
            sent_at: now,
            updated_at: now,
          },
          trx,
        );
        const nowMs = clock.now().getTime();
        const last = touched.get(outcome.key.credentialId);
        if (last === undefined || nowMs - last >= KEY_TOUCH_INTERVAL_MS || nowMs < last) {
          touched.set(outcome.key.credentialId, nowMs);
          await deps.credentials.touchUsed(
            lease.organizationId,
            outcome.key.credentialId,
            now,
            toTimestamp(new Date(nowMs - KEY_TOUCH_INTERVAL_MS)),
            trx,
          );
        }
        await audit.record(
          {
            organizationId: lease.organizationId,
            actor: {},
            action: outcome.reconciled ? 'submission.reconciled' : 'submission.uploaded',
            target: { type: 'license', id: lease.licenseId },
            details: {
              kind: outcome.kind,
              submissionIds: ids(rows),
              credentialId: outcome.key.credentialId,
              fingerprint: outcome.key.fingerprint,
              attribution: outcome.key.attribution,
            },
          },
          trx,
        );
      }),

    /** Metrc refused it (400) or it cannot be sent as is: out of line until a person acts. */
    failed: (lease: LicenseLease, row: SubmissionRow, error: SubmissionError, attempt?: Attempt) =>
      fenced(lease, async (trx) => {
        const now = stamp();
        await submissions.update(
          [row.id],
          {
            ...attemptValues(attempt),
            status: 'failed',
            in_doubt: 0,
            last_error: JSON.stringify(error),
            metrc_answer: error.rows ? JSON.stringify({ rows: error.rows }) : null,
            updated_at: now,
          },
          trx,
        );
        await audit.record(
          {
            organizationId: lease.organizationId,
            actor: {},
            action: 'submission.failed',
            target: { type: 'submission', id: row.id },
            details: {
              kind: row.kind,
              code: error.code,
              fingerprint: attempt?.key.fingerprint ?? row.key_fingerprint,
            },
          },
          trx,
        );
      }),

    /** Stays at the head; tried again at `until`. */
    retryLater: (
      lease: LicenseLease,
      rows: readonly SubmissionRow[],
      until: Date,
      error: SubmissionError,
      inDoubt: boolean,
      attempt?: Attempt,
    ) =>
      fenced(lease, async (trx) => {
        await submissions.update(
          ids(rows),
          {
            ...attemptValues(attempt),
            status: 'queued',
            in_doubt: inDoubt ? 1 : 0,
            next_attempt_at: toTimestamp(until),
            last_error: JSON.stringify(error),
            updated_at: stamp(),
          },
          trx,
        );
        await leases.deferTo(lease, until, trx);
      }),

    /** Nothing reached Metrc: back in line as it was (after a 400 split, a 401, a refusal). */
    requeue: (
      lease: LicenseLease,
      rows: readonly SubmissionRow[],
      error?: SubmissionError,
      attempt?: Attempt,
    ) =>
      fenced(lease, async (trx) => {
        await submissions.update(
          ids(rows),
          {
            ...attemptValues(attempt),
            status: 'queued',
            in_doubt: 0,
            ...(error && { last_error: JSON.stringify(error) }),
            updated_at: stamp(),
          },
          trx,
        );
      }),

    /** Rule 6: no key may report it yet. */
    held: (lease: LicenseLease, row: SubmissionRow, reason: string) =>
      fenced(lease, async (trx) => {
        await submissions.update(
          [row.id],
          { status: 'held', hold_reason: reason, updated_at: stamp() },
          trx,
        );
      }),

    /** Rule 8: the facility key was refused; the license stops syncing until a key is saved. */
    pause: (
      lease: LicenseLease,
      rows: readonly SubmissionRow[],
      pause: { code: string; message: string; credentialId: number },
    ) =>
      fenced(lease, async (trx) => {
        await submissions.update(
          ids(rows),
          {
            status: 'queued',
            in_doubt: 0,
            last_error: JSON.stringify({ code: pause.code, message: pause.message }),
            updated_at: stamp(),
          },
          trx,
        );
        await leases.pause(lease.licenseId, pause, trx);
        await audit.record(
          {
            organizationId: lease.organizationId,
            actor: {},
            action: 'license.sync_paused',
            target: { type: 'license', id: lease.licenseId },
            details: { code: pause.code, credentialId: pause.credentialId },
          },
          trx,
        );
      }),
  };
}

export type SubmissionSettler = ReturnType<typeof createSubmissionSettler>;
