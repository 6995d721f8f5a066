/**
 * Metrc's lookup vocabularies. The lists here are the union over states (so a record of any
 * state renders); which entries a state offers is `state-lookups.ts`. Values follow the
 * examples in metrc-api.md §6; real lists differ per state and facility.
 */
import type { QuantityType } from './units-of-measure.ts';

export interface ItemCategory {
  name: string;
  productCategoryType: string;
  quantityType: QuantityType;
  requiresStrain: boolean;
  requiresUnitThcContent: boolean;
  requiresUnitWeight: boolean;
  requiresUnitVolume: boolean;
}

const category = (
  name: string,
  productCategoryType: string,
  quantityType: QuantityType,
  requires: Partial<
    Pick<
      ItemCategory,
      'requiresStrain' | 'requiresUnitThcContent' | 'requiresUnitWeight' | 'requiresUnitVolume'
    >
  > = {},
): ItemCategory => ({
  name,
  productCategoryType,
  quantityType,
  requiresStrain: false,
  requiresUnitThcContent: false,
  requiresUnitWeight: false,
  requiresUnitVolume: false,
  ...requires,
});

export const ITEM_CATEGORIES: readonly ItemCategory[] = [
  category('Buds', 'Buds', 'WeightBased', { requiresStrain: true }),
  category('Shake/Trim', 'ShakeTrim', 'WeightBased', { requiresStrain: true }),
  category('Flower (packaged - each)', 'Buds', 'CountBased', {
    requiresStrain: true,
    requiresUnitWeight: true,
  }),
  category('Pre-Roll Flower', 'Buds', 'CountBased', {
    requiresStrain: true,
    requiresUnitWeight: true,
  }),
  category('Concentrate', 'Concentrate', 'WeightBased', { requiresStrain: true }),
  category('Vape Cartridge', 'Concentrate', 'CountBased', { requiresUnitWeight: true }),
  category('Edible', 'InfusedEdible', 'CountBased', {
    requiresUnitThcContent: true,
    requiresUnitWeight: true,
  }),
  category('Tincture', 'InfusedNonEdible', 'CountBased', {
    requiresUnitThcContent: true,
    requiresUnitVolume: true,
  }),
  category('Topical', 'InfusedNonEdible', 'CountBased', { requiresUnitThcContent: true }),
  category('Immature Plants', 'Plants', 'CountBased', { requiresStrain: true }),
  category('Seeds', 'Plants', 'CountBased', { requiresStrain: true }),
  // Colorado's names (state-lookups.ts).
  category('Infused Non-Edible', 'InfusedNonEdible', 'CountBased', {
    requiresUnitThcContent: true,
  }),
  category('Shake/Trim (Allocated for Extraction)', 'ShakeTrim', 'WeightBased', {
    requiresStrain: true,
  }),
];

const categoriesByName = new Map(ITEM_CATEGORIES.map((c) => [c.name.toLowerCase(), c]));

/** An item category by name, case-insensitively. */
export function findItemCategory(name: string | undefined): ItemCategory | undefined {
  return name === undefined ? undefined : categoriesByName.get(name.trim().toLowerCase());
}

/**
 * Categories whose products carry expiration, sell-by and use-by dates (perishables and
 * cartridges); their seeded packages have the dates, a few of them within days.
 */
export const DATED_CATEGORIES: ReadonlySet<string> = new Set([
  'Edible',
  'Vape Cartridge',
  'Concentrate',
  'Tincture',
]);

export interface LocationType {
  id: number;
  name: string;
  forPlantBatches: boolean;
  forPlants: boolean;
  forHarvests: boolean;
  forPackages: boolean;
}

export const LOCATION_TYPES: readonly LocationType[] = [
  {
    id: 1,
    name: 'Default',
    forPlantBatches: true,
    forPlants: true,
    forHarvests: true,
    forPackages: true,
  },
  {
    id: 2,
    name: 'Planting',
    forPlantBatches: true,
    forPlants: true,
    forHarvests: false,
    forPackages: false,
  },
  {
    id: 3,
    name: 'Drying',
    forPlantBatches: false,
    forPlants: false,
    forHarvests: true,
    forPackages: false,
  },
  {
    id: 4,
    name: 'Packing',
    forPlantBatches: false,
    forPlants: false,
    forHarvests: false,
    forPackages: true,
  },
  {
    id: 5,
    name: 'Waste Storage',
    forPlantBatches: false,
    forPlants: false,
    forHarvests: true,
    forPackages: true,
  },
];

export interface AdjustReason {
  name: string;
  requiresNote: boolean;
}

export const ADJUST_REASONS: readonly AdjustReason[] = [
  { name: 'API Related Error', requiresNote: true },
  { name: 'Drying', requiresNote: false },
  { name: 'Entry Error', requiresNote: true },
  { name: 'Mandatory State Destruction', requiresNote: true },
  { name: 'Scale Variance', requiresNote: false },
  { name: 'Theft', requiresNote: true },
  { name: 'Waste', requiresNote: false },
  // Colorado's (state-lookups.ts).
  { name: 'Incorrect Quantity', requiresNote: true },
  { name: 'Spoilage', requiresNote: false },
];

export const CUSTOMER_TYPES = [
  'Consumer',
  'Patient',
  'Caregiver',
  'ExternalPatient',
  'NonResidentConsumer',
] as const;

export const PACKAGE_TYPES = [
  'Product',
  'ImmaturePlant',
  'VegetativePlant',
  'PlantWaste',
  'HarvestWaste',
  'MotherPlant',
] as const;

export const LAB_TESTING_STATES = [
  'NotSubmitted',
  'SubmittedForTesting',
  'TestFailed',
  'TestPassed',
  'TestingInProgress',
  'AwaitingConfirmation',
  'RetestFailed',
  'RetestPassed',
  'Remediated',
  'SelectedForRandomTesting',
  'NotRequired',
  'ProcessValidated',
  'Decontaminated',
  'RandDCompleted',
] as const;

export const GROWTH_PHASES = ['Vegetative', 'Flowering'] as const;

export const PLANT_BATCH_TYPES = ['Seed', 'Clone'] as const;

export const LAB_TEST_TYPES = [
  { Id: 1, Name: 'THC', RequiresTestResult: true, InformationalOnly: false, AlwaysPasses: false },
  { Id: 2, Name: 'CBD', RequiresTestResult: true, InformationalOnly: true, AlwaysPasses: false },
  {
    Id: 3,
    Name: 'Microbiologicals',
    RequiresTestResult: true,
    InformationalOnly: false,
    AlwaysPasses: false,
  },
  {
    Id: 4,
    Name: 'Pesticides',
    RequiresTestResult: true,
    InformationalOnly: false,
    AlwaysPasses: false,
  },
  {
    Id: 5,
    Name: 'Heavy Metals',
    RequiresTestResult: true,
    InformationalOnly: false,
    AlwaysPasses: false,
  },
  {
    Id: 6,
    Name: 'Moisture Content',
    RequiresTestResult: false,
    InformationalOnly: true,
    AlwaysPasses: true,
  },
].map((type) => ({
  ...type,
  LabTestResultMode: 'Default',
  LabTestResultMinimum: null,
  LabTestResultMaximum: null,
  LabTestResultExpirationDays: null,
  DependencyMode: 'Default',
  MaxAllowedFailureCount: null,
}));

export const TRANSFER_TYPES = [
  { Name: 'Transfer', TransactionType: 'Standard', ForLicensedShipments: true },
  { Name: 'Wholesale', TransactionType: 'Wholesale', ForLicensedShipments: true },
  { Name: 'Lab Sample', TransactionType: 'Standard', ForLicensedShipments: true },
].map((type) => ({
  ...type,
  ForExternalIncomingShipments: false,
  ForExternalOutgoingShipments: false,
  RequiresDestinationGrossWeight: false,
  RequiresPackagesGrossWeight: false,
}));

/** `GET /transfers/v2/deliveries/packages/states` (CL's transfer statuses). */
export const SHIPMENT_PACKAGE_STATES = ['Shipped', 'Rejected', 'Accepted', 'Returned'] as const;

export const HARVEST_WASTE_TYPES = ['Plant Material', 'Fibrous', 'Root Ball'] as const;

/** Why plants or plant batches are destroyed (`/plants/v2/waste/reasons`). */
export const WASTE_REASONS: readonly AdjustReason[] = [
  { name: 'Contamination', requiresNote: false },
  { name: 'Male Plants', requiresNote: false },
  { name: 'Mandatory State Destruction', requiresNote: true },
  { name: 'Pests', requiresNote: false },
  { name: 'Unhealthy or Dead', requiresNote: false },
  // Colorado's (state-lookups.ts).
  { name: 'Damage', requiresNote: true },
  { name: 'Mold', requiresNote: false },
];

/** How waste is made unusable (`/plants/v2/waste/methods/all`). */
export const WASTE_METHODS = ['Compost', 'Grinder', 'Incinerator', 'Mixed with Soil'] as const;
