/** Lab tests, patients, processing jobs and transporters. */

import {
  getArray,
  getPage,
  type LicenseQuery,
  licenseList,
  type MetrcPage,
  type PageQuery,
} from './endpoint-helpers.ts';
import type { MetrcApi } from './metrc-api.ts';
import {
  labTestResultSchema,
  labTestTypeSchema,
  looseRecordSchema,
  type MetrcLabTestResult,
  type MetrcLabTestType,
  nameSchema,
  patientSchema,
} from './metrc-records.ts';

/** `GET /labtests/v2/results?packageId=` (View Packages). */
export function listLabTestResults(
  api: MetrcApi,
  query: LicenseQuery & PageQuery & { packageId: number },
): Promise<MetrcPage<MetrcLabTestResult>> {
  return getPage(
    api,
    {
      path: '/labtests/v2/results',
      licenseNumber: query.licenseNumber,
      query: { packageId: query.packageId },
      signal: query.signal,
      page: query,
    },
    labTestResultSchema,
  );
}

/** `GET /labtests/v2/types`: state-wide, no permission. */
export function listLabTestTypes(
  api: MetrcApi,
  options: { signal?: AbortSignal } = {},
): Promise<MetrcLabTestType[]> {
  return getArray(api, { path: '/labtests/v2/types', signal: options.signal }, labTestTypeSchema);
}

/** `GET /labtests/v2/states`: lab testing states of packages. */
export function listLabTestStates(api: MetrcApi, options: { signal?: AbortSignal } = {}) {
  return getArray(api, { path: '/labtests/v2/states', signal: options.signal }, nameSchema);
}

/** `GET /patients/v2/active` (Manage Patients; medical states). */
export const listActivePatients = licenseList('/patients/v2/active', patientSchema);
/** `GET /processing/v2/active` (Manage Processing Job; few states). */
export const listActiveProcessingJobs = licenseList('/processing/v2/active', looseRecordSchema);
/** `GET /transporters/v2/drivers` (Manage Transporters). */
export const listDrivers = licenseList('/transporters/v2/drivers', looseRecordSchema);
/** `GET /transporters/v2/vehicles`. */
export const listVehicles = licenseList('/transporters/v2/vehicles', looseRecordSchema);
