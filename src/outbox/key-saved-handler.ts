/**
 * A key was saved or turned valid (through the credentials notifier, design §3 rule 9): resume
 * the licenses it paused, and put the held submissions it can now report back in line. The
 * dispatcher routes them again; with still no key for them, they are held again.
 */
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { CredentialKeyEvent } from '../credentials/index.ts';
import type { DB } from '../db/index.ts';
import { type Clock, toTimestamp } from '../lib/index.ts';
import type { LicenseLeasesRepo } from './license-leases-repo.ts';
import type { OutboxNotifier } from './outbox-notifier.ts';
import type { SubmissionsRepo } from './submissions-repo.ts';

export function createKeySavedHandler(deps: {
  db: Kysely<DB>;
  submissions: Pick<SubmissionsRepo, 'heldOf' | 'update'>;
  leases: Pick<LicenseLeasesRepo, 'pausedBy' | 'resume' | 'wake'>;
  audit: AuditService;
  clock: Clock;
  notifier: OutboxNotifier;
}) {
  const { db, submissions, leases, audit, clock } = deps;
  return async function onKeySaved(event: CredentialKeyEvent): Promise<void> {
    if (event.status !== 'valid') return;
    const now = clock.now();
    const held = await submissions.heldOf(
      event.organizationId,
      event.kind === 'user' ? event.ownerUserId : null,
      event.state,
    );
    const requeue = held.filter((row) =>
      event.kind === 'user' ? true : event.licenseIds.includes(row.license_id),
    );
    const licenseIds = [
      ...new Set([
        ...(event.kind === 'facility' ? event.licenseIds : []),
        ...(await leases.pausedBy(event.credentialId)),
      ]),
    ];
    await db.transaction().execute(async (trx) => {
      const resumed = await leases.resume(licenseIds, trx);
      for (const licenseId of resumed) {
        await audit.record(
          {
            organizationId: event.organizationId,
            actor: {},
            action: 'license.sync_resumed',
            target: { type: 'license', id: licenseId },
            details: { credentialId: event.credentialId },
          },
          trx,
        );
      }
      // Routed again by the dispatcher; if still no key, they are held again.
      await submissions.update(
        requeue.map((row) => row.id),
        {
          status: 'queued',
          hold_reason: null,
          next_attempt_at: toTimestamp(now),
          updated_at: toTimestamp(now),
        },
        trx,
      );
      for (const licenseId of new Set(requeue.map((row) => row.license_id))) {
        await leases.wake({ licenseId, organizationId: event.organizationId }, now, trx);
      }
    });
    deps.notifier.notify();
  };
}
