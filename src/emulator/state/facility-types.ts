/**
 * `FacilityType` flags per license type (metrc-api.md §6.1: the union of OM 2024, TM 2026 and
 * F8's sandbox probes). Every facility carries the full set, false unless its type grants it,
 * because clients predict which sections a license has from these flags.
 */
export type LicenseKind =
  | 'cultivator'
  | 'manufacturer'
  | 'distributor'
  | 'transporter'
  | 'testingLab'
  | 'retailer'
  | 'microbusiness';

export const LICENSE_KINDS: readonly LicenseKind[] = [
  'cultivator',
  'manufacturer',
  'distributor',
  'transporter',
  'testingLab',
  'retailer',
  'microbusiness',
];

export type Program = 'adultUse' | 'medical';

export const FACILITY_TYPE_FLAGS = [
  // program
  'IsMedical',
  'IsRetail',
  'IsHemp',
  // plants
  'CanGrowPlants',
  'CanCreateOpeningBalancePlantBatches',
  'CanClonePlantBatches',
  'CanTagPlantBatches',
  'CanAssignLocationsToPlantBatches',
  'PlantsRequirePatientAffiliation',
  'PlantBatchesCanContainMotherPlants',
  'CanUpdatePlantStrains',
  'CanTrackVegetativePlants',
  'CanCreateImmaturePlantPackagesFromPlants',
  'CanPackageVegetativePlants',
  'CanTrackMotherPlantsAsGrowthPhase',
  // harvests and strains
  'CanPackageWaste',
  'CanReportHarvestSchedules',
  'CanSubmitHarvestsForTesting',
  'CanRequireHarvestSampleLabTestBatches',
  'CanReportStrainProperties',
  // packages
  'CanCreateOpeningBalancePackages',
  'CanCreateDerivedPackages',
  'CanAssignLocationsToPackages',
  'CanUpdateLocationsOnPackages',
  'PackagesRequirePatientAffiliation',
  'CanCreateTradeSamplePackages',
  'CanDonatePackages',
  'CanSubmitPackagesForTesting',
  'CanCreateProcessValidationPackages',
  'CanRequirePackageSampleLabTestBatches',
  'CanReturnPackageQuantity',
  'CanRequestProductRemediation',
  'CanRemediatePackagesWithFailedLabResults',
  'CanRequestProductDecontamination',
  'CanDecontaminatePackagesWithFailedLabResults',
  'CanInfuseProducts',
  'CanRecordProcessingJobs',
  'CanRecordProductForDestruction',
  'CanDestroyProduct',
  'CanCreatePartialPackages',
  'CanAdjustSourcePackagesWithPartials',
  'CanTrackFinishedGoods',
  'CanOnlyReceiveFinishedGoods',
  'CanViewSourcePackages',
  'EnableSublocations',
  'EnableExternalIdentifier',
  // testing
  'CanTestPackages',
  'TestsRequireLabSample',
  // transfers (the trip flags exist in OM 2024 only)
  'CanTransferFromExternalFacilities',
  'CanTakePlantBatchesOnTrip',
  'CanTakePlantsOnTrip',
  'CanTakeHarvestsOnTrip',
  'CanTakePackagesOnTrip',
  'CanSellFromPackagesOnTrip',
  // sales
  'CanSellToConsumers',
  'CanSellToPatients',
  'CanSellToExternalPatients',
  'CanSellToCaregivers',
  'RetailSalesToNonResidentConsumer',
  'AdvancedSales',
  'SalesRequirePatientNumber',
  'SalesRequireExternalPatientNumber',
  'SalesRequireExternalPatientIdentificationMethod',
  'SalesRequireCaregiverNumber',
  'SalesRequireCaregiverPatientNumber',
  // sales delivery
  'CanDeliverSalesToConsumers',
  'DeliverySalesToNonResidentConsumer',
  'SalesDeliveryAllowPlannedRoute',
  'SalesDeliveryAllowAddress',
  'SalesDeliveryAllowCity',
  'SalesDeliveryAllowState',
  'SalesDeliveryAllowCounty',
  'SalesDeliveryAllowZip',
  'SalesDeliveryRequireZone',
  'SalesDeliveryRequireDeliveryZoneSalesTaxAndPrice',
  'SalesDeliveryRequireConsumerId',
  'CanDeliverSalesToPatients',
  'SalesDeliveryRequirePatientNumber',
  'SalesDeliveryRequireRecipientName',
  'IsSalesDeliveryHub',
  // retailer delivery
  'RetailerDelivery',
  'RetailerDeliveryAllowTradeSamples',
  'RetailerDeliveryAllowDonations',
  'RetailerDeliveryRequirePrice',
  'RetailerDeliveryAllowPartialPackages',
  // patients
  'CanHaveMemberPatients',
  'CanReportPatientCheckIns',
  'CanSpecifyPatientSalesLimitExemption',
  'CanReportPatientsAdverseResponses',
  // misc
  'CanReportOperationalExceptions',
  'CanReportAdulteration',
  'CanDownloadProductLabel',
  'CanGenerateProductLabel',
  'CanPrintProductLabel',
  'CanReceiveAssociateProductLabel',
  'CanUseComplianceLabel',
  'TaxExemptReportingFeesFacilityType',
  'TaxExemptTagOrdersFacilityType',
  'CanAccessCatalog',
  'CanManageItemBrands',
] as const;

export type FacilityTypeFlag = (typeof FACILITY_TYPE_FLAGS)[number];

export const FACILITY_TYPE_NUMBERS = [
  'RestrictHarvestPlantRestoreTimeHours',
  'TotalMemberPatientsAllowed',
  'RestrictWholesalePriceEditDays',
  'RestrictPlantBatchAdjustmentTimeHours',
] as const;

export type FacilityType = Record<FacilityTypeFlag, boolean> &
  Record<(typeof FACILITY_TYPE_NUMBERS)[number], number | null>;

const PACKAGE_HANDLING: FacilityTypeFlag[] = [
  'CanCreateDerivedPackages',
  'CanAssignLocationsToPackages',
  'CanUpdateLocationsOnPackages',
  'CanSubmitPackagesForTesting',
  'CanCreateTradeSamplePackages',
  'CanRequestProductRemediation',
  'CanDestroyProduct',
  'CanViewSourcePackages',
  'CanDownloadProductLabel',
  'CanReportOperationalExceptions',
];

const GROWING: FacilityTypeFlag[] = [
  'CanGrowPlants',
  'CanCreateOpeningBalancePlantBatches',
  'CanClonePlantBatches',
  'CanTagPlantBatches',
  'CanAssignLocationsToPlantBatches',
  'CanUpdatePlantStrains',
  'CanTrackVegetativePlants',
  'CanCreateImmaturePlantPackagesFromPlants',
  'CanPackageVegetativePlants',
  'CanPackageWaste',
  'CanReportHarvestSchedules',
  'CanSubmitHarvestsForTesting',
  'CanReportStrainProperties',
  'CanRemediatePackagesWithFailedLabResults',
  'EnableSublocations',
];

const MANUFACTURING: FacilityTypeFlag[] = [
  'CanInfuseProducts',
  'CanCreateProcessValidationPackages',
  'CanRemediatePackagesWithFailedLabResults',
  'CanCreatePartialPackages',
  'CanTrackFinishedGoods',
  'CanRecordProcessingJobs',
];

const DISTRIBUTING: FacilityTypeFlag[] = [
  'CanTakePackagesOnTrip',
  'CanTransferFromExternalFacilities',
  'CanRequirePackageSampleLabTestBatches',
];

const TRANSPORTING: FacilityTypeFlag[] = [
  'CanTakePlantBatchesOnTrip',
  'CanTakePlantsOnTrip',
  'CanTakeHarvestsOnTrip',
  'CanTakePackagesOnTrip',
];

const TESTING: FacilityTypeFlag[] = [
  'CanTestPackages',
  'TestsRequireLabSample',
  'CanTransferFromExternalFacilities',
  'CanAssignLocationsToPackages',
  'CanUpdateLocationsOnPackages',
];

const RETAILING: FacilityTypeFlag[] = [
  'CanSellToConsumers',
  'CanDonatePackages',
  'CanReturnPackageQuantity',
  'CanDeliverSalesToConsumers',
  'SalesDeliveryAllowAddress',
  'SalesDeliveryAllowCity',
  'SalesDeliveryAllowState',
  'SalesDeliveryAllowZip',
  'SalesDeliveryAllowPlannedRoute',
  'SalesDeliveryRequireRecipientName',
  'RetailerDelivery',
  'RetailerDeliveryRequirePrice',
];

const MEDICAL_RETAILING: FacilityTypeFlag[] = [
  'CanSellToPatients',
  'CanSellToCaregivers',
  'SalesRequirePatientNumber',
  'SalesRequireCaregiverNumber',
  'SalesRequireCaregiverPatientNumber',
  'CanDeliverSalesToPatients',
  'SalesDeliveryRequirePatientNumber',
  'CanHaveMemberPatients',
  'CanSpecifyPatientSalesLimitExemption',
  'CanReportPatientsAdverseResponses',
];

const FLAGS_BY_KIND: Record<LicenseKind, FacilityTypeFlag[]> = {
  // F8: a cultivation license cannot create opening-balance packages and cannot sell.
  cultivator: [...GROWING, ...PACKAGE_HANDLING],
  manufacturer: [...PACKAGE_HANDLING, ...MANUFACTURING],
  distributor: [...PACKAGE_HANDLING, ...DISTRIBUTING],
  // A pure transporter handles no packages of its own: no locations, no tags, no derived packages.
  transporter: TRANSPORTING,
  testingLab: TESTING,
  retailer: [...PACKAGE_HANDLING, ...RETAILING],
  microbusiness: [...GROWING, ...PACKAGE_HANDLING, ...MANUFACTURING, ...DISTRIBUTING, ...RETAILING],
};

/** The full flag set for a license type in a program (adult-use or medical). */
export function facilityTypeFor(kind: LicenseKind, program: Program): FacilityType {
  const flags = Object.fromEntries(FACILITY_TYPE_FLAGS.map((flag) => [flag, false])) as Record<
    FacilityTypeFlag,
    boolean
  >;
  for (const flag of FLAGS_BY_KIND[kind]) flags[flag] = true;
  if (program === 'medical') {
    flags.IsMedical = true;
    if (flags.CanSellToConsumers) {
      // A medical store sells to patients and caregivers, not to adult-use consumers.
      flags.CanSellToConsumers = false;
      flags.CanDeliverSalesToConsumers = false;
      for (const flag of MEDICAL_RETAILING) flags[flag] = true;
    }
  } else {
    flags.IsRetail = true;
  }
  return {
    ...flags,
    RestrictHarvestPlantRestoreTimeHours: flags.CanGrowPlants ? 24 : null,
    TotalMemberPatientsAllowed: flags.CanHaveMemberPatients ? 0 : null,
    RestrictWholesalePriceEditDays: null,
    RestrictPlantBatchAdjustmentTimeHours: flags.CanGrowPlants ? 24 : null,
  };
}

/**
 * Which sections a license type has, as the emulator decides it from FacilityType flags (a
 * call into a section the type lacks answers 401, as Metrc does). Clients must make the same
 * prediction from the flags alone; see docs/emulator.md.
 */
export const SECTION_GATES = {
  growing: (ft: FacilityType) => ft.CanGrowPlants,
  sales: (ft: FacilityType) =>
    ft.CanSellToConsumers ||
    ft.CanSellToPatients ||
    ft.CanSellToCaregivers ||
    ft.CanSellToExternalPatients,
  salesDelivery: (ft: FacilityType) =>
    ft.CanDeliverSalesToConsumers || ft.CanDeliverSalesToPatients,
  // Transporters hold no inventory: no locations and no package tags (F8 sandbox probes).
  inventoryPlaces: (ft: FacilityType) => ft.CanAssignLocationsToPackages,
  derivedPackages: (ft: FacilityType) => ft.CanCreateDerivedPackages,
  patients: (ft: FacilityType) => ft.CanSellToPatients || ft.CanHaveMemberPatients,
  processingJobs: (ft: FacilityType) => ft.CanRecordProcessingJobs,
  // Recording lab results: labs only ("record on non-lab 401", F8).
  labTesting: (ft: FacilityType) => ft.CanTestPackages,
} as const;

export type SectionGate = keyof typeof SECTION_GATES;
