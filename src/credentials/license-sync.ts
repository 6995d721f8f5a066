import type { CredentialsRepo } from './credentials-repo.ts';
import type { VerificationReport } from './verification-types.ts';

export interface LicenseSync {
  syncing: boolean;
  facilityCredentialId: number | null;
  keyStatus: string | null;
  message: string;
}

/** A license without a facility key does not sync at all. */
export const NOT_SYNCING: LicenseSync = {
  syncing: false,
  facilityCredentialId: null,
  keyStatus: null,
  message: 'No facility key: add one to sync this license with the state.',
};

/**
 * Per license: is it syncing with the state? A license whose facility key Metrc rejects shows
 * "We've stopped syncing with the state" with the reason (rule 8).
 */
export async function licenseSyncOf(
  repo: CredentialsRepo,
  organizationId: number,
  /** `state/environment` of every vendor key set: without one, no call to that state is made. */
  vendorKeys?: () => Promise<Set<string>>,
): Promise<Map<number, LicenseSync>> {
  const rows = await repo.facilityKeysByLicense(organizationId);
  const withVendorKey = vendorKeys ? await vendorKeys() : null;
  return new Map(
    rows.map((row) => {
      const report = row.verification_report
        ? (JSON.parse(row.verification_report) as VerificationReport)
        : null;
      if (withVendorKey && !withVendorKey.has(`${row.state}/${row.environment}`)) {
        return [row.license_id, noVendorKey(row)];
      }
      const syncing = row.status === 'valid';
      return [
        row.license_id,
        {
          syncing,
          facilityCredentialId: row.credential_id,
          keyStatus: row.status,
          message: syncing
            ? 'Syncing with the state.'
            : `We've stopped syncing with the state. ${report?.diagnosis?.message ?? 'The facility key is not valid.'}`,
        },
      ];
    }),
  );
}

/** A state without a vendor key: every Metrc call needs it, so nothing syncs however good the key. */
function noVendorKey(row: {
  credential_id: number;
  status: string;
  state: string;
  environment: string;
}): LicenseSync {
  const state = row.state.toUpperCase();
  return {
    syncing: false,
    facilityCredentialId: row.credential_id,
    keyStatus: row.status,
    message: `We've stopped syncing with the state. No vendor key is set for ${state} (${row.environment}): a platform admin sets it with \`tracegate vendor-key set --state ${state}\` or PUT /api/platform/vendor-keys/${row.state}.`,
  };
}
