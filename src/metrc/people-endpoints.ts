/** Facilities (what a key covers), employees and their permissions. */
import { z } from 'zod';
import {
  getArray,
  getPage,
  type LicenseQuery,
  type MetrcPage,
  type PageQuery,
} from './endpoint-helpers.ts';
import type { MetrcApi } from './metrc-api.ts';
import {
  employeeSchema,
  facilitySchema,
  type MetrcEmployee,
  type MetrcFacility,
} from './metrc-records.ts';

/**
 * `GET /facilities/v2`: every license of this state where the key's user is an employee, with
 * `License.Number` and the `FacilityType` capability flags. No permission needed: a 401 here
 * means the key itself was refused (`MetrcUnauthorizedError.scope === 'key'`).
 *
 * @example
 * const facilities = await listFacilities(api);
 * facilities.map((f) => f.License.Number);
 */
export function listFacilities(
  api: MetrcApi,
  options: { signal?: AbortSignal } = {},
): Promise<MetrcFacility[]> {
  return getArray(api, { path: '/facilities/v2', signal: options.signal }, facilitySchema);
}

/** `GET /employees/v2` (View or Manage Employees). */
export function listEmployees(
  api: MetrcApi,
  query: LicenseQuery & PageQuery,
): Promise<MetrcPage<MetrcEmployee>> {
  return getPage(
    api,
    {
      path: '/employees/v2',
      licenseNumber: query.licenseNumber,
      signal: query.signal,
      page: query,
    },
    employeeSchema,
  );
}

/**
 * `GET /employees/v2/permissions`: an employee's permission names at a license, lower-case
 * (Manage Employees).
 */
export function listEmployeePermissions(
  api: MetrcApi,
  query: LicenseQuery & { employeeLicenseNumber: string },
): Promise<string[]> {
  return getArray(
    api,
    {
      path: '/employees/v2/permissions',
      licenseNumber: query.licenseNumber,
      query: { employeeLicenseNumber: query.employeeLicenseNumber },
      signal: query.signal,
    },
    z.string(),
  );
}
