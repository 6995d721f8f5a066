import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/*
 * Storage conventions (both dialects): integer ids, booleans as 0/1 integers, JSON as text,
 * timestamps as ISO-8601 UTC text with milliseconds (`Date#toISOString()`), which sorts as text.
 */

/** ISO-8601 UTC text, e.g. `2026-11-22T06:30:00.000Z`. */
export type Timestamp = string;
/** 0 or 1. */
export type Flag = number;

export type Role = 'admin' | 'manager' | 'staff';

export interface OrganizationsTable {
  id: Generated<number>;
  name: string;
  slug: string;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  is_platform_admin: ColumnType<Flag, Flag | undefined, Flag>;
  must_change_password: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  id: Generated<number>;
  organization_id: number;
  user_id: number;
  role: Role;
  created_at: Timestamp;
  /** The organization's own reference for this person (POS/ERP staff id); unique per organization. */
  external_ref: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  organization_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  organization_id: number;
  name: string;
  role: Role;
  token_hash: string;
  /** The first characters of the token, shown to tell tokens apart. */
  token_prefix: string;
  created_by_user_id: number | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  organization_id: number | null;
  actor_user_id: number | null;
  actor_token_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON text. */
  details: string;
  created_at: Timestamp;
  prev_hash: string;
  hash: string;
  /** Position in the organization's (or platform's) chain; null on pre-0004 legacy events. */
  chain_seq: number | null;
}

export interface LicensesTable {
  id: Generated<number>;
  organization_id: number;
  /** Metrc license number, e.g. `C11-0000001-LIC`. */
  number: string;
  /** Lowercase two-letter state code, e.g. `ca`. */
  state: string;
  license_type: string;
  name: string;
  /** JSON text: Metrc's FacilityType flags for this license. */
  facility_type: string;
  /** IANA zone, e.g. `America/Los_Angeles`; Metrc wants facility-local times. */
  time_zone: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VaultKeyChecksTable {
  master_key_version: number;
  check_value: string;
  created_at: Timestamp;
  retired_at: Timestamp | null;
}

export interface VaultDataKeysTable {
  key_id: string;
  /** The row the secret belongs to, e.g. `credential:42`. */
  ref: string;
  master_key_version: number;
  wrapped_key: string;
  created_at: Timestamp;
  rewrapped_at: Timestamp | null;
}

export type MetrcEnvironment = 'production' | 'sandbox';
export type CredentialKind = 'facility' | 'user';
export type CredentialStatus = 'unverified' | 'valid' | 'invalid' | 'expired';

/** The integrator's Metrc key for one state and environment (deployment-wide). */
export interface VendorKeysTable {
  id: Generated<number>;
  state: string;
  environment: MetrcEnvironment;
  /** The vault ref the key is sealed under (`vendor_key:<uuid>`). */
  secret_ref: string;
  sealed_key: string;
  fingerprint: string;
  created_by_user_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A Metrc user API key held for an organization: a license's facility key or a person's own. */
export interface CredentialsTable {
  id: Generated<number>;
  organization_id: number;
  provider: ColumnType<string, string | undefined, string>;
  state: string;
  environment: MetrcEnvironment;
  kind: CredentialKind;
  owner_user_id: number | null;
  secret_ref: string;
  sealed_key: string;
  fingerprint: string;
  status: CredentialStatus;
  /** Diagnosis code when not valid, e.g. `KEY_REJECTED`, `LICENSE_ACCESS_REMOVED`. */
  status_reason: string | null;
  status_changed_at: Timestamp;
  /** When Tracegate first saw this key value; keys last about a year. */
  key_first_seen_at: Timestamp;
  last_verified_at: Timestamp | null;
  last_used_at: Timestamp | null;
  /** JSON text: the last verification report. */
  verification_report: string | null;
  /** HMAC-SHA256 of the key (vault-derived key): finds the same key elsewhere without opening any. */
  key_hash: ColumnType<string | null, string | null | undefined, string | null>;
  created_by_user_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CredentialLicensesTable {
  id: Generated<number>;
  credential_id: number;
  license_id: number;
  organization_id: number;
  provider: string;
  kind: CredentialKind;
}

/** A one-time link that lets a person enter their own key without anyone else seeing it. */
export interface CredentialIntakeLinksTable {
  id: Generated<number>;
  organization_id: number;
  token_hash: string;
  user_id: number;
  state: string;
  environment: MetrcEnvironment;
  created_by_user_id: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** Wrong keys submitted through this link; it locks at `INTAKE_MAX_WRONG_KEYS`. */
  failed_attempts: ColumnType<number, number | undefined, number>;
}

/** One row per lease name, never deleted (so fencing tokens only grow); see src/leases. */
export interface JobLeasesTable {
  name: string;
  owner: string;
  /** Fencing token: +1 each time the lease changes hands. */
  token: number;
  acquired_at: Timestamp;
  expires_at: Timestamp;
}

/** One `Idempotency-Key` of one caller and the first answer it got (see src/idempotency). */
export interface IdempotencyKeysTable {
  id: Generated<number>;
  organization_id: number;
  /** `user:<id>` or `token:<id>`. */
  principal: string;
  idempotency_key: string;
  /** SHA-256 of method, URL and canonical body (secret fields excluded). */
  request_hash: string;
  status: 'in_progress' | 'completed';
  response_status: number | null;
  response_type: string | null;
  /** The answer's body; null when withheld because it carried a secret. */
  response_body: string | null;
  response_withheld: ColumnType<Flag, Flag | undefined, Flag>;
  locked_at: Timestamp;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** Login attempts per e-mail or per client address in a fixed window (src/auth). */
export interface LoginThrottleTable {
  throttle_key: string;
  attempts: number;
  window_ends_at: Timestamp;
}

/** Something a person must act on; at most one open row per (organization, kind, subject). */
export interface AlertsTable {
  id: Generated<number>;
  organization_id: number;
  kind: string;
  /** Stable key of what the alert is about (a credential, license, package label…), for dedupe. */
  subject_key: string;
  license_id: number | null;
  severity: 'info' | 'warning' | 'critical';
  title: string;
  /** JSON text: facts about the condition, never secrets. */
  details: string;
  status: 'open' | 'resolved';
  raised_at: Timestamp;
  last_seen_at: Timestamp;
  resolved_at: Timestamp | null;
  acknowledged_at: Timestamp | null;
  acknowledged_by_user_id: number | null;
}

/** Which alert kinds reach a role in the console and by e-mail (no row = the default). */
export interface AlertPreferencesTable {
  id: Generated<number>;
  organization_id: number;
  role: Role;
  kind: string;
  console: number;
  email: number;
  on_resolve: number;
  updated_at: Timestamp;
}

/** An organization's webhook receiver; its signing secret is sealed by the vault. */
export interface WebhookEndpointsTable {
  id: Generated<number>;
  organization_id: number;
  url: string;
  description: string;
  /** JSON array of alert kinds; empty = every kind. */
  kinds: string;
  on_resolve: number;
  enabled: number;
  secret_ref: string;
  sealed_secret: string;
  /** Last four characters of the signing secret, the only part shown again. */
  secret_fingerprint: string;
  created_by_user_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One alert event to one target (an e-mail address or a webhook endpoint); owns its retries. */
export interface AlertDeliveriesTable {
  id: Generated<number>;
  organization_id: number;
  alert_id: number;
  event: 'raised' | 'resolved';
  channel: 'email' | 'webhook';
  /** The e-mail address, or `endpoint:<id>`. */
  target: string;
  endpoint_id: number | null;
  /** The Standard Webhooks `webhook-id`, stable across retries so receivers can dedupe. */
  message_id: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

/** The delivery log: one row per attempt. */
export interface AlertDeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  organization_id: number;
  attempt: number;
  attempted_at: Timestamp;
  outcome: 'delivered' | 'failed';
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** Whether an organization contributes to cross-organization insights (rule 12). */
export interface InsightOptInsTable {
  id: Generated<number>;
  organization_id: number;
  opted_in: number;
  changed_at: Timestamp;
  changed_by_user_id: number | null;
}

/** The set of organizations a published insight group is computed over. */
export interface InsightCohortsTable {
  id: Generated<number>;
  metric: string;
  group_key: string;
  /** JSON array of organization ids, sorted. */
  organization_ids: string;
  published_at: Timestamp;
}

/** The whole schema, as Kysely sees it. */
export interface DB {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  licenses: LicensesTable;
  vault_key_checks: VaultKeyChecksTable;
  vault_data_keys: VaultDataKeysTable;
  vendor_keys: VendorKeysTable;
  credentials: CredentialsTable;
  credential_licenses: CredentialLicensesTable;
  credential_intake_links: CredentialIntakeLinksTable;
  job_leases: JobLeasesTable;
  idempotency_keys: IdempotencyKeysTable;
  login_throttle: LoginThrottleTable;
  alerts: AlertsTable;
  alert_preferences: AlertPreferencesTable;
  webhook_endpoints: WebhookEndpointsTable;
  alert_deliveries: AlertDeliveriesTable;
  alert_delivery_attempts: AlertDeliveryAttemptsTable;
  insight_opt_ins: InsightOptInsTable;
  insight_cohorts: InsightCohortsTable;
  sync_leases: SyncLeasesTable;
  sync_checkpoints: SyncCheckpointsTable;
  sync_windows: SyncWindowsTable;
  sync_gaps: SyncGapsTable;
  sync_rejects: SyncRejectsTable;
  mirror_packages: MirrorPackagesTable;
  mirror_records: MirrorRecordsTable;
  submissions: SubmissionsTable;
  submission_packages: SubmissionPackagesTable;
  license_leases: LicenseLeasesTable;
  personal_key_policies: PersonalKeyPoliciesTable;
  routing_versions: RoutingVersionsTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Membership = Selectable<MembershipsTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type License = Selectable<LicensesTable>;
export type VendorKeyRow = Selectable<VendorKeysTable>;
export type CredentialRow = Selectable<CredentialsTable>;
export type CredentialIntakeLink = Selectable<CredentialIntakeLinksTable>;
export type IdempotencyKeyRow = Selectable<IdempotencyKeysTable>;
export type AlertRow = Selectable<AlertsTable>;
export type AlertDeliveryRow = Selectable<AlertDeliveriesTable>;
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;

// Pull sync (migration 0008).

export interface SyncLeasesTable {
  license_id: number;
  holder: string | null;
  fencing_token: Generated<number>;
  /** Epoch ms by the database's clock; bigint (a string from PostgreSQL). */
  expires_at_ms: ColumnType<string | number, string | number | undefined, string | number>;
  paused_at: Timestamp | null;
  paused_reason: string | null;
  refresh_requested_at: Timestamp | null;
  refresh_resource: string | null;
}

export interface SyncCheckpointsTable {
  id: Generated<number>;
  license_id: number;
  resource: string;
  watermark: Timestamp | null;
  window_start: Timestamp | null;
  window_end: Timestamp | null;
  window_page: Generated<number>;
  backfill_from: Timestamp | null;
  backfill_done_at: Timestamp | null;
  records_stored: Generated<number>;
  rejected: Generated<number>;
  pages_fetched: Generated<number>;
  status: Generated<'idle' | 'running' | 'error' | 'paused'>;
  last_run_at: Timestamp | null;
  last_success_at: Timestamp | null;
  last_error_code: string | null;
  updated_at: Timestamp;
}

export interface SyncWindowsTable {
  id: Generated<number>;
  license_id: number;
  resource: string;
  window_start: Timestamp;
  window_end: Timestamp;
  metrc_total: number;
  checked_at: Timestamp;
}

export interface SyncGapsTable {
  id: Generated<number>;
  license_id: number;
  resource: string;
  window_start: Timestamp;
  window_end: Timestamp;
  metrc_total: number;
  local_before: number;
  local_after: number;
  healed: number;
  detected_at: Timestamp;
}

export interface SyncRejectsTable {
  id: Generated<number>;
  license_id: number;
  resource: string;
  metrc_id: string | null;
  error: string;
  /** JSON text of the record as Metrc sent it. */
  raw: string;
  seen_at: Timestamp;
}

export interface MirrorPackagesTable {
  id: Generated<number>;
  organization_id: number;
  license_id: number;
  metrc_id: number;
  label: string;
  status: 'active' | 'onhold' | 'inactive' | 'intransit';
  item_id: number | null;
  item_name: string | null;
  item_category: string | null;
  location_id: number | null;
  location_name: string | null;
  quantity: number | null;
  unit: string | null;
  expiration_date: string | null;
  use_by_date: string | null;
  lab_testing_state: string | null;
  packaged_date: string | null;
  last_modified: Timestamp;
  /** JSON text: the package exactly as Metrc sent it. */
  raw: string;
  synced_at: Timestamp;
}

export interface MirrorRecordsTable {
  id: Generated<number>;
  organization_id: number;
  license_id: number;
  kind: string;
  metrc_id: string;
  status: string;
  label: string | null;
  last_modified: Timestamp | null;
  raw: string;
  synced_at: Timestamp;
}

export type SubmissionStatus = 'queued' | 'held' | 'sending' | 'sent' | 'failed' | 'dismissed';
export type Attribution = 'own' | 'facility';

/** Which packages a submission touches (its `package:` refs): the package ledger's index. */
export interface SubmissionPackagesTable {
  submission_id: number;
  organization_id: number;
  label: string;
}

/** One action reported to Metrc (src/outbox): it owns its state, attempts and Metrc's answer. */
export interface SubmissionsTable {
  id: Generated<number>;
  organization_id: number;
  license_id: number;
  /** Action kind, e.g. `sales.receipt.create`. */
  kind: string;
  /** JSON text: the validated payload. */
  payload: string;
  /** Unique external reference (a receipt's ExternalReceiptNumber): how a lost answer is reconciled. */
  reference: string;
  /** JSON text: the Metrc objects it touches (`package:…`), for step-aside ordering. */
  touches: string;
  actor_user_id: number | null;
  actor_token_id: number | null;
  occurred_at: Timestamp;
  status: SubmissionStatus;
  /** Why held: `PERSONAL_KEY_REQUIRED`, `NO_VALID_KEY`. */
  hold_reason: string | null;
  /** An admin let it go out under the facility key in a personal-key state. */
  released_by_user_id: number | null;
  /** When an admin released it (the CLI releases without a person). */
  released_at: Timestamp | null;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  /** JSON text: `{ code, message, rows? }`. */
  last_error: string | null;
  /** 1 while the last attempt may have reached Metrc: look it up before sending again. */
  in_doubt: ColumnType<Flag, Flag | undefined, Flag>;
  last_sent_at: Timestamp | null;
  credential_id: number | null;
  key_fingerprint: string | null;
  attribution: Attribution | null;
  /** JSON text: ids Metrc gave. */
  metrc_ids: string | null;
  /** JSON text: Metrc's answer (ids, warnings, or its row messages). */
  metrc_answer: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: Timestamp | null;
}

/** Dispatch state of one license: who holds its lease, when to look again, whether it is paused. */
export interface LicenseLeasesTable {
  license_id: number;
  organization_id: number;
  lease_owner: string | null;
  /** Fencing token: grows with every grant; every settle checks it. */
  lease_token: ColumnType<number, number | undefined, number>;
  lease_expires_at: Timestamp | null;
  /** Earliest time the license may have work; null = nothing to send. */
  wake_at: Timestamp | null;
  /** Grows with every change that gives the license new work; "idle" is set only if unchanged. */
  work_seq: ColumnType<number, number | undefined, number>;
  paused_at: Timestamp | null;
  pause_code: string | null;
  pause_message: string | null;
  pause_credential_id: number | null;
  /**
   * The request out at Metrc (JSON `InFlight`: submission ids, when, which key); null when
   * none. Set before it leaves, cleared by its settle.
   */
  in_flight: string | null;
  updated_at: Timestamp;
}

/** Rule 6 per organization and state: must uploads go out under the actor's own key? */
export interface PersonalKeyPoliciesTable {
  organization_id: number;
  state: string;
  required: Flag;
  updated_at: Timestamp;
}

/**
 * Bumped by trigger (migration 0014) with every change to what rule 6 reads: per organization,
 * and scope 0 for the platform's vendor keys. Read only with a license's line.
 */
export interface RoutingVersionsTable {
  scope: number;
  seq: number;
}

export type SubmissionRow = Selectable<SubmissionsTable>;
export type LicenseLeaseRow = Selectable<LicenseLeasesTable>;
