import type { MetrcEnvironment } from '../db/index.ts';
import type { Secret } from '../lib/index.ts';
import type { MetrcSection } from '../metrc/index.ts';

/** What one probe of one section at one license showed (rule 3). */
export type SectionStatus =
  | 'granted'
  | 'missing_permission'
  | 'not_expected'
  | 'not_offered'
  | 'error';

export interface SectionCheck {
  section: string;
  label: string;
  status: SectionStatus;
  /** Metrc's HTTP status, or null when the request failed before an answer. */
  httpStatus: number | null;
}

export interface LicenseCheck {
  number: string;
  name: string;
  licenseType: string;
  /** Whether Metrc lists this license for the key's owner. */
  covered: boolean;
  sections: SectionCheck[];
}

export type DiagnosisCode =
  | 'KEY_REJECTED'
  | 'KEY_LIKELY_EXPIRED'
  | 'KEY_WRONG_STATE'
  | 'LICENSE_ACCESS_REMOVED'
  | 'PERMISSION_MISSING'
  | 'METRC_UNAVAILABLE';

/** Why a key (partly) stopped working, in words a compliance manager can act on (rule 9). */
export interface Diagnosis {
  code: DiagnosisCode;
  message: string;
  licenses?: string[];
  sections?: Array<{ license: string; section: string }>;
  /** KEY_WRONG_STATE: the configured state whose Metrc accepts the key. */
  otherState?: string;
}

export interface VerificationReport {
  verifiedAt: string;
  state: string;
  environment: MetrcEnvironment;
  /** Metrc accepted the key itself (GET /facilities/v2 answered 200). */
  keyAccepted: boolean;
  /** Every license Metrc lists for this key in the state. */
  available: Array<{ number: string; name: string; licenseType: string }>;
  /** The licenses checked: those assigned, each with its section cells. */
  licenses: LicenseCheck[];
  /** Assigned licenses Metrc does not list for this key. */
  uncovered: string[];
  diagnosis: Diagnosis | null;
}

/** A license as Metrc lists it for a key (GET /facilities/v2). */
export interface MetrcFacilitySummary {
  number: string;
  name: string;
  licenseType: string;
  facilityType: Record<string, unknown>;
  /** `License.EndDate` (YYYY-MM-DD), when Metrc gives one. */
  licenseEndDate: string | null;
}

/** Which key to try, and where. */
export interface KeyTarget {
  state: string;
  environment: MetrcEnvironment;
  vendorKey: Secret;
  userKey: Secret;
}

export type FacilitiesOutcome =
  | { ok: true; facilities: MetrcFacilitySummary[] }
  | { ok: false; reason: 'rejected' | 'unavailable'; httpStatus: number | null };

/**
 * The two Metrc calls verification needs, behind an interface so the credentials feature does
 * not depend on the client's shape. Both go through the shared rate limiter.
 */
export interface MetrcKeyProbe {
  facilities(target: KeyTarget): Promise<FacilitiesOutcome>;
  /** One cheap GET of a section for `licenseNumber`; resolves to Metrc's HTTP status, or null. */
  probe(target: KeyTarget, licenseNumber: string, section: MetrcSection): Promise<number | null>;
}
