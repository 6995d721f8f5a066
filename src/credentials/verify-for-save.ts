/**
 * The verification half of Verify & Save (rule 3), shared by a new key and a changed one: Metrc
 * is asked about the key for every license it is to be assigned to, and nothing may be saved
 * unless it covers them all.
 */
import type { CredentialKind, MetrcEnvironment } from '../db/index.ts';
import type { Clock, Secret } from '../lib/index.ts';
import type { LicensesRepo } from '../licenses/index.ts';
import { credentialsErrors } from './credentials-errors.ts';
import type { VendorKeysService } from './vendor-keys-service.ts';
import type { MetrcKeyProbe } from './verification-types.ts';
import { verifyKey } from './verify-key.ts';

export function createVerifyForSave(deps: {
  licenses: Pick<LicensesRepo, 'list'>;
  vendorKeys: Pick<VendorKeysService, 'keyFor' | 'otherStateTargets'>;
  probe: MetrcKeyProbe;
  clock: Clock;
}) {
  const { licenses, vendorKeys, clock } = deps;
  /**
   * Verifies a key for the licenses it is to be assigned to. Throws (and saves nothing) when
   * Metrc rejects the key, cannot be reached, or does not cover every selected license.
   */
  async function verifyForSave(input: {
    organizationId: number;
    state: string;
    environment: MetrcEnvironment;
    kind: CredentialKind;
    licenseNumbers: string[];
    key: Secret;
  }) {
    const vendorKey = await vendorKeys.keyFor(input.state, input.environment);
    const target = {
      state: input.state,
      environment: input.environment,
      vendorKey,
      userKey: input.key,
    };
    // A user key covers its owner's licenses among the organization's own (rule 5).
    const candidates =
      input.kind === 'user' && input.licenseNumbers.length === 0
        ? (await licenses.list(input.organizationId))
            .filter((l) => l.state === input.state)
            .map((l) => l.number)
        : undefined;
    const result = await verifyKey(
      { probe: deps.probe, clock },
      {
        target,
        licenseNumbers: input.licenseNumbers,
        keyAgeDays: 0,
        candidates,
        otherStates: () => vendorKeys.otherStateTargets(input.state, input.environment, input.key),
      },
    );
    if (result.outcome === 'rejected') {
      throw credentialsErrors.CREDENTIAL_KEY_REJECTED({
        details: { diagnosis: result.report.diagnosis },
      });
    }
    if (result.outcome === 'unavailable') throw credentialsErrors.CREDENTIAL_METRC_UNAVAILABLE();
    const { report } = result;
    if (report.uncovered.length > 0) {
      throw credentialsErrors.CREDENTIAL_LICENSES_NOT_COVERED({
        message: `This key does not cover ${report.uncovered.join(', ')}. Nothing was saved.`,
        details: { uncovered: report.uncovered, covered: report.available.map((f) => f.number) },
      });
    }
    if (input.kind === 'facility' && report.licenses.length === 0) {
      throw credentialsErrors.CREDENTIAL_NO_LICENSES();
    }
    return { report, facilities: result.facilities };
  }
  return verifyForSave;
}
