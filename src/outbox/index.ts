/**
 * The outbox: every action reported to Metrc exactly once, in order per license, under the
 * right person's key, with its original time. See README.md for the invariants.
 *
 * For alerts and the console: `OutboxService.listOverdue({ olderThan?, organizationId? })`,
 * `listNeedingAttention({ organizationId? })`, `queueByLicense(organizationId)`.
 */
export { ACTIONS, actionFor, actionKinds } from './actions/action-catalogue.ts';
export { metrcLocalDate, metrcLocalDateTime } from './actions/action-time-fns.ts';
export type {
  ActionContext,
  ActionFamily,
  AnyOutboxAction,
  LookupInput,
  LookupOutcome,
  MetrcObjectRef,
  OutboxAction,
  SendInput,
} from './actions/action-types.ts';
export {
  createOutbox,
  type DispatcherDeps,
  type Outbox,
  type OutboxDeps,
} from './create-outbox.ts';
export type { Dispatcher } from './dispatcher.ts';
export { outboxErrors } from './outbox-errors.ts';
export {
  createLocalNotifier,
  createPostgresNotifier,
  OUTBOX_CHANNEL,
  type OutboxNotifier,
} from './outbox-notifier.ts';
export type { LicenseQueue, OutboxService } from './outbox-service.ts';
export { DEFAULT_OUTBOX_SETTINGS, type OutboxSettings } from './outbox-settings.ts';
export {
  createPackageLedger,
  type ExpectedPackageQuantity,
  expectPackageQuantities,
  type LedgerEntry,
  type PackageLedger,
} from './package-ledger.ts';
export { KEY_TOUCH_INTERVAL_MS } from './sent-writer.ts';
export type { EnqueueInput, OutboxActor } from './submission-input-fns.ts';
export type { SubmissionError } from './submission-settler.ts';
export type { SubmissionDetail, SubmissionView } from './submission-views.ts';
