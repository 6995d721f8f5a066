/**
 * Pull sync: a complete, self-healing mirror of each license's Metrc data. See README.md.
 *
 * @example
 * const sync = createSyncService({ db, dialect, clock, logger, vault, vendorKeys, health, metrc, settings });
 * await sync.syncLicense(organizationId, 'C10-0000106-LIC', { resources: ['packages'] });
 * const signals = createMirrorSignals(db); // for alerts and insights
 */
export { createMirrorFacts, type MirrorFactsView, UNCATEGORIZED } from './mirror-facts.ts';
export {
  createMirrorQueries,
  type MirroredPackage,
  type MirroredRecord,
  type MirrorQueries,
  type PackageFilter,
} from './mirror-queries.ts';
export {
  createMirrorSignals,
  type LabResultSignal,
  type MirrorSignals,
  type PackageQuantity,
  type PackageSignal,
  type PulledPackageQuantity,
} from './mirror-signals.ts';
export type { StreamOutcome, SyncProgress, SyncSettings } from './sync-engine.ts';
export { syncErrors } from './sync-errors.ts';
export { createSyncLeasesRepo } from './sync-leases-repo.ts';
export {
  FREQUENT_RESOURCES,
  isSyncResource,
  SYNC_RESOURCES,
  SYNC_STREAMS,
  type SyncResource,
} from './sync-resources.ts';
export {
  createSyncService,
  type SyncRunOptions,
  type SyncRunResult,
  type SyncService,
  type SyncServiceSettings,
} from './sync-service.ts';
export type { GapView, LicenseSyncStatus, StreamStatus } from './sync-status.ts';
