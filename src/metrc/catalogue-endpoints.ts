/** Units, items (+ categories), strains, locations (+ types) and available tags. */

import {
  getArray,
  type LicenseQuery,
  licenseList,
  licenseObjectById,
  rowsWrite,
} from './endpoint-helpers.ts';
import type { MetrcApi } from './metrc-api.ts';
import { createItemRow, createLocationRow, createStrainRow } from './metrc-bodies.ts';
import {
  itemCategorySchema,
  itemSchema,
  locationSchema,
  locationTypeSchema,
  type MetrcItemCategory,
  type MetrcLocationType,
  type MetrcTag,
  type MetrcUnitOfMeasure,
  strainSchema,
  tagSchema,
  unitOfMeasureSchema,
} from './metrc-records.ts';

/** `GET /unitsofmeasure/v2/active|inactive`: state-wide, no license. */
export function listUnitsOfMeasure(
  api: MetrcApi,
  options: { inactive?: boolean; signal?: AbortSignal } = {},
): Promise<MetrcUnitOfMeasure[]> {
  const which = options.inactive ? 'inactive' : 'active';
  return getArray(
    api,
    { path: `/unitsofmeasure/v2/${which}`, signal: options.signal },
    unitOfMeasureSchema,
  );
}

/** `GET /items/v2/active` (Manage Items). */
export const listActiveItems = licenseList('/items/v2/active', itemSchema);
/** `GET /items/v2/inactive` (Manage Items). */
export const listInactiveItems = licenseList('/items/v2/inactive', itemSchema);
/** `GET /items/v2/{id}`; a missing id is `MetrcNotFoundError` of kind `object`. */
export const getItem = licenseObjectById('/items/v2', itemSchema);
/** `POST /items/v2` (Manage Items). */
export const createItems = rowsWrite('POST', '/items/v2', createItemRow);

/** `GET /items/v2/categories`: every page at once (pagination is off by default). */
export function listItemCategories(
  api: MetrcApi,
  query: Partial<LicenseQuery> = {},
): Promise<MetrcItemCategory[]> {
  return getArray(
    api,
    { path: '/items/v2/categories', licenseNumber: query.licenseNumber, signal: query.signal },
    itemCategorySchema,
  );
}

/** `GET /strains/v2/active` (Manage Strains). */
export const listActiveStrains = licenseList('/strains/v2/active', strainSchema);
/** `GET /strains/v2/inactive`. */
export const listInactiveStrains = licenseList('/strains/v2/inactive', strainSchema);
/** `GET /strains/v2/{id}`. */
export const getStrain = licenseObjectById('/strains/v2', strainSchema);
/** `POST /strains/v2` (Manage Strains). */
export const createStrains = rowsWrite('POST', '/strains/v2', createStrainRow);

/**
 * `GET /locations/v2/active` (Manage Locations). NY production answers nothing without a
 * lastModified window: pass one (the sync does).
 */
export const listActiveLocations = licenseList('/locations/v2/active', locationSchema);
/** `GET /locations/v2/inactive`. */
export const listInactiveLocations = licenseList('/locations/v2/inactive', locationSchema);
/** `GET /locations/v2/{id}`. */
export const getLocation = licenseObjectById('/locations/v2', locationSchema);
/** `POST /locations/v2` (Manage Locations). */
export const createLocations = rowsWrite('POST', '/locations/v2', createLocationRow);

/** `GET /locations/v2/types`. */
export function listLocationTypes(
  api: MetrcApi,
  query: LicenseQuery,
): Promise<MetrcLocationType[]> {
  return getArray(
    api,
    { path: '/locations/v2/types', licenseNumber: query.licenseNumber, signal: query.signal },
    locationTypeSchema,
  );
}

/** `GET /tags/v2/package/available` (Manage Tags): unused package tags, a bare array. */
export function listAvailablePackageTags(api: MetrcApi, query: LicenseQuery): Promise<MetrcTag[]> {
  return getArray(
    api,
    {
      path: '/tags/v2/package/available',
      licenseNumber: query.licenseNumber,
      signal: query.signal,
    },
    tagSchema,
  );
}

/** `GET /tags/v2/plant/available` (Manage Tags; growers only). */
export function listAvailablePlantTags(api: MetrcApi, query: LicenseQuery): Promise<MetrcTag[]> {
  return getArray(
    api,
    { path: '/tags/v2/plant/available', licenseNumber: query.licenseNumber, signal: query.signal },
    tagSchema,
  );
}
