/**
 * What Metrc returns, as tolerant zod schemas: identity fields are required, everything else is
 * optional and nullable, and unknown fields pass through untouched (Metrc adds fields per state
 * and per release; a client that breaks on them breaks in production). Field names follow
 * metrc-api.md §6 and the OpenMetrc v2 spec.
 */
import { z } from 'zod';

const text = z.string().nullish();
const num = z.number().nullish();
const flag = z.boolean().nullish();
/** Some numbers arrive as strings in some states (NY `ReceiptNumber`). */
const textOrNumber = z.union([z.string(), z.number()]).nullish();

const licenseInfo = z.looseObject({
  Number: z.string(),
  EmployeeLicenseNumber: text,
  StartDate: text,
  EndDate: text,
  LicenseType: text,
});

/** FacilityType: ~100 capability flags (booleans) and a few numbers. */
export const facilityTypeSchema = z.record(
  z.string(),
  z.union([z.boolean(), z.number(), z.string(), z.null()]),
);

export const facilitySchema = z.looseObject({
  FacilityId: num,
  Name: text,
  Alias: text,
  DisplayName: text,
  HireDate: text,
  IsOwner: flag,
  IsManager: flag,
  IsFinancialContact: flag,
  CredentialedDate: text,
  FacilityType: facilityTypeSchema.nullish(),
  License: licenseInfo,
});
export type MetrcFacility = z.infer<typeof facilitySchema>;

export const employeeSchema = z.looseObject({
  FullName: text,
  License: licenseInfo.nullish(),
  IsIndustryAdmin: flag,
  IsOwner: flag,
  IsManager: flag,
});
export type MetrcEmployee = z.infer<typeof employeeSchema>;

export const unitOfMeasureSchema = z.looseObject({
  QuantityType: text,
  Name: z.string(),
  Abbreviation: text,
});
export type MetrcUnitOfMeasure = z.infer<typeof unitOfMeasureSchema>;

export const itemSchema = z.looseObject({
  Id: z.number(),
  Name: z.string(),
  ProductCategoryName: text,
  ProductCategoryType: text,
  QuantityType: textOrNumber,
  DefaultLabTestingState: text,
  UnitOfMeasureName: text,
  ApprovalStatus: text,
  StrainId: num,
  StrainName: text,
  UnitWeight: num,
  UnitWeightUnitOfMeasureName: text,
  UnitThcContent: num,
  UnitThcContentUnitOfMeasureName: text,
  IsUsed: flag,
});
export type MetrcItem = z.infer<typeof itemSchema>;

export const itemCategorySchema = z.looseObject({
  Name: z.string(),
  ProductCategoryType: text,
  QuantityType: textOrNumber,
  RequiresStrain: flag,
  RequiresUnitThcContent: flag,
  RequiresUnitWeight: flag,
  RequiresUnitVolume: flag,
});
export type MetrcItemCategory = z.infer<typeof itemCategorySchema>;

export const strainSchema = z.looseObject({
  Id: z.number(),
  Name: z.string(),
  TestingStatus: text,
  ThcLevel: num,
  CbdLevel: num,
  IndicaPercentage: num,
  SativaPercentage: num,
  IsUsed: flag,
  Genetics: text,
});
export type MetrcStrain = z.infer<typeof strainSchema>;

export const locationSchema = z.looseObject({
  Id: z.number(),
  Name: z.string(),
  LocationTypeId: num,
  LocationTypeName: text,
  ForPlantBatches: flag,
  ForPlants: flag,
  ForHarvests: flag,
  ForPackages: flag,
});
export type MetrcLocation = z.infer<typeof locationSchema>;

export const locationTypeSchema = z.looseObject({
  Id: num,
  Name: z.string(),
  ForPlantBatches: flag,
  ForPlants: flag,
  ForHarvests: flag,
  ForPackages: flag,
});
export type MetrcLocationType = z.infer<typeof locationTypeSchema>;

export const tagSchema = z.looseObject({
  Id: num,
  Label: z.string(),
  TagTypeName: text,
  TagInventoryTypeName: text,
});
export type MetrcTag = z.infer<typeof tagSchema>;

export const packageSchema = z.looseObject({
  Id: z.number(),
  Label: z.string(),
  PackageType: text,
  LocationId: num,
  LocationName: text,
  Quantity: num,
  UnitOfMeasureName: text,
  PackagedDate: text,
  LabTestingState: text,
  IsOnHold: flag,
  IsFinished: flag,
  FinishedDate: text,
  ArchivedDate: text,
  SourcePackageLabels: text,
  SourceHarvestNames: text,
  LastModified: text,
  Item: z.looseObject({ Id: num, Name: text, ProductCategoryName: text }).nullish(),
});
export type MetrcPackage = z.infer<typeof packageSchema>;

export const adjustReasonSchema = z.looseObject({
  Name: z.string(),
  RequiresNote: flag,
  RequiresWasteWeight: flag,
});
export type MetrcAdjustReason = z.infer<typeof adjustReasonSchema>;

/** Waste reasons of plants and plant batches: the same shape as adjustment reasons. */
export const wasteReasonSchema = adjustReasonSchema;
export type MetrcWasteReason = MetrcAdjustReason;

export const wasteMethodSchema = z.looseObject({
  Name: z.string(),
  ForPlants: flag,
  ForProductDestruction: flag,
});
export type MetrcWasteMethod = z.infer<typeof wasteMethodSchema>;

export const plantSchema = z.looseObject({
  Id: z.number(),
  Label: z.string(),
  State: text,
  GrowthPhase: text,
  PlantBatchId: num,
  PlantBatchName: text,
  StrainName: text,
  LocationName: text,
  PlantedDate: text,
  HarvestedDate: text,
  DestroyedDate: text,
  LastModified: text,
});
export type MetrcPlant = z.infer<typeof plantSchema>;

export const plantBatchSchema = z.looseObject({
  Id: z.number(),
  Name: z.string(),
  PlantBatchTypeName: text,
  StrainName: text,
  LocationName: text,
  UntrackedCount: num,
  TrackedCount: num,
  PlantedDate: text,
  LastModified: text,
});
export type MetrcPlantBatch = z.infer<typeof plantBatchSchema>;

export const harvestSchema = z.looseObject({
  Id: z.number(),
  Name: z.string(),
  HarvestType: text,
  DryingLocationName: text,
  CurrentWeight: num,
  TotalWetWeight: num,
  PlantCount: num,
  UnitOfWeightName: text,
  HarvestStartDate: text,
  FinishedDate: text,
  ArchivedDate: text,
  LastModified: text,
});
export type MetrcHarvest = z.infer<typeof harvestSchema>;

export const saleTransactionSchema = z.looseObject({
  PackageId: num,
  PackageLabel: text,
  ProductName: text,
  QuantitySold: num,
  UnitOfMeasureName: text,
  TotalPrice: num,
  ArchivedDate: text,
  LastModified: text,
});
export type MetrcSaleTransaction = z.infer<typeof saleTransactionSchema>;

export const receiptSchema = z.looseObject({
  Id: z.number(),
  ReceiptNumber: textOrNumber,
  ExternalReceiptNumber: text,
  SalesDateTime: text,
  SalesCustomerType: text,
  PatientLicenseNumber: text,
  CaregiverLicenseNumber: text,
  TotalPackages: num,
  TotalPrice: num,
  Transactions: z.array(saleTransactionSchema).nullish(),
  IsFinal: flag,
  ArchivedDate: text,
  RecordedDateTime: text,
  RecordedByUserName: text,
  LastModified: text,
});
export type MetrcReceipt = z.infer<typeof receiptSchema>;

export const transferSchema = z.looseObject({
  Id: z.number(),
  ManifestNumber: textOrNumber,
  ShipperFacilityLicenseNumber: text,
  ShipperFacilityName: text,
  RecipientFacilityLicenseNumber: text,
  TransporterFacilityLicenseNumber: text,
  DeliveryId: num,
  PackageCount: num,
  ShipmentTypeName: text,
  CreatedDateTime: text,
  ReceivedDateTime: text,
  LastModified: text,
});
export type MetrcTransfer = z.infer<typeof transferSchema>;

export const transferDeliverySchema = z.looseObject({
  Id: z.number(),
  RecipientFacilityLicenseNumber: text,
  RecipientFacilityName: text,
  ShipmentTypeName: text,
  EstimatedDepartureDateTime: text,
  EstimatedArrivalDateTime: text,
  ReceivedDateTime: text,
  DeliveryPackageCount: num,
});
export type MetrcTransferDelivery = z.infer<typeof transferDeliverySchema>;

export const deliveryPackageSchema = z.looseObject({
  PackageId: num,
  PackageLabel: z.string(),
  ItemName: text,
  ShippedQuantity: num,
  ReceivedQuantity: num,
  ShipmentPackageState: text,
});
export type MetrcDeliveryPackage = z.infer<typeof deliveryPackageSchema>;

export const transferTemplateSchema = z.looseObject({ Id: num, Name: text, LastModified: text });
export type MetrcTransferTemplate = z.infer<typeof transferTemplateSchema>;

export const transferTypeSchema = z.looseObject({
  Name: z.string(),
  TransactionType: text,
  ForLicensedShipments: flag,
});
export type MetrcTransferType = z.infer<typeof transferTypeSchema>;

export const labTestResultSchema = z.looseObject({
  PackageId: num,
  LabTestResultId: num,
  LabFacilityLicenseNumber: text,
  SourcePackageLabel: text,
  TestPerformedDate: text,
  OverallPassed: flag,
  TestTypeName: text,
  TestPassed: flag,
  TestResultLevel: num,
});
export type MetrcLabTestResult = z.infer<typeof labTestResultSchema>;

export const labTestTypeSchema = z.looseObject({
  Id: num,
  Name: z.string(),
  RequiresTestResult: flag,
  InformationalOnly: flag,
  AlwaysPasses: flag,
});
export type MetrcLabTestType = z.infer<typeof labTestTypeSchema>;

export const patientSchema = z.looseObject({
  PatientId: z.number(),
  LicenseNumber: text,
  RegistrationDate: text,
  LicenseEffectiveStartDate: text,
  LicenseEffectiveEndDate: text,
  RecommendedPlants: num,
  RecommendedSmokableQuantity: num,
});
export type MetrcPatient = z.infer<typeof patientSchema>;

/** Sections whose records the client only passes on (drivers, vehicles, processing jobs…). */
export const looseRecordSchema = z.looseObject({ Id: num });
export type MetrcRecord = z.infer<typeof looseRecordSchema>;

/** Lookups answered as a list of names (`["Consumer", …]`) or of `{Name}` objects. */
export const nameSchema = z.union([
  z.string(),
  z.looseObject({ Name: z.string() }).transform((value) => value.Name),
]);
