/** The sync status view (API, CLI, console): checkpoints per license and stream, progress, gaps. */
import type { Selectable } from 'kysely';
import type { SyncCheckpointsTable, SyncGapsTable } from '../db/index.ts';
import type { SyncTarget } from './sync-targets-repo.ts';

export interface StreamStatus {
  stream: string;
  resource: string;
  status: string;
  watermark: string | null;
  backfillFrom: string | null;
  backfillDone: boolean;
  /** Share of the backfill range stored, 0..1 (1 once backfilled). */
  progress: number;
  recordsStored: number;
  rejected: number;
  pagesFetched: number;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastErrorCode: string | null;
}

export interface GapView {
  stream: string;
  windowStart: string;
  windowEnd: string;
  metrcTotal: number;
  localBefore: number;
  localAfter: number;
  healed: number;
  detectedAt: string;
}

export interface LicenseSyncStatus {
  licenseId: number;
  licenseNumber: string;
  hasFacilityKey: boolean;
  keyStatus: string | null;
  paused: boolean;
  pausedReason: string | null;
  refreshRequestedAt: string | null;
  streams: StreamStatus[];
  gapsHealed: GapView[];
}

export function progressOf(
  checkpoint: Pick<
    Selectable<SyncCheckpointsTable>,
    'backfill_from' | 'backfill_done_at' | 'watermark' | 'window_start'
  >,
  now: Date,
): number {
  if (checkpoint.backfill_done_at) return 1;
  if (!checkpoint.backfill_from) return 0;
  const from = Date.parse(checkpoint.backfill_from);
  const reached = checkpoint.watermark ?? checkpoint.window_start;
  if (!reached) return 0;
  const span = now.getTime() - from;
  return span <= 0 ? 1 : Math.max(0, Math.min(1, (Date.parse(reached) - from) / span));
}

export function buildSyncStatus(
  targets: SyncTarget[],
  checkpoints: Selectable<SyncCheckpointsTable>[],
  gaps: Selectable<SyncGapsTable>[],
  now: Date,
): { licenses: LicenseSyncStatus[] } {
  return {
    licenses: targets.map((t) => ({
      licenseId: t.license_id,
      licenseNumber: t.number,
      hasFacilityKey: t.credential_id !== null,
      keyStatus: t.credential_status ?? null,
      paused: t.paused_at !== null,
      pausedReason: t.paused_reason ?? null,
      refreshRequestedAt: t.refresh_requested_at ?? null,
      streams: checkpoints
        .filter((c) => c.license_id === t.license_id)
        .map((c) => ({
          stream: c.resource,
          resource: c.resource.split(':')[0] ?? c.resource,
          status: c.status,
          watermark: c.watermark,
          backfillFrom: c.backfill_from,
          backfillDone: c.backfill_done_at !== null,
          progress: Number(progressOf(c, now).toFixed(4)),
          recordsStored: Number(c.records_stored),
          rejected: Number(c.rejected),
          pagesFetched: Number(c.pages_fetched),
          lastRunAt: c.last_run_at,
          lastSuccessAt: c.last_success_at,
          lastErrorCode: c.last_error_code,
        })),
      gapsHealed: gaps
        .filter((g) => g.license_id === t.license_id)
        .map((g) => ({
          stream: g.resource,
          windowStart: g.window_start,
          windowEnd: g.window_end,
          metrcTotal: g.metrc_total,
          localBefore: g.local_before,
          localAfter: g.local_after,
          healed: g.healed,
          detectedAt: g.detected_at,
        })),
    })),
  };
}
