import type { Kysely } from 'kysely';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { DB, License } from '../db/index.ts';
import { type Clock, commonErrors, toTimestamp } from '../lib/index.ts';
import { type LicenseFeatures, licenseFeatures } from './license-features.ts';
import { licensesErrors } from './licenses-errors.ts';
import type { LicensesRepo } from './licenses-repo.ts';
import { isValidTimeZone, requireMetrcState, STATE_TIME_ZONES } from './state-time-zones.ts';

export interface LicenseView {
  id: number;
  number: string;
  state: string;
  licenseType: string;
  name: string;
  facilityType: Record<string, unknown>;
  /** What this license type can do in Metrc, from its FacilityType flags (rule 11). */
  features: LicenseFeatures;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export interface LicenseInput {
  number: string;
  state: string;
  licenseType: string;
  name: string;
  facilityType?: Record<string, unknown>;
  timeZone?: string;
}

export function toLicenseView(row: License): LicenseView {
  const facilityType = JSON.parse(row.facility_type) as Record<string, unknown>;
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    licenseType: row.license_type,
    name: row.name,
    facilityType,
    features: licenseFeatures(facilityType),
    timeZone: row.time_zone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type OrgActor = AuditActor & { organizationId: number };

/** The organization's Metrc licenses (facilities). Verify & Save fills them from Metrc. */
export function createLicensesService(deps: {
  db: Kysely<DB>;
  licenses: LicensesRepo;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, licenses, audit, clock } = deps;

  function checkTimeZone(timeZone: string | undefined) {
    if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
      throw licensesErrors.LICENSE_TIME_ZONE_INVALID();
    }
  }

  async function list(organizationId: number): Promise<LicenseView[]> {
    return (await licenses.list(organizationId)).map(toLicenseView);
  }

  async function get(organizationId: number, id: number): Promise<LicenseView> {
    const row = await licenses.find(organizationId, id);
    if (!row) throw commonErrors.NOT_FOUND();
    return toLicenseView(row);
  }

  async function create(actor: OrgActor, input: LicenseInput): Promise<LicenseView> {
    const state = requireMetrcState(input.state);
    checkTimeZone(input.timeZone);
    return db.transaction().execute(async (trx) => {
      if (await licenses.findByNumber(actor.organizationId, state, input.number, trx)) {
        throw licensesErrors.LICENSE_DUPLICATE();
      }
      const now = toTimestamp(clock.now());
      const row = await licenses.insert(
        {
          organization_id: actor.organizationId,
          number: input.number,
          state,
          license_type: input.licenseType,
          name: input.name,
          facility_type: JSON.stringify(input.facilityType ?? {}),
          time_zone: input.timeZone ?? STATE_TIME_ZONES[state] ?? 'UTC',
          created_at: now,
          updated_at: now,
        },
        trx,
      );
      await audit.record(
        {
          organizationId: actor.organizationId,
          actor,
          action: 'license.created',
          target: { type: 'license', id: row.id },
          details: { number: row.number, state },
        },
        trx,
      );
      return toLicenseView(row);
    });
  }

  async function update(
    actor: OrgActor,
    id: number,
    input: Partial<Omit<LicenseInput, 'number' | 'state'>>,
  ): Promise<LicenseView> {
    checkTimeZone(input.timeZone);
    await db.transaction().execute(async (trx) => {
      const row = await licenses.find(actor.organizationId, id, trx);
      if (!row) throw commonErrors.NOT_FOUND();
      await licenses.update(
        actor.organizationId,
        id,
        {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.licenseType !== undefined && { license_type: input.licenseType }),
          ...(input.facilityType !== undefined && {
            facility_type: JSON.stringify(input.facilityType),
          }),
          ...(input.timeZone !== undefined && { time_zone: input.timeZone }),
          updated_at: toTimestamp(clock.now()),
        },
        trx,
      );
      await audit.record(
        {
          organizationId: actor.organizationId,
          actor,
          action: 'license.updated',
          target: { type: 'license', id },
          details: { fields: Object.keys(input) },
        },
        trx,
      );
    });
    return get(actor.organizationId, id);
  }

  async function remove(actor: OrgActor, id: number): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const row = await licenses.find(actor.organizationId, id, trx);
      if (!row) throw commonErrors.NOT_FOUND();
      await licenses.delete(actor.organizationId, id, trx);
      await audit.record(
        {
          organizationId: actor.organizationId,
          actor,
          action: 'license.deleted',
          target: { type: 'license', id },
          details: { number: row.number, state: row.state },
        },
        trx,
      );
    });
  }

  /**
   * Insights without exposure (rule 12): license-type counts per state, each published only when
   * at least `minOrganizations` organizations share it, so no one organization can be singled out.
   */
  async function licenseTypeInsights(minOrganizations: number) {
    const groups = await licenses.organizationsPerLicenseType();
    return {
      minOrganizations,
      groups: groups
        .map((g) => ({
          state: g.state,
          licenseType: g.license_type,
          organizations: Number(g.organizations),
        }))
        .filter((g) => g.organizations >= minOrganizations),
    };
  }

  return { list, get, create, update, remove, licenseTypeInsights };
}

export type LicensesService = ReturnType<typeof createLicensesService>;
