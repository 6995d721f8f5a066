/**
 * What a license can do, predicted from Metrc's FacilityType flags. Used to show only what
 * applies to a license (rule 11) and to tell a section the license type lacks from a missing
 * permission (rule 3).
 */
export type FacilityTypeFlags = Record<string, unknown>;

const has = (ft: FacilityTypeFlags, flag: string) => ft[flag] === true;

export const PREDICTORS = {
  always: () => true,
  grows: (ft: FacilityTypeFlags) => has(ft, 'CanGrowPlants'),
  sells: (ft: FacilityTypeFlags) =>
    [
      'CanSellToConsumers',
      'CanSellToPatients',
      'CanSellToCaregivers',
      'CanSellToExternalPatients',
    ].some((flag) => has(ft, flag)),
  delivers: (ft: FacilityTypeFlags) =>
    has(ft, 'CanDeliverSalesToConsumers') || has(ft, 'CanDeliverSalesToPatients'),
  // Pure transporters hold no inventory: no locations and no package tags.
  holdsInventory: (ft: FacilityTypeFlags) => has(ft, 'CanAssignLocationsToPackages'),
  servesPatients: (ft: FacilityTypeFlags) =>
    has(ft, 'CanSellToPatients') || has(ft, 'CanHaveMemberPatients'),
  processes: (ft: FacilityTypeFlags) => has(ft, 'CanRecordProcessingJobs'),
  tests: (ft: FacilityTypeFlags) => has(ft, 'CanTestPackages'),
  manufactures: (ft: FacilityTypeFlags) => has(ft, 'CanInfuseProducts'),
} as const;

/** What a license type can do, for the console and API to show only what applies (rule 11). */
export interface LicenseFeatures {
  plants: boolean;
  harvests: boolean;
  packages: boolean;
  manufacturing: boolean;
  sales: boolean;
  salesDelivery: boolean;
  transfers: boolean;
  labTesting: boolean;
  patients: boolean;
  processingJobs: boolean;
}

export function licenseFeatures(ft: FacilityTypeFlags): LicenseFeatures {
  return {
    plants: PREDICTORS.grows(ft),
    harvests: PREDICTORS.grows(ft),
    packages: PREDICTORS.holdsInventory(ft) || PREDICTORS.tests(ft),
    manufacturing: PREDICTORS.manufactures(ft),
    sales: PREDICTORS.sells(ft),
    salesDelivery: PREDICTORS.delivers(ft),
    transfers: true,
    labTesting: PREDICTORS.tests(ft),
    patients: PREDICTORS.servesPatients(ft),
    processingJobs: PREDICTORS.processes(ft),
  };
}
