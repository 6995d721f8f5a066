import type { MetrcSection } from '../metrc/index.ts';
import { KEY_EXPIRY_WARNING_DAYS } from './credential-rules-fns.ts';
import { sectionLabel } from './metrc-sections.ts';
import type { Diagnosis, LicenseCheck, SectionCheck, SectionStatus } from './verification-types.ts';

/**
 * Reads one probe: 200 ⇒ granted; 401/403 ⇒ missing permission, or not expected when the license
 * type lacks the section; 404 ⇒ the state does not offer it; anything else ⇒ error.
 */
export function classifyProbe(httpStatus: number | null, expected: boolean): SectionStatus {
  if (httpStatus === 200) return 'granted';
  if (httpStatus === 401 || httpStatus === 403)
    return expected ? 'missing_permission' : 'not_expected';
  if (httpStatus === 404) return 'not_offered';
  return 'error';
}

export function sectionCheck(
  section: MetrcSection,
  httpStatus: number | null,
  expected: boolean,
): SectionCheck {
  return {
    section,
    label: sectionLabel(section),
    status: classifyProbe(httpStatus, expected),
    httpStatus,
  };
}

/** The diagnosis when Metrc rejects the key outright, using its age to rank the causes. */
export function diagnoseRejectedKey(ageDays: number | null): Diagnosis {
  if (ageDays !== null && ageDays >= KEY_EXPIRY_WARNING_DAYS) {
    return {
      code: 'KEY_LIKELY_EXPIRED',
      message: `Metrc rejects this key. It is ${ageDays} days old and Metrc keys last about a year, so it has most likely expired. Generate a new key in Metrc (profile → API Keys) and enter it here.`,
    };
  }
  return {
    code: 'KEY_REJECTED',
    message:
      "Metrc rejects this key outright. It was most likely regenerated in Metrc (which replaces the old key everywhere), or its owner's Metrc account was deactivated. Enter the key shown in Metrc now.",
  };
}

/** Diagnosis of a key Metrc accepts: lost licenses first, then missing permissions. */
/** A key refused in the chosen state that another configured state's Metrc accepts. */
export function diagnoseWrongState(chosen: string, other: string): Diagnosis {
  const [c, o] = [chosen.toUpperCase(), other.toUpperCase()];
  return {
    code: 'KEY_WRONG_STATE',
    message: `This key belongs to ${o}, not ${c}: Metrc ${o} accepts it and Metrc ${c} does not. Choose ${o}, or paste the key from your ${c} Metrc account.`,
    otherState: other.toLowerCase(),
  };
}

export function diagnoseAcceptedKey(
  uncovered: string[],
  licenses: LicenseCheck[],
): Diagnosis | null {
  if (uncovered.length > 0) {
    return {
      code: 'LICENSE_ACCESS_REMOVED',
      message: `The key works, but Metrc no longer gives its owner access to ${uncovered.join(', ')}. Their access to that license was removed in Metrc (Admin → Employees), or the license was assigned to the wrong key.`,
      licenses: uncovered,
    };
  }
  const missing = licenses.flatMap((license) =>
    license.sections
      .filter((s) => s.status === 'missing_permission')
      .map((s) => ({ license: license.number, section: s.label })),
  );
  if (missing.length > 0) {
    return {
      code: 'PERMISSION_MISSING',
      message: `The key works but lacks permissions in Metrc: ${missing
        .map((m) => `${m.section} at ${m.license}`)
        .join('; ')}. A Metrc admin can grant them in Admin → Employees.`,
      sections: missing,
    };
  }
  return null;
}

export const UNAVAILABLE_DIAGNOSIS: Diagnosis = {
  code: 'METRC_UNAVAILABLE',
  message: 'Metrc could not be reached (timeout, outage or rate limit). The key was not judged.',
};

/**
 * The status a verification leaves a saved credential in, and why. Null when Metrc could not be
 * reached: an outage says nothing about the key, so the previous status stands.
 */
export function statusAfter(
  outcome: 'accepted' | 'rejected' | 'unavailable',
  diagnosis: Diagnosis | null,
): { status: 'valid' | 'invalid' | 'expired'; reason: string | null } | null {
  if (outcome === 'unavailable') return null;
  if (outcome === 'rejected') {
    return diagnosis?.code === 'KEY_LIKELY_EXPIRED'
      ? { status: 'expired', reason: diagnosis.code }
      : { status: 'invalid', reason: diagnosis?.code ?? 'KEY_REJECTED' };
  }
  if (diagnosis?.code === 'LICENSE_ACCESS_REMOVED')
    return { status: 'invalid', reason: diagnosis.code };
  return { status: 'valid', reason: diagnosis?.code ?? null };
}
