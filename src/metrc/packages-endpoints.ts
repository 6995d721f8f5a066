/** Packages: lists, lookups, creation from ingredients, adjustments, moves, finish, discontinue. */

import { z } from 'zod';
import {
  getArray,
  getObject,
  type LicenseQuery,
  licenseList,
  licenseObjectById,
  rowsWrite,
  sendWithoutBody,
} from './endpoint-helpers.ts';
import type { MetrcApi, MetrcWriteResult } from './metrc-api.ts';
import {
  adjustPackageRow,
  createPackageRow,
  finishPackageRow,
  movePackageRow,
  unfinishPackageRow,
} from './metrc-bodies.ts';
import { pathSegment } from './metrc-http.ts';
import {
  adjustReasonSchema,
  type MetrcAdjustReason,
  type MetrcPackage,
  nameSchema,
  packageSchema,
} from './metrc-records.ts';

/** `GET /packages/v2/active` (View Packages). */
export const listActivePackages = licenseList('/packages/v2/active', packageSchema);
/** `GET /packages/v2/onhold`. */
export const listOnHoldPackages = licenseList('/packages/v2/onhold', packageSchema);
/** `GET /packages/v2/inactive`: finished or discontinued. */
export const listInactivePackages = licenseList('/packages/v2/inactive', packageSchema);
/** `GET /packages/v2/{id}`. */
export const getPackageById = licenseObjectById('/packages/v2', packageSchema);

/** `GET /packages/v2/{label}`: the same route as by id; a 24-character tag is a label. */
export function getPackageByLabel(
  api: MetrcApi,
  query: LicenseQuery & { label: string },
): Promise<MetrcPackage> {
  return getObject(
    api,
    {
      path: `/packages/v2/${pathSegment(query.label)}`,
      licenseNumber: query.licenseNumber,
      signal: query.signal,
    },
    packageSchema,
  );
}

/** `GET /packages/v2/types`: state-wide list of names. */
export function listPackageTypes(api: MetrcApi, options: { signal?: AbortSignal } = {}) {
  return getArray(api, { path: '/packages/v2/types', signal: options.signal }, nameSchema);
}

/** `GET /packages/v2/adjust/reasons`: what `AdjustmentReason` may say at this license. */
export function listAdjustReasons(
  api: MetrcApi,
  query: LicenseQuery,
): Promise<MetrcAdjustReason[]> {
  return getArray(
    api,
    {
      path: '/packages/v2/adjust/reasons',
      licenseNumber: query.licenseNumber,
      signal: query.signal,
    },
    adjustReasonSchema,
  );
}

/**
 * `POST /packages/v2`: new packages from ingredients. Merge = several ingredients into one new
 * tag; split = several new tags from one source. The tag must be available at the license.
 */
export const createPackages = rowsWrite('POST', '/packages/v2', createPackageRow);
/** `POST /packages/v2/adjust`: change quantities by a delta, with a reason. */
export const adjustPackages = rowsWrite('POST', '/packages/v2/adjust', adjustPackageRow);
/** `PUT /packages/v2/adjust`: set the final quantity of packages. */
export const setPackageQuantities = rowsWrite('PUT', '/packages/v2/adjust', adjustPackageRow);
/** `PUT /packages/v2/location`. */
export const movePackages = rowsWrite('PUT', '/packages/v2/location', movePackageRow);
/** `PUT /packages/v2/finish`: out of active inventory. */
export const finishPackages = rowsWrite('PUT', '/packages/v2/finish', finishPackageRow);
/** `PUT /packages/v2/unfinish`: back into active inventory. */
export const unfinishPackages = rowsWrite('PUT', '/packages/v2/unfinish', unfinishPackageRow);

/** `DELETE /packages/v2/{id}`: discontinues the package. */
export function discontinuePackage(
  api: MetrcApi,
  input: LicenseQuery & { id: number },
): Promise<MetrcWriteResult> {
  return sendWithoutBody(api, {
    method: 'DELETE',
    path: `/packages/v2/${pathSegment(input.id)}`,
    licenseNumber: input.licenseNumber,
    signal: input.signal,
  });
}

/** One row of a license's adjustment history (`GET /packages/v2/adjustments`). */
export const packageAdjustmentSchema = z.looseObject({
  Id: z.number(),
  PackageId: z.number().nullish(),
  PackageLabel: z.string(),
  AdjustmentQuantity: z.number().nullish(),
  AdjustmentUnitOfMeasureName: z.string().nullish(),
  AdjustmentReasonName: z.string().nullish(),
  AdjustmentNote: z.string().nullish(),
  AdjustmentDate: z.string().nullish(),
  LastModified: z.string().nullish(),
});
export type MetrcPackageAdjustment = z.infer<typeof packageAdjustmentSchema>;

/**
 * `GET /packages/v2/adjustments`: every adjustment of the license's packages (v2 only, TM
 * documents it). The outbox reads it to tell whether an ambiguous adjustment landed.
 */
export const listPackageAdjustments = licenseList(
  '/packages/v2/adjustments',
  packageAdjustmentSchema,
);
