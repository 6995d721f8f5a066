import type { Kysely } from 'kysely';
import type { CredentialKind, DB } from '../db/index.ts';
import { type Clock, toTimestamp } from '../lib/index.ts';
import { type LicensesRepo, STATE_TIME_ZONES } from '../licenses/index.ts';
import { credentialsErrors } from './credentials-errors.ts';
import type { CredentialsRepo } from './credentials-repo.ts';
import type { MetrcFacilitySummary, VerificationReport } from './verification-types.ts';

/** Which licenses a verified key is assigned to, and rule 4 (one facility key per license). */
export function createLicenseAssignment(deps: {
  repo: CredentialsRepo;
  licenses: LicensesRepo;
  clock: Clock;
}) {
  const { repo, licenses, clock } = deps;
  const now = () => clock.now();

  /** Creates or refreshes the organization's license rows from what Metrc lists (rule 11). */
  async function upsertLicenses(
    trx: Kysely<DB>,
    organizationId: number,
    state: string,
    facilities: MetrcFacilitySummary[],
  ): Promise<number[]> {
    const ids: number[] = [];
    const stamp = toTimestamp(now());
    for (const facility of facilities) {
      const existing = await licenses.findByNumber(organizationId, state, facility.number, trx);
      const values = {
        name: facility.name,
        license_type: facility.licenseType,
        facility_type: JSON.stringify(facility.facilityType),
        updated_at: stamp,
      };
      if (existing) {
        await licenses.update(organizationId, existing.id, values, trx);
        ids.push(existing.id);
      } else {
        const row = await licenses.insert(
          {
            ...values,
            organization_id: organizationId,
            number: facility.number,
            state,
            time_zone: STATE_TIME_ZONES[state] ?? 'UTC',
            created_at: stamp,
          },
          trx,
        );
        ids.push(row.id);
      }
    }
    return ids;
  }

  /** The license ids a verified key is assigned to (facility keys also create/update them). */
  async function assignedLicenseIds(
    trx: Kysely<DB>,
    organizationId: number,
    state: string,
    kind: CredentialKind,
    report: VerificationReport,
    facilities: MetrcFacilitySummary[],
  ): Promise<number[]> {
    const checked = new Set(report.licenses.map((l) => l.number));
    if (kind === 'facility') {
      return upsertLicenses(
        trx,
        organizationId,
        state,
        facilities.filter((f) => checked.has(f.number)),
      );
    }
    const ids: number[] = [];
    for (const number of checked) {
      const row = await licenses.findByNumber(organizationId, state, number, trx);
      if (row) ids.push(row.id);
    }
    return ids;
  }

  async function assertLicensesFree(
    trx: Kysely<DB>,
    licenseIds: number[],
    exceptCredentialId?: number,
  ) {
    const holders = (await repo.facilityHolders(licenseIds, trx)).filter(
      (h) => h.credential_id !== exceptCredentialId,
    );
    if (holders.length > 0) {
      throw credentialsErrors.CREDENTIAL_LICENSE_TAKEN({
        message: `${holders.map((h) => h.number).join(', ')} already ${holders.length > 1 ? 'have' : 'has'} a facility key.`,
        details: {
          licenses: holders.map((h) => ({ number: h.number, credentialId: h.credential_id })),
        },
      });
    }
  }

  return { assignedLicenseIds, assertLicensesFree };
}
