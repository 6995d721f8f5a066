/**
 * What we send to Metrc, as strict zod schemas (an unknown or misspelled field is refused
 * before anything leaves). PascalCase as on the wire (metrc-api.md §6); dates are `YYYY-MM-DD`,
 * sale times facility-local without a zone.
 */
import { z } from 'zod';

/** `YYYY-MM-DD`, the only date form Metrc documents. */
export const metrcDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

/** Facility-local date and time, no zone: "not in UTC" (metrc-api.md §3.4). */
export const localDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/,
    'must be the facility-local time, YYYY-MM-DDThh:mm:ss, without a zone',
  );

const name = z.string().trim().min(1);
const optionalText = z.string().nullish();
const optionalNumber = z.number().finite().nullish();
const optionalFlag = z.boolean().nullish();
const quantity = z.number().finite();

export const createItemRow = z.strictObject({
  ItemCategory: name,
  Name: name,
  UnitOfMeasure: name,
  Strain: optionalText,
  ItemBrand: optionalText,
  AdministrationMethod: optionalText,
  UnitCbdPercent: optionalNumber,
  UnitCbdContent: optionalNumber,
  UnitCbdContentUnitOfMeasure: optionalText,
  UnitThcPercent: optionalNumber,
  UnitThcContent: optionalNumber,
  UnitThcContentUnitOfMeasure: optionalText,
  UnitVolume: optionalNumber,
  UnitVolumeUnitOfMeasure: optionalText,
  UnitWeight: optionalNumber,
  UnitWeightUnitOfMeasure: optionalText,
  ServingSize: optionalText,
  SupplyDurationDays: optionalNumber,
  NumberOfDoses: optionalNumber,
  PublicIngredients: optionalText,
  Description: optionalText,
});
export type CreateItemRow = z.input<typeof createItemRow>;

export const createStrainRow = z.strictObject({
  Name: name,
  TestingStatus: optionalText,
  ThcLevel: optionalNumber,
  CbdLevel: optionalNumber,
  IndicaPercentage: optionalNumber,
  SativaPercentage: optionalNumber,
});
export type CreateStrainRow = z.input<typeof createStrainRow>;

export const createLocationRow = z.strictObject({ Name: name, LocationTypeName: name });
export type CreateLocationRow = z.input<typeof createLocationRow>;

const ingredient = z.strictObject({ Package: name, Quantity: quantity, UnitOfMeasure: name });

/** `POST /packages/v2`: a new package from ingredients (merge, split, repackage). */
export const createPackageRow = z.strictObject({
  Tag: name,
  Location: optionalText,
  Sublocation: optionalText,
  Item: optionalText,
  Quantity: quantity,
  UnitOfMeasure: name,
  PatientLicenseNumber: optionalText,
  Note: optionalText,
  IsProductionBatch: optionalFlag,
  ProductionBatchNumber: optionalText,
  IsDonation: optionalFlag,
  IsTradeSample: optionalFlag,
  IsFinishedGood: optionalFlag,
  ProductRequiresRemediation: optionalFlag,
  UseSameItem: optionalFlag,
  ActualDate: metrcDate,
  ExpirationDate: metrcDate.nullish(),
  SellByDate: metrcDate.nullish(),
  UseByDate: metrcDate.nullish(),
  Ingredients: z.array(ingredient).min(1),
});
export type CreatePackageRow = z.input<typeof createPackageRow>;

/** `POST /packages/v2/adjust` (by a delta) and `PUT` (to a final quantity). */
export const adjustPackageRow = z.strictObject({
  Label: name,
  Quantity: quantity,
  UnitOfMeasure: name,
  AdjustmentReason: name,
  AdjustmentDate: metrcDate,
  ReasonNote: optionalText,
});
export type AdjustPackageRow = z.input<typeof adjustPackageRow>;

export const movePackageRow = z.strictObject({
  Label: name,
  Location: name,
  Sublocation: optionalText,
  MoveDate: metrcDate,
});
export type MovePackageRow = z.input<typeof movePackageRow>;

export const finishPackageRow = z.strictObject({ Label: name, ActualDate: metrcDate });
export type FinishPackageRow = z.input<typeof finishPackageRow>;

export const unfinishPackageRow = z.strictObject({ Label: name });
export type UnfinishPackageRow = z.input<typeof unfinishPackageRow>;

const saleLine = z.strictObject({
  PackageLabel: name,
  Quantity: quantity,
  UnitOfMeasure: name,
  TotalAmount: quantity,
  UnitThcPercent: optionalNumber,
  UnitThcContent: optionalNumber,
  UnitThcContentUnitOfMeasure: optionalText,
  UnitWeight: optionalNumber,
  UnitWeightUnitOfMeasure: optionalText,
  InvoiceNumber: optionalText,
  Price: optionalNumber,
  ExciseTax: optionalNumber,
  CityTax: optionalNumber,
  CountyTax: optionalNumber,
  MunicipalTax: optionalNumber,
  DiscountAmount: optionalNumber,
  SubTotal: optionalNumber,
  SalesTax: optionalNumber,
  QrCodes: optionalText,
});

const receiptFields = {
  SalesDateTime: localDateTime,
  SalesCustomerType: name,
  ExternalReceiptNumber: optionalText,
  PatientLicenseNumber: optionalText,
  CaregiverLicenseNumber: optionalText,
  IdentificationMethod: optionalText,
  PatientRegistrationLocationId: optionalNumber,
  Transactions: z.array(saleLine).min(1),
};

/** `POST /sales/v2/receipts`. Always send a unique ExternalReceiptNumber: it is how a lost answer is reconciled. */
export const createReceiptRow = z.strictObject(receiptFields);
export type CreateReceiptRow = z.input<typeof createReceiptRow>;

/** `PUT /sales/v2/receipts`: the same with Metrc's `Id`. */
export const updateReceiptRow = z.strictObject({
  Id: z.number().int().positive(),
  ...receiptFields,
});
export type UpdateReceiptRow = z.input<typeof updateReceiptRow>;

export const receiptIdRow = z.strictObject({ Id: z.number().int().positive() });
export type ReceiptIdRow = z.input<typeof receiptIdRow>;

/** A plant by Metrc id or by tag label, one of the two. */
const plantRef = {
  Id: z.number().int().positive().nullish(),
  Label: optionalText,
};
const onePlant = (row: { Id?: number | null; Label?: string | null }) =>
  (row.Id != null) !== (row.Label != null && row.Label !== '');

export const movePlantRow = z
  .strictObject({ ...plantRef, Location: name, Sublocation: optionalText, ActualDate: metrcDate })
  .refine(onePlant, 'give Id or Label');
export type MovePlantRow = z.input<typeof movePlantRow>;

export const changeGrowthPhaseRow = z
  .strictObject({
    ...plantRef,
    NewTag: optionalText,
    GrowthPhase: name,
    NewLocation: optionalText,
    NewSublocation: optionalText,
    GrowthDate: metrcDate,
  })
  .refine(onePlant, 'give Id or Label');
export type ChangeGrowthPhaseRow = z.input<typeof changeGrowthPhaseRow>;

const harvestFields = {
  Plant: name,
  Weight: quantity,
  UnitOfWeight: name,
  DryingLocation: name,
  DryingSublocation: optionalText,
  HarvestName: optionalText,
  PatientLicenseNumber: optionalText,
  ActualDate: metrcDate,
};

export const harvestPlantRow = z.strictObject(harvestFields);
export type HarvestPlantRow = z.input<typeof harvestPlantRow>;

export const manicurePlantRow = z.strictObject({ ...harvestFields, PlantCount: optionalNumber });
export type ManicurePlantRow = z.input<typeof manicurePlantRow>;

/** `DELETE /plants/v2` with a JSON body. */
export const destroyPlantRow = z
  .strictObject({
    ...plantRef,
    WasteMethodName: name,
    WasteMaterialMixed: optionalText,
    WasteWeight: quantity,
    WasteUnitOfMeasureName: name,
    WasteReasonName: name,
    Count: optionalNumber,
    ReasonNote: optionalText,
    ActualDate: metrcDate,
  })
  .refine(onePlant, 'give Id or Label');
export type DestroyPlantRow = z.input<typeof destroyPlantRow>;

export const plantingRow = z.strictObject({
  Name: name,
  Type: z.enum(['Seed', 'Clone']),
  Count: z.number().int().positive(),
  Strain: name,
  Location: name,
  Sublocation: optionalText,
  PatientLicenseNumber: optionalText,
  SourcePlantBatches: optionalText,
  ActualDate: metrcDate,
});
export type PlantingRow = z.input<typeof plantingRow>;

/** `DELETE /plantbatches/v2` with a JSON body. */
export const destroyPlantBatchRow = z.strictObject({
  PlantBatch: name,
  Count: z.number().int().positive(),
  WasteMethodName: optionalText,
  WasteMaterialMixed: optionalText,
  WasteReasonName: optionalText,
  WasteWeight: optionalNumber,
  WasteUnitOfMeasure: optionalText,
  ReasonNote: optionalText,
  ActualDate: metrcDate,
});
export type DestroyPlantBatchRow = z.input<typeof destroyPlantBatchRow>;

const harvestIngredient = z
  .strictObject({
    HarvestId: z.number().int().positive().nullish(),
    HarvestName: optionalText,
    Weight: quantity,
    UnitOfWeight: name,
  })
  .refine(
    (row) => row.HarvestId != null || (row.HarvestName ?? '') !== '',
    'give HarvestId or HarvestName',
  );

export const harvestPackageRow = z.strictObject({
  Tag: name,
  Location: optionalText,
  Sublocation: optionalText,
  Item: name,
  UnitOfWeight: name,
  PatientLicenseNumber: optionalText,
  Note: optionalText,
  IsProductionBatch: optionalFlag,
  ProductionBatchNumber: optionalText,
  IsTradeSample: optionalFlag,
  IsDonation: optionalFlag,
  ProductRequiresRemediation: optionalFlag,
  RemediateProduct: optionalFlag,
  ActualDate: metrcDate,
  Ingredients: z.array(harvestIngredient).min(1),
});
export type HarvestPackageRow = z.input<typeof harvestPackageRow>;

export const harvestWasteRow = z.strictObject({
  Id: z.number().int().positive(),
  WasteType: name,
  UnitOfWeight: name,
  WasteWeight: quantity,
  ActualDate: metrcDate,
});
export type HarvestWasteRow = z.input<typeof harvestWasteRow>;

export const finishHarvestRow = z.strictObject({
  Id: z.number().int().positive(),
  ActualDate: metrcDate,
});
export type FinishHarvestRow = z.input<typeof finishHarvestRow>;

export const unfinishHarvestRow = z.strictObject({ Id: z.number().int().positive() });
export type UnfinishHarvestRow = z.input<typeof unfinishHarvestRow>;
