import {
  isMetrcError,
  listFacilities,
  type MetrcClient,
  type MetrcSection,
  MetrcUnauthorizedError,
  probeSection,
} from '../metrc/index.ts';
import { credentialsErrors } from './credentials-errors.ts';
import type { FacilitiesOutcome, KeyTarget, MetrcKeyProbe } from './verification-types.ts';

/**
 * The Metrc calls of verification, over the shared client (so every probe is paced by the
 * deployment-wide limiter). A 401 on the facilities list is the key itself being refused.
 */
export function createMetrcKeyProbe(client: MetrcClient): MetrcKeyProbe {
  const api = (target: KeyTarget) =>
    client.forKeys({ state: target.state, vendorKey: target.vendorKey, userKey: target.userKey });

  return {
    async facilities(target): Promise<FacilitiesOutcome> {
      try {
        const facilities = await listFacilities(api(target));
        return {
          ok: true,
          facilities: facilities.map((f) => ({
            number: f.License.Number,
            name: f.DisplayName ?? f.Name ?? f.License.Number,
            licenseType: f.License.LicenseType ?? '',
            facilityType: (f.FacilityType ?? {}) as Record<string, unknown>,
            licenseEndDate: f.License.EndDate ?? null,
          })),
        };
      } catch (error) {
        if (error instanceof MetrcUnauthorizedError) {
          return { ok: false, reason: 'rejected', httpStatus: error.httpStatus ?? 401 };
        }
        if (isMetrcError(error)) {
          return { ok: false, reason: 'unavailable', httpStatus: error.httpStatus ?? null };
        }
        throw error;
      }
    },

    async probe(target, licenseNumber, section: MetrcSection) {
      const result = await probeSection(api(target), { licenseNumber, section });
      return result.httpStatus ?? null;
    },
  };
}

/**
 * For processes without a Metrc connection (the CLI when no METRC_BASE_URL_TEMPLATE is set: the
 * built-in emulator lives inside `tracegate start`). Any verification fails with a clear code.
 */
export const NO_METRC_PROBE: MetrcKeyProbe = {
  facilities: () => Promise.reject(credentialsErrors.METRC_NOT_CONFIGURED()),
  probe: () => Promise.reject(credentialsErrors.METRC_NOT_CONFIGURED()),
};
