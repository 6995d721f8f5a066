import type { CredentialKind, CredentialStatus, MetrcEnvironment } from '../db/index.ts';
import { KEY_EXPIRY_WARNING_DAYS, keyAgeDays } from './credential-rules-fns.ts';
import type { CredentialWithLicenses } from './credentials-repo.ts';
import type { Diagnosis, VerificationReport } from './verification-types.ts';

/** A credential as the API shows it: everything but the key, which is never shown again. */
export interface CredentialView {
  id: number;
  provider: string;
  state: string;
  environment: MetrcEnvironment;
  kind: CredentialKind;
  ownerUserId: number | null;
  /** `…abcd`: the only part of the key ever shown. */
  fingerprint: string;
  status: CredentialStatus;
  statusReason: string | null;
  diagnosis: Diagnosis | null;
  licenses: Array<{ id: number; number: string; name: string }>;
  lastVerifiedAt: string | null;
  lastUsedAt: string | null;
  /** Days since Tracegate first saw this key; Metrc keys last about a year. */
  keyAgeDays: number;
  /** True from day 330: time to generate a new key before this one stops working. */
  expiresSoon: boolean;
  report: VerificationReport | null;
  createdAt: string;
  updatedAt: string;
  /** Other credentials of the organization saved with the same key (a facility key that is also its owner's personal key). */
  sameKeyAs?: Array<{ id: number; kind: CredentialKind; ownerUserId: number | null }>;
}

export function toCredentialView(row: CredentialWithLicenses, now: Date): CredentialView {
  const report = row.verification_report
    ? (JSON.parse(row.verification_report) as VerificationReport)
    : null;
  const age = keyAgeDays(row.key_first_seen_at, now);
  return {
    id: row.id,
    provider: row.provider,
    state: row.state,
    environment: row.environment,
    kind: row.kind,
    ownerUserId: row.owner_user_id,
    fingerprint: row.fingerprint,
    status: row.status,
    statusReason: row.status_reason,
    diagnosis: report?.diagnosis ?? null,
    licenses: row.licenses,
    lastVerifiedAt: row.last_verified_at,
    lastUsedAt: row.last_used_at,
    keyAgeDays: age,
    expiresSoon: age >= KEY_EXPIRY_WARNING_DAYS,
    report,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
