/**
 * Where `enqueue` ends: accepted submissions of one organization written in groups (see
 * group-commit.ts and ADR 0015). One transaction inserts a group, wakes its licenses and appends
 * its audit records; the hot parts (each license's lease row, the organization's chain lock)
 * come last, so they are held for the shortest time before commit.
 */
import type { Insertable, Kysely } from 'kysely';
import type { AuditEntry, AuditService } from '../audit/index.ts';
import type { DB, License, SubmissionRow, SubmissionsTable } from '../db/index.ts';
import type { Clock } from '../lib/index.ts';
import { createGroupCommit, GroupRolledBack } from './group-commit.ts';
import type { LicenseLeasesRepo } from './license-leases-repo.ts';
import type { OutboxNotifier } from './outbox-notifier.ts';
import type { SubmissionsRepo } from './submissions-repo.ts';

/** Most submissions written in one grouped transaction (bounds its statement size). */
const MAX_GROUP = 50;

/** Validated and attributed, waiting for its group's transaction. */
export interface AcceptedSubmission {
  license: License;
  values: Insertable<SubmissionsTable>;
  /** Its `submission.queued` record; the target (the new row) is added when written. */
  audit: Omit<AuditEntry, 'target'>;
}

/**
 * @example
 * const writer = createAcceptedWriter({ db, submissions, leases, audit, clock, notifier });
 * const row = await writer.add(organizationId, { license, values, audit }); // after commit
 */
export function createAcceptedWriter(deps: {
  db: Kysely<DB>;
  submissions: Pick<SubmissionsRepo, 'insertMany'>;
  leases: Pick<LicenseLeasesRepo, 'wake'>;
  audit: Pick<AuditService, 'recordMany'>;
  clock: Clock;
  notifier: OutboxNotifier;
}) {
  async function write(items: AcceptedSubmission[]): Promise<SubmissionRow[]> {
    const now = deps.clock.now();
    const rows = await deps.db.transaction().execute(async (trx) => {
      try {
        const inserted = await deps.submissions.insertMany(
          items.map((item) => item.values),
          trx,
        );
        // By id: every writer takes lease rows in the same order, so two never deadlock.
        const licenses = [...new Map(items.map((item) => [item.license.id, item.license]))]
          .sort(([a], [b]) => a - b)
          .map(([, license]) => license);
        for (const license of licenses) {
          await deps.leases.wake(
            { licenseId: license.id, organizationId: license.organization_id },
            now,
            trx,
          );
        }
        await deps.audit.recordMany(
          items.map((item, i) => ({
            ...item.audit,
            target: { type: 'submission', id: inserted[i]?.id ?? 0 },
          })),
          trx,
        );
        return inserted;
      } catch (error) {
        // Raised inside the transaction: it rolls back, so nothing of the group was written.
        throw new GroupRolledBack(error);
      }
    });
    // One wake-up for the group (on PostgreSQL a NOTIFY: one statement, not one per request).
    deps.notifier.notify();
    return rows;
  }

  const groups = createGroupCommit(write, { maxGroup: MAX_GROUP });
  return {
    /** Writes one accepted submission with whatever else of its organization waits; after commit. */
    add: (organizationId: number, item: AcceptedSubmission) => groups.add(organizationId, item),
  };
}

export type AcceptedWriter = ReturnType<typeof createAcceptedWriter>;
