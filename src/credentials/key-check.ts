import type { MetrcEnvironment } from '../db/index.ts';
import type { Clock, Secret } from '../lib/index.ts';
import { requireMetrcState } from '../licenses/index.ts';
import { normaliseKeyText } from './credential-rules-fns.ts';
import { credentialsErrors } from './credentials-errors.ts';
import type { VendorKeysService } from './vendor-keys-service.ts';
import type { MetrcKeyProbe, VerificationReport } from './verification-types.ts';
import { verifyKey } from './verify-key.ts';

/**
 * "Check a key without saving it": what a key may do at each license, before anyone decides to
 * save it. Kept apart from Verify & Save so that no check can overwrite a facility key (the trap
 * Canix warns its users about): it reads Metrc and writes nothing, not even an audit row.
 *
 * @example
 * const report = await keyCheck.check({ state: 'ca', key, licenseNumbers: [] });
 */
export function createKeyCheck(deps: {
  vendorKeys: Pick<VendorKeysService, 'keyFor' | 'otherStateTargets'>;
  probe: MetrcKeyProbe;
  clock: Clock;
}) {
  async function check(input: {
    state: string;
    environment?: MetrcEnvironment;
    /** Licenses to judge the key against; empty checks every license Metrc lists for it. */
    licenseNumbers: string[];
    key: Secret;
  }): Promise<VerificationReport> {
    const state = requireMetrcState(input.state);
    const environment = input.environment ?? 'production';
    normaliseKeyText(input.key.reveal());
    const vendorKey = await deps.vendorKeys.keyFor(state, environment);
    const result = await verifyKey(
      { probe: deps.probe, clock: deps.clock },
      {
        target: { state, environment, vendorKey, userKey: input.key },
        licenseNumbers: input.licenseNumbers,
        allIfEmpty: true,
        keyAgeDays: null,
        otherStates: () => deps.vendorKeys.otherStateTargets(state, environment, input.key),
      },
    );
    // A rejected key is an answer worth showing (with its diagnosis); an outage is not.
    if (result.outcome === 'unavailable') throw credentialsErrors.CREDENTIAL_METRC_UNAVAILABLE();
    return result.report;
  }

  return { check };
}

export type KeyCheck = ReturnType<typeof createKeyCheck>;
