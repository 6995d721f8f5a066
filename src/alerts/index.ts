export { type AlertEngine, createAlertEngine, type EvaluationReport } from './alert-engine.ts';
export {
  ALERT_KINDS,
  type AlertChannel,
  type AlertCondition,
  type AlertEmail,
  type AlertEvent,
  type AlertKind,
  type AlertSeverity,
  type AlertView,
  type ConditionSource,
  type Mailer,
  type MirroredLabResult,
  type MirroredPackage,
  type MirrorSignals,
  type OutboxSignals,
  type PackageQuantity,
  type QuantitySignals,
  type SubmissionSignal,
  type WebhookPoster,
  type WebhookResponse,
} from './alert-types.ts';
export { alertsErrors } from './alerts-errors.ts';
export type { AlertsService, InboxFilter } from './alerts-service.ts';
export { type Alerts, createAlerts } from './create-alerts.ts';
export { createCredentialSource, createLicenseSyncSource } from './credential-sources.ts';
export { DELIVERY_BACKOFF_MS, DELIVERY_LEASE_MS } from './delivery-service.ts';
export {
  createPackageExpirySource,
  createPackageHoldSource,
  createQuantityDriftSource,
  QUANTITY_TOLERANCE,
} from './mirror-sources.ts';
export { ALERT_ROLES, type AlertPreference, defaultPreference } from './preferences-fns.ts';
export { createSmtpMailer } from './smtp-mailer.ts';
export { createSubmissionSource, SUBMISSION_IDS_LISTED } from './submission-source.ts';
export {
  WEBHOOK_SECRET_BYTES,
  type WebhookEndpointInput,
  type WebhookEndpointView,
} from './webhook-endpoints-service.ts';
export { createWebhookPoster, signWebhook } from './webhook-sender.ts';
export { type HostLookup, isPublicAddress } from './webhook-target.ts';
