/**
 * Every change the dispatcher makes to a submission, each in a transaction that first renews
 * the license lease with its fencing token: a worker that lost its lease (stalled, partitioned)
 * changes nothing, and no one can take the lease in the middle of a settle. `sending` is one
 * fenced statement on the lease; `sent` goes through sent-writer.ts, which writes one
 * organization's settles that arrive together in one such transaction.
 */
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { CredentialsRepo } from '../credentials/index.ts';
import type { DB, Dialect } from '../db/index.ts';
import { type Clock, toTimestamp } from '../lib/index.ts';
import type { RoutedKey } from './key-router.ts';
import type { InFlight, LicenseLease, LicenseLeasesRepo } from './license-leases-repo.ts';
import { createSentWriter } from './sent-writer.ts';
import { type Attempt, attemptValues } from './submission-attempt.ts';
import type { LineRow, SubmissionsRepo } from './submissions-repo.ts';

/** What went wrong, as stored in `last_error` and shown in the detail view. */
export interface SubmissionError {
  code: string;
  message: string;
  /** Metrc's row messages on a 400. */
  rows?: Array<{ row: number | null; message: string }>;
  httpStatus?: number;
}

export function createSubmissionSettler(deps: {
  db: Kysely<DB>;
  dialect: Dialect;
  submissions: SubmissionsRepo;
  leases: LicenseLeasesRepo;
  credentials: Pick<CredentialsRepo, 'touchUsed'>;
  audit: AuditService;
  clock: Clock;
  leaseTtlMs: number;
}) {
  const { db, submissions, leases, audit, clock } = deps;
  const ids = (rows: readonly LineRow[]) => rows.map((row) => row.id);
  const stamp = () => toTimestamp(clock.now());
  const sentWriter = createSentWriter(deps);
  /** Rows this worker set aside (failed, held), per license: the drain's cue to read again. */
  const asideCount = new Map<number, number>();
  const setAside = (licenseId: number) =>
    asideCount.set(licenseId, (asideCount.get(licenseId) ?? 0) + 1);

  async function fenced(lease: LicenseLease, work: (trx: Kysely<DB>) => Promise<void>) {
    await db.transaction().execute(async (trx) => {
      await leases.renew(lease, deps.leaseTtlMs, trx, true);
      await work(trx);
    });
  }

  return {
    fenced,

    /** How many rows this worker has set aside on the license (grows; never read from the table). */
    asideChanges: (licenseId: number) => asideCount.get(licenseId) ?? 0,

    /**
     * Before a request leaves: recorded on the lease (one row, one statement, committed), not on
     * each submission; from here on the request may have reached Metrc. The settle that follows
     * writes the attempt on the rows and clears the record; if none does (the worker died), the
     * next holder of the lease finds the record at claim and `recover`s.
     */
    async sending(lease: LicenseLease, rows: readonly LineRow[], key: RoutedKey): Promise<Attempt> {
      const { credentialId, fingerprint, attribution } = key;
      const attempt: Attempt = { at: stamp(), key: { credentialId, fingerprint, attribution } };
      await leases.markInFlight(lease, deps.leaseTtlMs, { ids: ids(rows), ...attempt });
      return attempt;
    },

    /**
     * A request the lease's previous holder sent and never settled: its rows (those still in
     * line) get the attempt and are in doubt, so each is looked up before it is sent again.
     */
    recover: (lease: LicenseLease, inFlight: InFlight) =>
      fenced(lease, async (trx) => {
        await submissions.updateInLine(
          lease.licenseId,
          inFlight.ids,
          { ...attemptValues(inFlight), status: 'queued', in_doubt: 1, updated_at: stamp() },
          trx,
        );
      }),

    /** Metrc took them (or a lookup found them): done, with Metrc's ids and answer. */
    sent: sentWriter.sent,

    /** Metrc refused it (400) or it cannot be sent as is: out of line until a person acts. */
    failed: (lease: LicenseLease, row: LineRow, error: SubmissionError, attempt?: Attempt) =>
      fenced(lease, async (trx) => {
        setAside(lease.licenseId);
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
      rows: readonly LineRow[],
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
      rows: readonly LineRow[],
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
    held: (lease: LicenseLease, row: LineRow, reason: string) =>
      fenced(lease, async (trx) => {
        setAside(lease.licenseId);
        await submissions.update(
          [row.id],
          { status: 'held', hold_reason: reason, updated_at: stamp() },
          trx,
        );
      }),

    /** Rule 8: the facility key was refused; the license stops syncing until a key is saved. */
    pause: (
      lease: LicenseLease,
      rows: readonly LineRow[],
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
