/**
 * Lab results, pulled per package: Metrc lists them by package only, so the packages whose
 * testing state says there are some (changed since the last run) are asked one GET each, at most
 * MAX_LAB_RESULT_PACKAGES per run, and each package's results are stored under the lease.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';
import { type Clock, toTimestamp } from '../lib/index.ts';
import { fetchRawPage } from './metrc-pages.ts';
import type { MirrorRepo } from './mirror-repo.ts';
import type { RecordRow } from './mirror-rows-fns.ts';
import { walkPages } from './page-walk.ts';
import type { PullTarget, StreamOutcome, SyncSettings } from './sync-engine-types.ts';
import { syncErrors } from './sync-errors.ts';
import type { SyncLeasesRepo } from './sync-leases-repo.ts';
import type { SyncStateRepo } from './sync-state-repo.ts';

/** Lab results are one GET per package: at most this many packages per run. */
export const MAX_LAB_RESULT_PACKAGES = 500;

export function createLabResultsPull(deps: {
  db: Kysely<DB>;
  state: SyncStateRepo;
  mirror: MirrorRepo;
  leases: SyncLeasesRepo;
  clock: Clock;
  settings: Pick<SyncSettings, 'leaseTtlMs'>;
}) {
  const { db, state, mirror, leases, clock, settings } = deps;
  const stamp = () => toTimestamp(clock.now());

  /** Lab results of packages whose testing state says there are some, changed since `since`. */
  async function pullLabResults(target: PullTarget, since: string | null): Promise<StreamOutcome> {
    const key = 'lab_results:packages';
    const licenseId = target.owner.licenseId;
    await state.checkpoint(licenseId, key, stamp());
    const outcome: StreamOutcome = {
      stream: key,
      records: 0,
      rejected: 0,
      pages: 0,
      gapsHealed: 0,
    };
    const tested = await mirror.failedPackagesSince(licenseId, since, MAX_LAB_RESULT_PACKAGES);
    for (const pkg of tested) {
      target.signal?.throwIfAborted();
      const rows: RecordRow[] = [];
      for await (const page of walkPages(
        (pageNumber) =>
          fetchRawPage(target.api, {
            path: '/labtests/v2/results',
            licenseNumber: target.licenseNumber,
            query: { packageId: pkg.metrc_id },
            pageNumber,
            signal: target.signal,
          }),
        1,
        1,
      )) {
        outcome.pages++;
        for (const record of page.data) {
          const json = (record ?? {}) as Record<string, unknown>;
          rows.push({
            kind: 'lab_results',
            metrc_id: `${pkg.metrc_id}:${String(json.LabTestResultId ?? json.Id ?? '')}:${String(json.TestTypeName ?? '')}`,
            status: json.TestPassed === false || json.OverallPassed === false ? 'failed' : 'passed',
            label: pkg.label,
            last_modified: null,
            raw: JSON.stringify(record),
          });
        }
      }
      await db.transaction().execute(async (trx) => {
        if (!(await leases.renew(target.lease, settings.leaseTtlMs, trx)))
          throw syncErrors.SYNC_LEASE_LOST({ details: { licenseId } });
        await mirror.upsertRecords(target.owner, rows, stamp(), trx);
        await state.addCounts(licenseId, key, { records: rows.length, rejected: 0, pages: 0 }, trx);
      });
      outcome.records += rows.length;
    }
    await state.update(licenseId, key, {
      status: 'idle',
      last_run_at: stamp(),
      last_success_at: stamp(),
      updated_at: stamp(),
    });
    return outcome;
  }
  return pullLabResults;
}
