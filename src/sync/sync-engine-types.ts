/** What the sync engine is given and reports: its settings, targets, progress and outcomes. */
import type { MetrcApi, TimeRange } from '../metrc/index.ts';
import type { MirrorOwner } from './mirror-repo.ts';
import type { Lease } from './sync-leases-repo.ts';
import type { SyncStream } from './sync-resources.ts';

export interface SyncSettings {
  /** How far back the first pull of a stream reaches. */
  backfillDays: number;
  /** Windows start this much before the watermark, for records stamped at a seam or late. */
  overlapMs: number;
  /** Pages fetched ahead within a window. */
  pagesAhead: number;
  leaseTtlMs: number;
}

export interface SyncProgress {
  licenseId: number;
  licenseNumber: string;
  stream: string;
  window: TimeRange;
  windowIndex: number;
  windowCount: number;
  pageNumber: number;
  totalPages: number;
  recordsStored: number;
}

export interface PullTarget {
  api: MetrcApi;
  owner: MirrorOwner;
  licenseNumber: string;
  lease: Lease;
  streams: readonly SyncStream[];
  /** Pull from here (a backfill, or a re-walk of stored windows); default: from the watermark. */
  since?: Date | undefined;
  onProgress?: ((progress: SyncProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Test seam: runs after each stored page (a crash injected here loses nothing). */
  afterPageStored?: ((info: { stream: string; pageNumber: number }) => void) | undefined;
}

export interface StreamOutcome {
  stream: string;
  records: number;
  rejected: number;
  pages: number;
  gapsHealed: number;
}
