/** Plants, plant batches and harvests: lists and the writes of Metrc's v2 API. */

import {
  getArray,
  getObject,
  type LicenseQuery,
  licenseList,
  licenseObjectById,
  rowsWrite,
} from './endpoint-helpers.ts';
import type { MetrcApi } from './metrc-api.ts';
import {
  changeGrowthPhaseRow,
  destroyPlantBatchRow,
  destroyPlantRow,
  finishHarvestRow,
  harvestPackageRow,
  harvestPlantRow,
  harvestWasteRow,
  manicurePlantRow,
  movePlantRow,
  plantingRow,
  unfinishHarvestRow,
} from './metrc-bodies.ts';
import { pathSegment } from './metrc-http.ts';
import {
  harvestSchema,
  type MetrcPlant,
  type MetrcWasteMethod,
  type MetrcWasteReason,
  nameSchema,
  plantBatchSchema,
  plantSchema,
  wasteMethodSchema,
  wasteReasonSchema,
} from './metrc-records.ts';

/** `GET /plants/v2/vegetative` (View Veg/Flower Plants; growers). */
export const listVegetativePlants = licenseList('/plants/v2/vegetative', plantSchema);
/** `GET /plants/v2/flowering`. */
export const listFloweringPlants = licenseList('/plants/v2/flowering', plantSchema);
/** `GET /plants/v2/onhold`. */
export const listOnHoldPlants = licenseList('/plants/v2/onhold', plantSchema);
/** `GET /plants/v2/inactive`: harvested or destroyed. */
export const listInactivePlants = licenseList('/plants/v2/inactive', plantSchema);
/** `GET /plants/v2/{id}`. */
export const getPlantById = licenseObjectById('/plants/v2', plantSchema);

/** `GET /plants/v2/{label}`. */
export function getPlantByLabel(
  api: MetrcApi,
  query: LicenseQuery & { label: string },
): Promise<MetrcPlant> {
  return getObject(
    api,
    {
      path: `/plants/v2/${pathSegment(query.label)}`,
      licenseNumber: query.licenseNumber,
      signal: query.signal,
    },
    plantSchema,
  );
}

/** `GET /plants/v2/growthphases`: `["Vegetative", "Flowering"]`. */
export function listGrowthPhases(api: MetrcApi, query: Partial<LicenseQuery> = {}) {
  return getArray(
    api,
    { path: '/plants/v2/growthphases', licenseNumber: query.licenseNumber, signal: query.signal },
    nameSchema,
  );
}

/** `GET /plants/v2/waste/reasons`: what `WasteReasonName` may say when destroying plants. */
export function listPlantWasteReasons(
  api: MetrcApi,
  query: LicenseQuery,
): Promise<MetrcWasteReason[]> {
  return getArray(
    api,
    { path: '/plants/v2/waste/reasons', licenseNumber: query.licenseNumber, signal: query.signal },
    wasteReasonSchema,
  );
}

/** `GET /plants/v2/waste/methods/all`: what `WasteMethodName` may say. */
export function listWasteMethods(
  api: MetrcApi,
  options: { signal?: AbortSignal } = {},
): Promise<MetrcWasteMethod[]> {
  return getArray(
    api,
    { path: '/plants/v2/waste/methods/all', signal: options.signal },
    wasteMethodSchema,
  );
}

/** `PUT /plants/v2/location`. */
export const movePlants = rowsWrite('PUT', '/plants/v2/location', movePlantRow);
/** `PUT /plants/v2/growthphase`. */
export const changePlantGrowthPhases = rowsWrite(
  'PUT',
  '/plants/v2/growthphase',
  changeGrowthPhaseRow,
);
/** `PUT /plants/v2/harvest`: whole-plant harvest; no HarvestName → Metrc names it. */
export const harvestPlants = rowsWrite('PUT', '/plants/v2/harvest', harvestPlantRow);
/** `POST /plants/v2/manicure`. */
export const manicurePlants = rowsWrite('POST', '/plants/v2/manicure', manicurePlantRow);
/** `DELETE /plants/v2` with a JSON body (waste method, reason, weight). */
export const destroyPlants = rowsWrite('DELETE', '/plants/v2', destroyPlantRow);

/** `GET /plantbatches/v2/active` (View Immature Plants). */
export const listActivePlantBatches = licenseList('/plantbatches/v2/active', plantBatchSchema);
/** `GET /plantbatches/v2/inactive`. */
export const listInactivePlantBatches = licenseList('/plantbatches/v2/inactive', plantBatchSchema);

/** `GET /plantbatches/v2/types`: Seed, Clone. */
export function listPlantBatchTypes(api: MetrcApi, options: { signal?: AbortSignal } = {}) {
  return getArray(api, { path: '/plantbatches/v2/types', signal: options.signal }, nameSchema);
}

/** `GET /plantbatches/v2/waste/reasons`. */
export function listPlantBatchWasteReasons(
  api: MetrcApi,
  query: LicenseQuery,
): Promise<MetrcWasteReason[]> {
  return getArray(
    api,
    {
      path: '/plantbatches/v2/waste/reasons',
      licenseNumber: query.licenseNumber,
      signal: query.signal,
    },
    wasteReasonSchema,
  );
}

/** `POST /plantbatches/v2/plantings`: new plant batches. */
export const createPlantings = rowsWrite('POST', '/plantbatches/v2/plantings', plantingRow);
/** `DELETE /plantbatches/v2` with a JSON body. */
export const destroyPlantBatches = rowsWrite('DELETE', '/plantbatches/v2', destroyPlantBatchRow);

/** `GET /harvests/v2/active` (View Harvests). */
export const listActiveHarvests = licenseList('/harvests/v2/active', harvestSchema);
/** `GET /harvests/v2/onhold`. */
export const listOnHoldHarvests = licenseList('/harvests/v2/onhold', harvestSchema);
/** `GET /harvests/v2/inactive`: finished. */
export const listInactiveHarvests = licenseList('/harvests/v2/inactive', harvestSchema);

/** `GET /harvests/v2/waste/types`. */
export function listHarvestWasteTypes(api: MetrcApi, options: { signal?: AbortSignal } = {}) {
  return getArray(api, { path: '/harvests/v2/waste/types', signal: options.signal }, nameSchema);
}

/** `POST /harvests/v2/packages`: packages from harvests. */
export const createHarvestPackages = rowsWrite('POST', '/harvests/v2/packages', harvestPackageRow);
/** `POST /harvests/v2/waste`. */
export const recordHarvestWaste = rowsWrite('POST', '/harvests/v2/waste', harvestWasteRow);
/** `PUT /harvests/v2/finish`. */
export const finishHarvests = rowsWrite('PUT', '/harvests/v2/finish', finishHarvestRow);
/** `PUT /harvests/v2/unfinish`. */
export const unfinishHarvests = rowsWrite('PUT', '/harvests/v2/unfinish', unfinishHarvestRow);
