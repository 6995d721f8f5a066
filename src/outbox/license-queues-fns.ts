/** What the licenses API shows of each license's queue (pure). */
import type { SubmissionStatus } from '../db/index.ts';

export interface LicenseQueue {
  licenseId: number;
  /** Submissions not yet reported (queued, sending, held, failed). */
  depth: number;
  byStatus: Partial<Record<SubmissionStatus, number>>;
  oldestUnsentAt: string | null;
  oldestUnsentAgeSeconds: number | null;
  paused: boolean;
  pauseCode: string | null;
  /** "We've stopped syncing with the state" and why. */
  pauseMessage: string | null;
}

/**
 * Queue depth, oldest unsent age and pause per license, from the unsent counts per license and
 * status and the license leases.
 */
export function licenseQueues(
  stats: ReadonlyArray<{
    license_id: number;
    status: SubmissionStatus;
    count: number | string | bigint;
    oldest: unknown;
  }>,
  leases: ReadonlyArray<{
    license_id: number;
    paused_at: string | null;
    pause_code: string | null;
    pause_message: string | null;
  }>,
  now: Date,
): Map<number, LicenseQueue> {
  const queues = new Map<number, LicenseQueue>();
  const entry = (licenseId: number) => {
    let queue = queues.get(licenseId);
    if (!queue) {
      queue = {
        licenseId,
        depth: 0,
        byStatus: {},
        oldestUnsentAt: null,
        oldestUnsentAgeSeconds: null,
        paused: false,
        pauseCode: null,
        pauseMessage: null,
      };
      queues.set(licenseId, queue);
    }
    return queue;
  };
  for (const stat of stats) {
    const queue = entry(stat.license_id);
    queue.depth += Number(stat.count);
    queue.byStatus[stat.status] = Number(stat.count);
    const oldest = stat.oldest as string | null;
    if (oldest && (!queue.oldestUnsentAt || oldest < queue.oldestUnsentAt)) {
      queue.oldestUnsentAt = oldest;
      queue.oldestUnsentAgeSeconds = Math.max(
        0,
        Math.floor((now.getTime() - Date.parse(oldest)) / 1000),
      );
    }
  }
  for (const lease of leases) {
    const queue = entry(lease.license_id);
    queue.paused = lease.paused_at !== null;
    queue.pauseCode = lease.pause_code;
    queue.pauseMessage = lease.pause_message;
  }
  return queues;
}
