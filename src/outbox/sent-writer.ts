/**
 * Where a send ends well: the `sent` settles of one organization that arrive together are written
 * in one transaction (group-commit.ts, as enqueue's accepted-writer.ts does). Every lease is
 * renewed with its fencing token first, all in one statement that locks them in license order
 * (so two writers never deadlock), then every batch's rows are marked sent in one statement, then
 * the upload records are appended under the organization's audit chain lock, taken last. On
 * PostgreSQL that lock is held until commit: one holder per group instead of one per request is
 * what lets several workers settle one organization's uploads as fast as Metrc answers them. A
 * group that rolls back (a lease was lost) is written again one settle at a time, so only the
 * lost lease's settle fails.
 */
import type { Kysely } from 'kysely';
import type { AuditEntry, AuditService } from '../audit/index.ts';
import type { CredentialsRepo } from '../credentials/index.ts';
import type { DB, Dialect } from '../db/index.ts';
import { type Clock, toTimestamp } from '../lib/index.ts';
import { createGroupCommit, GroupRolledBack } from './group-commit.ts';
import type { RoutedKey } from './key-router.ts';
import type { LicenseLease, LicenseLeasesRepo } from './license-leases-repo.ts';
import type { Attempt } from './submission-attempt.ts';
import type { LineRow } from './submissions-repo.ts';
import { createSubmissionsSentRepo, type SentRow } from './submissions-sent-repo.ts';

/** Most settles written in one transaction. */
const MAX_GROUP = 20;

/** How stale a key's `last_used_at` may get while it is in use (it is shown, never decided on). */
export const KEY_TOUCH_INTERVAL_MS = 60_000;

export interface SentOutcome {
  metrcIds: Array<number[] | null>;
  answer: unknown;
  key: Pick<RoutedKey, 'credentialId' | 'fingerprint' | 'attribution'>;
  kind: string;
  reconciled: boolean;
  /** The request that carried them; none when a lookup found them (already counted). */
  attempt?: Attempt;
}

interface SentSettle {
  lease: LicenseLease;
  rows: readonly LineRow[];
  outcome: SentOutcome;
}

export function createSentWriter(deps: {
  db: Kysely<DB>;
  dialect: Dialect;
  leases: Pick<LicenseLeasesRepo, 'renewSettled'>;
  credentials: Pick<CredentialsRepo, 'touchUsed'>;
  audit: Pick<AuditService, 'recordMany'>;
  clock: Clock;
  leaseTtlMs: number;
}) {
  const { db, clock } = deps;
  const sentRows = createSubmissionsSentRepo(deps.dialect);
  /**
   * When this process last stamped each key's `last_used_at` (ms): a key is stamped at most once
   * per KEY_TOUCH_INTERVAL_MS here, and the update itself skips a fresher stamp another worker
   * wrote. Set before the commit: a rolled-back stamp only delays the next one.
   */
  const touched = new Map<number, number>();

  /** Every row of the group, with what its own batch's settle writes on it. */
  const sentRowsOf = (items: readonly SentSettle[]): SentRow[] =>
    items.flatMap(({ rows, outcome }) => {
      const answer = JSON.stringify(outcome.answer ?? null);
      return rows.map((row, index) => {
        const metrcIds = outcome.metrcIds[index];
        return {
          id: row.id,
          metrcIds: metrcIds ? JSON.stringify(metrcIds) : null,
          answer,
          credentialId: outcome.key.credentialId,
          fingerprint: outcome.key.fingerprint,
          attribution: outcome.key.attribution,
          sentAt: outcome.attempt?.at ?? null,
        };
      });
    });

  async function touchKeys(items: readonly SentSettle[], now: string, trx: Kysely<DB>) {
    const nowMs = clock.now().getTime();
    for (const { lease, outcome } of items) {
      const last = touched.get(outcome.key.credentialId);
      if (last !== undefined && nowMs - last < KEY_TOUCH_INTERVAL_MS && nowMs >= last) continue;
      touched.set(outcome.key.credentialId, nowMs);
      await deps.credentials.touchUsed(
        lease.organizationId,
        outcome.key.credentialId,
        now,
        toTimestamp(new Date(nowMs - KEY_TOUCH_INTERVAL_MS)),
        trx,
      );
    }
  }

  const uploadRecord = ({ lease, rows, outcome }: SentSettle): AuditEntry => ({
    organizationId: lease.organizationId,
    actor: {},
    action: outcome.reconciled ? 'submission.reconciled' : 'submission.uploaded',
    target: { type: 'license', id: lease.licenseId },
    details: {
      kind: outcome.kind,
      submissionIds: rows.map((row) => row.id),
      credentialId: outcome.key.credentialId,
      fingerprint: outcome.key.fingerprint,
      attribution: outcome.key.attribution,
    },
  });

  async function write(items: SentSettle[]): Promise<undefined[]> {
    await db.transaction().execute(async (trx) => {
      try {
        const now = toTimestamp(clock.now());
        await deps.leases.renewSettled(
          items.map((item) => item.lease),
          deps.leaseTtlMs,
          trx,
        );
        await sentRows.markSent(sentRowsOf(items), now, trx);
        await touchKeys(items, now, trx);
        await deps.audit.recordMany(items.map(uploadRecord), trx);
      } catch (error) {
        // Raised inside the transaction: it rolls back, so nothing of the group was written.
        throw new GroupRolledBack(error);
      }
    });
    return items.map(() => undefined);
  }

  const groups = createGroupCommit(write, { maxGroup: MAX_GROUP });
  return {
    /** Settles one batch as sent, with whatever else of its organization arrives; after commit. */
    sent: (lease: LicenseLease, rows: readonly LineRow[], outcome: SentOutcome) =>
      groups.add(lease.organizationId, { lease, rows, outcome }),
  };
}
