/** Every kind of alert Tracegate raises; stored as text, so new kinds need no migration. */
export const ALERT_KINDS = [
  'key_invalid',
  'key_expiring',
  'license_not_syncing',
  'submission_failed',
  'submission_held',
  'submission_overdue',
  'package_on_hold',
  'lab_test_failed',
  'package_expiring',
  'quantity_drift',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertSeverity = 'info' | 'warning' | 'critical';

/**
 * A condition a source sees right now. The engine raises an alert for it, keeps one open alert
 * per (organization, kind, subjectKey), and resolves it when the source stops reporting it.
 */
export interface AlertCondition {
  kind: AlertKind;
  /** Stable across evaluations for the same thing, e.g. `credential:12`, `package:1A4…`. */
  subjectKey: string;
  licenseId: number | null;
  severity: AlertSeverity;
  title: string;
  /** Facts for the person acting (ids, labels, dates); never secrets. */
  details: Record<string, unknown>;
}

/**
 * Reports the conditions of one organization at `now`. A source owns the kinds it lists in
 * `kinds`: alerts of those kinds the source no longer reports are resolved. A source that throws
 * resolves nothing (an outage is not an all-clear).
 */
export interface ConditionSource {
  name: string;
  kinds: readonly AlertKind[];
  /**
   * `open` lists the subjects of this source's kinds that have an open alert, so a source that
   * looks only at what changed recently can still re-check (and so resolve) those.
   */
  collect(
    organizationId: number,
    now: Date,
    open?: { subjectKeys: readonly string[] },
  ): Promise<AlertCondition[]>;
}

// ---------------------------------------------------------------------------------------------
// Narrow ports the integrator wires when the outbox and sync branches merge. Shapes are what the
// alert sources need, nothing more; the real modules satisfy them structurally.
// ---------------------------------------------------------------------------------------------

/** A submission the outbox could not deliver, or has held, or that waits too long. */
export interface SubmissionSignal {
  id: number;
  licenseId: number;
  /** e.g. `failed`, `needs_attention`, `held`, `pending`, `retrying`. */
  status: string;
  /** e.g. `sale`, `adjustment`. */
  action?: string;
  createdAt: string;
  lastError?: string | null;
}

/** From `src/outbox/index.ts`. */
export interface OutboxSignals {
  /** Submissions not sent although older than `olderThan`. */
  listOverdue(input: { olderThan: Date; organizationId?: number }): Promise<SubmissionSignal[]>;
  /** Failed (rejected by Metrc) or held submissions that need a person. */
  listNeedingAttention(input: { organizationId?: number }): Promise<SubmissionSignal[]>;
}

/** A package as the mirror knows it. */
export interface MirroredPackage {
  licenseId: number;
  label: string;
  itemName?: string | null;
  /** e.g. `OnHold`, `Recalled`; free text from Metrc. */
  holdReason?: string | null;
  expirationDate?: string | null;
  quantity?: number;
  unitOfMeasure?: string | null;
}

export interface MirroredLabResult {
  licenseId: number;
  packageLabel: string;
  testName?: string | null;
  /** Metrc's lab test result id, or the package label when it has none. */
  resultId: string;
  testedAt?: string | null;
}

/** From `src/sync/index.ts` (`createMirrorSignals(db)`). */
export interface MirrorSignals {
  packagesOnHold(organizationId: number): Promise<MirroredPackage[]>;
  packagesExpiringBefore(organizationId: number, before: Date): Promise<MirroredPackage[]>;
  failedLabResults(organizationId: number): Promise<MirroredLabResult[]>;
}

/** A quantity as seen on one side of the drift comparison. */
export interface PackageQuantity {
  licenseId: number;
  label: string;
  quantity: number;
  unitOfMeasure?: string | null;
}

/**
 * Quantity drift compares what Tracegate expects after the reports it sent (outbox) with what
 * Metrc says (mirror). Both functions are wired by the integrator.
 */
export interface QuantitySignals {
  /**
   * Per package: the quantity expected once every sent report is applied — for the packages
   * that changed on either side (a report sent, or a pull of it) since `since`, and for `labels`.
   */
  expectedQuantities(
    organizationId: number,
    scope: { since: Date; labels: readonly string[] },
  ): Promise<PackageQuantity[]>;
  /** Per package: the mirrored quantity, for these labels. */
  mirroredQuantities(organizationId: number, labels: string[]): Promise<PackageQuantity[]>;
}

// ---------------------------------------------------------------------------------------------
// Delivery
// ---------------------------------------------------------------------------------------------

export type AlertChannel = 'email' | 'webhook';
export type AlertEvent = 'raised' | 'resolved';

/** What the outside world sees of an alert (inbox, e-mail, webhook payload). */
export interface AlertView {
  id: number;
  kind: AlertKind;
  subjectKey: string;
  licenseId: number | null;
  severity: AlertSeverity;
  title: string;
  details: Record<string, unknown>;
  status: 'open' | 'resolved';
  raisedAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedByUserId: number | null;
}

/** One e-mail to send; the transport is SMTP in production. */
export interface AlertEmail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail (nodemailer over SMTP, or a fake in tests). */
export interface Mailer {
  send(message: AlertEmail): Promise<void>;
  close(): void;
}

/** The result of one webhook POST. */
export interface WebhookResponse {
  status: number;
}

/** Posts a signed webhook (fetch in production). */
export type WebhookPoster = (
  url: string,
  body: string,
  headers: Record<string, string>,
) => Promise<WebhookResponse>;
