/** The records of the emulator's state. Internal shapes; `wire-*.ts` renders Metrc's JSON. */

import type { FacilityType, LicenseKind, Program } from './facility-types.ts';
import type { Permission } from './metrc-permissions.ts';
import type { MetrcState } from './metrc-states.ts';
import type { RecordCollection, Tracked } from './record-collection.ts';
import type { TransferTemplateRecord } from './records-transfers.ts';

export type {
  DeliveryPackageRecord,
  DeliveryRecord,
  LabResultRecord,
  LabTestDetailRecord,
  TemplateDeliveryRecord,
  TemplateTransporterRecord,
  TransferRecord,
  TransferTemplateRecord,
} from './records-transfers.ts';

export interface VendorKeyRecord {
  id: string;
  state: MetrcState;
  key: string;
  active: boolean;
}

export interface UserRecord {
  id: string;
  state: MetrcState;
  name: string;
  email: string | null;
  employeeLicenseNumber: string;
  key: string;
  keyExpired: boolean;
  deactivated: boolean;
  /** Keys replaced by "Generate": they stop working at once (CX). */
  retiredKeys: string[];
}

export interface EmployeeRecord {
  userId: string;
  hireDate: string;
  isOwner: boolean;
  isManager: boolean;
  isFinancialContact: boolean;
  occupations: string[];
  permissions: Set<Permission>;
}

export interface ItemRecord extends Tracked {
  license: string;
  name: string;
  category: string;
  unitOfMeasure: string;
  strainId: number | null;
  unitWeight: number | null;
  unitWeightUnit: string | null;
  unitThcContent: number | null;
  unitThcContentUnit: string | null;
  unitVolume: number | null;
  unitVolumeUnit: string | null;
  archived: boolean;
  /** A package was ever made of it (Metrc's `IsUsed`). */
  used: boolean;
}

export interface StrainRecord extends Tracked {
  license: string;
  name: string;
  testingStatus: string;
  thcLevel: number | null;
  cbdLevel: number | null;
  indicaPercentage: number;
  sativaPercentage: number;
  archived: boolean;
  used: boolean;
}

export interface LocationRecord extends Tracked {
  license: string;
  name: string;
  typeId: number;
  archived: boolean;
}

export interface TagRecord {
  id: number;
  label: string;
  kind: 'package' | 'plant';
  used: boolean;
}

export interface PackageRecord extends Tracked {
  license: string;
  label: string;
  packageType: string;
  itemId: number;
  quantity: number;
  unit: string;
  originalQuantity: number;
  locationId: number | null;
  packagedDate: string;
  note: string | null;
  sourcePackageLabels: string[];
  sourceHarvestNames: string[];
  patientLicenseNumber: string | null;
  labTestingState: string;
  labTestingStateDate: string | null;
  isProductionBatch: boolean;
  productionBatchNumber: string | null;
  isTradeSample: boolean;
  isDonation: boolean;
  isTestingSample: boolean;
  productRequiresRemediation: boolean;
  isOnHold: boolean;
  receivedFromLicense: string | null;
  receivedFromManifestNumber: string | null;
  /** Milliseconds. */
  receivedAt: number | null;
  finishedDate: string | null;
  /** Milliseconds; set when discontinued (DELETE). */
  archivedAt: number | null;
  expirationDate: string | null;
  sellByDate: string | null;
  useByDate: string | null;
}

export interface SaleLineRecord {
  packageId: number;
  packageLabel: string;
  quantity: number;
  unit: string;
  totalAmount: number;
  /** Microseconds. */
  recordedAt: number;
  recordedBy: string;
}

export interface ReceiptRecord extends Tracked {
  license: string;
  receiptNumber: string;
  externalReceiptNumber: string | null;
  /** Facility-local, zone-less, normalised to milliseconds. */
  salesDateTime: string;
  salesCustomerType: string;
  patientLicenseNumber: string | null;
  caregiverLicenseNumber: string | null;
  identificationMethod: string | null;
  patientRegistrationLocationId: number | null;
  lines: SaleLineRecord[];
  isFinal: boolean;
  /** Microseconds; set when voided (DELETE). */
  archivedAt: number | null;
  recordedAt: number;
  recordedBy: string;
}

export interface PlantRecord extends Tracked {
  license: string;
  label: string;
  growthPhase: 'Vegetative' | 'Flowering';
  plantBatchId: number;
  strainId: number;
  locationId: number | null;
  patientLicenseNumber: string | null;
  plantedDate: string;
  vegetativeDate: string | null;
  floweringDate: string | null;
  isOnHold: boolean;
  /** Harvests this plant went into (manicures add one each; a whole-plant harvest the last). */
  harvestIds: number[];
  harvestedDate: string | null;
  /** Whole-plant harvest weight, in `harvestedUnit`. */
  harvestedWetWeight: number | null;
  harvestedUnit: string | null;
  destroyedDate: string | null;
  destroyedNote: string | null;
  destroyedBy: string | null;
}

export interface PlantBatchRecord extends Tracked {
  license: string;
  name: string;
  type: 'Seed' | 'Clone';
  strainId: number;
  locationId: number | null;
  patientLicenseNumber: string | null;
  /** Untracked plants left in the batch. */
  count: number;
  destroyedCount: number;
  plantedDate: string;
  archived: boolean;
}

export interface HarvestWasteRecord {
  id: number;
  harvestId: number;
  wasteType: string;
  weight: number;
  unit: string;
  actualDate: string;
}

export interface HarvestRecord extends Tracked {
  license: string;
  name: string;
  harvestType: 'Product' | 'WholePlant';
  dryingLocationId: number | null;
  strainNames: string[];
  plantCount: number;
  wetWeight: number;
  /** What is left to package or waste, in `unitOfWeight`. */
  currentWeight: number;
  wasteWeight: number;
  packagedWeight: number;
  packageCount: number;
  unitOfWeight: string;
  startDate: string;
  finishedDate: string | null;
  isOnHold: boolean;
  wastes: HarvestWasteRecord[];
}

/** One `POST`/`PUT /packages/v2/adjust` row as applied (`GET /packages/v2/adjustments`). */
export interface AdjustmentRecord extends Tracked {
  license: string;
  packageId: number;
  label: string;
  itemId: number;
  /** Signed, in `unit` (the row's unit). */
  quantity: number;
  unit: string;
  reason: string;
  note: string | null;
  date: string;
  by: string;
}

export interface PatientRecord extends Tracked {
  license: string;
  patientLicenseNumber: string;
  registrationDate: string;
  effectiveStart: string;
  effectiveEnd: string;
  recommendedPlants: number;
  recommendedSmokableQuantity: number;
}

export interface DriverRecord extends Tracked {
  license: string;
  name: string;
  employeeId: string;
  driversLicenseNumber: string;
}

export interface VehicleRecord extends Tracked {
  license: string;
  make: string;
  model: string;
  licensePlateNumber: string;
}

/** An item brand (`/items/v2/brands`). */
export interface BrandRecord extends Tracked {
  license: string;
  name: string;
  archived: boolean;
}

/** A processing job type (`/processing/v2/jobtypes`). */
export interface JobTypeRecord extends Tracked {
  license: string;
  name: string;
  description: string | null;
  categoryName: string;
  processingSteps: string | null;
  attributes: string[];
  archived: boolean;
}

/** A processing job: packages in, work recorded, packages out (`/processing/v2`). */
export interface ProcessingJobRecord extends Tracked {
  license: string;
  name: string;
  jobTypeId: number;
  startDate: string;
  finishedDate: string | null;
  archived: boolean;
}

/** An additive applied to plants or a plant batch (`/plants/v2/additives`). */
export interface AdditiveRecord extends Tracked {
  license: string;
  additiveType: string;
  productTradeName: string;
  epaRegistrationNumber: string | null;
  productSupplier: string | null;
  applicationDevice: string | null;
  amountUnit: string;
  totalAmount: number;
  plantBatchId: number | null;
  plantCount: number;
  actualDate: string;
}

export interface LicenseRecord {
  number: string;
  state: MetrcState;
  facilityId: number;
  kind: LicenseKind;
  program: Program;
  licenseType: string;
  name: string;
  alias: string;
  startDate: string;
  endDate: string;
  credentialedDate: string;
  facilityType: FacilityType;
  /** Six characters that make this license's tags unique (`1A4` + prefix + serial). */
  tagPrefix: string;
  employees: Map<string, EmployeeRecord>;
  items: RecordCollection<ItemRecord>;
  strains: RecordCollection<StrainRecord>;
  locations: RecordCollection<LocationRecord>;
  packages: RecordCollection<PackageRecord>;
  receipts: RecordCollection<ReceiptRecord>;
  plants: RecordCollection<PlantRecord>;
  plantBatches: RecordCollection<PlantBatchRecord>;
  harvests: RecordCollection<HarvestRecord>;
  patients: RecordCollection<PatientRecord>;
  drivers: RecordCollection<DriverRecord>;
  vehicles: RecordCollection<VehicleRecord>;
  transferTemplates: RecordCollection<TransferTemplateRecord>;
  adjustments: RecordCollection<AdjustmentRecord>;
  brands: RecordCollection<BrandRecord>;
  jobTypes: RecordCollection<JobTypeRecord>;
  processingJobs: RecordCollection<ProcessingJobRecord>;
  additives: RecordCollection<AdditiveRecord>;
  packageTags: Map<string, TagRecord>;
  plantTags: Map<string, TagRecord>;
}
