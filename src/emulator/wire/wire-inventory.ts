/** Metrc's JSON for items, strains, locations, tags and packages (metrc-api.md §6.3–6.7). */
import type { EmulatorState } from '../state/emulator-state.ts';
import {
  DATED_CATEGORIES,
  ITEM_CATEGORIES,
  type ItemCategory,
  LOCATION_TYPES,
  type LocationType,
} from '../state/metrc-catalog.ts';
import type {
  AdjustmentRecord,
  ItemRecord,
  LicenseRecord,
  LocationRecord,
  PackageRecord,
  StrainRecord,
  TagRecord,
} from '../state/records.ts';
import { findUnit, type UnitOfMeasure } from '../state/units-of-measure.ts';
import { formatTimestamp } from './metrc-time.ts';

const categoryByName = new Map(ITEM_CATEGORIES.map((category) => [category.name, category]));
const locationTypeById = new Map(LOCATION_TYPES.map((type) => [type.id, type]));

export function wireUnit(unit: UnitOfMeasure) {
  return { QuantityType: unit.quantityType, Name: unit.name, Abbreviation: unit.abbreviation };
}

export function wireItemCategory(category: ItemCategory) {
  return {
    Name: category.name,
    ProductCategoryType: category.productCategoryType,
    QuantityType: category.quantityType,
    RequiresStrain: category.requiresStrain,
    RequiresItemBrand: false,
    RequiresAdministrationMethod: false,
    RequiresUnitCbdPercent: false,
    RequiresUnitCbdContent: false,
    RequiresUnitCbdContentDose: false,
    RequiresUnitThcPercent: false,
    RequiresUnitThcContent: category.requiresUnitThcContent,
    RequiresUnitThcContentDose: false,
    RequiresUnitVolume: category.requiresUnitVolume,
    RequiresUnitWeight: category.requiresUnitWeight,
    RequiresServingSize: false,
    RequiresSupplyDurationDays: false,
    RequiresNumberOfDoses: false,
    RequiresIngredients: false,
    RequiresDescription: false,
    RequiresProductPhotos: 0,
    RequiresLabelPhotos: 0,
    RequiresPackagingPhotos: 0,
    CanContainSeeds: category.name === 'Seeds',
    CanBeRemediated: category.quantityType === 'WeightBased',
    CanBeDestroyed: true,
    CanBeRevised: true,
  };
}

export function wireItem(state: EmulatorState, item: ItemRecord) {
  const category = categoryByName.get(item.category);
  const strain = item.strainId === null ? undefined : state.index.strains.get(item.strainId);
  return {
    Id: item.id,
    Name: item.name,
    ProductCategoryName: item.category,
    ProductCategoryType: category?.productCategoryType ?? null,
    QuantityType: category?.quantityType ?? null,
    DefaultLabTestingState: 'NotSubmitted',
    UnitOfMeasureName: item.unitOfMeasure,
    ApprovalStatus: 'Approved',
    ApprovalStatusDateTime: formatTimestamp(item.lastModified),
    StrainId: strain?.id ?? null,
    StrainName: strain?.name ?? null,
    ItemBrandId: null,
    ItemBrandName: null,
    AdministrationMethod: null,
    UnitCbdPercent: null,
    UnitCbdContent: null,
    UnitCbdContentUnitOfMeasureName: null,
    UnitThcPercent: null,
    UnitThcContent: item.unitThcContent,
    UnitThcContentUnitOfMeasureName: item.unitThcContentUnit,
    UnitVolume: item.unitVolume,
    UnitVolumeUnitOfMeasureName: item.unitVolumeUnit,
    UnitWeight: item.unitWeight,
    UnitWeightUnitOfMeasureName: item.unitWeightUnit,
    ServingSize: null,
    SupplyDurationDays: null,
    NumberOfDoses: null,
    UnitQuantity: null,
    UnitQuantityUnitOfMeasureName: null,
    PublicIngredients: null,
    Description: null,
    IsUsed: item.used,
    ProductImages: [],
    LabelImages: [],
    PackagingImages: [],
    LabTestBatchNames: [],
    ...itemDatesAndDoses(item),
  };
}

/** Fields of Metrc's current v2 item examples the emulator has no rules for: plausible values. */
function itemDatesAndDoses(item: ItemRecord) {
  const dated = DATED_CATEGORIES.has(item.category);
  const edible = item.category === 'Edible';
  return {
    GlobalProductName: null,
    GlobalProductNumber: null,
    HasExpirationDate: dated,
    HasSellByDate: dated,
    HasUseByDate: dated,
    // Edibles must carry an expiration date (the common state rule); other dated items may.
    IsExpirationDateRequired: edible,
    IsSellByDateRequired: false,
    IsUseByDateRequired: false,
    ProductPDFDocuments: [],
    Allergens: edible ? 'Soy' : null,
    UnitThcContentDose: null,
    UnitThcContentDoseUnitOfMeasureName: null,
    UnitCbdContentDose: null,
    UnitCbdContentDoseUnitOfMeasureName: null,
    UnitThcAPercent: null,
    UnitThcAContent: null,
    UnitThcAContentUnitOfMeasureName: null,
    UnitThcAContentDose: null,
    UnitThcAContentDoseUnitOfMeasureName: null,
    UnitCbdAPercent: null,
    UnitCbdAContent: null,
    UnitCbdAContentUnitOfMeasureName: null,
    UnitCbdAContentDose: null,
    UnitCbdAContentDoseUnitOfMeasureName: null,
  };
}

export function wireStrain(strain: StrainRecord) {
  return {
    Id: strain.id,
    Name: strain.name,
    TestingStatus: strain.testingStatus,
    ThcLevel: strain.thcLevel,
    CbdLevel: strain.cbdLevel,
    IndicaPercentage: strain.indicaPercentage,
    SativaPercentage: strain.sativaPercentage,
    IsUsed: strain.used,
    Genetics: `${strain.indicaPercentage}% Indica / ${strain.sativaPercentage}% Sativa`,
  };
}

export function wireLocationType(type: LocationType) {
  return {
    Id: type.id,
    Name: type.name,
    ForPlantBatches: type.forPlantBatches,
    ForPlants: type.forPlants,
    ForHarvests: type.forHarvests,
    ForPackages: type.forPackages,
  };
}

export function wireLocation(location: LocationRecord) {
  const type = locationTypeById.get(location.typeId) ?? LOCATION_TYPES[0];
  return {
    Id: location.id,
    Name: location.name,
    LocationTypeId: location.typeId,
    LocationTypeName: type?.name ?? null,
    ForPlantBatches: type?.forPlantBatches ?? false,
    ForPlants: type?.forPlants ?? false,
    ForHarvests: type?.forHarvests ?? false,
    ForPackages: type?.forPackages ?? false,
  };
}

export function wireTag(license: LicenseRecord, tag: TagRecord) {
  const program = license.program === 'medical' ? 'Medical' : 'Retail';
  const kind = tag.kind === 'package' ? 'Package' : 'Plant';
  return {
    Id: tag.id,
    Label: tag.label,
    TagTypeId: tag.kind === 'package' ? 2 : 1,
    TagTypeName: `Cannabis${kind}`,
    GroupTagTypeId: null,
    GroupTagTypeName: null,
    TagInventoryTypeName: `${program}${kind}`,
    MaxGroupSize: 1,
    FacilityId: license.facilityId,
  };
}

export function wirePackage(state: EmulatorState, pkg: PackageRecord) {
  const item = state.index.items.get(pkg.itemId);
  const location = pkg.locationId === null ? undefined : state.index.locations.get(pkg.locationId);
  const unit = findUnit(pkg.unit);
  const from =
    pkg.receivedFromLicense === null ? undefined : state.licenses.get(pkg.receivedFromLicense);
  const locationType = location ? locationTypeById.get(location.typeId) : undefined;
  return {
    Id: pkg.id,
    Label: pkg.label,
    ExternalId: null,
    PackageType: pkg.packageType,
    SourceHarvestCount: pkg.sourceHarvestNames.length,
    SourcePackageCount: pkg.sourcePackageLabels.length,
    SourceProcessingJobCount: 0,
    SourceHarvestNames: pkg.sourceHarvestNames.length ? pkg.sourceHarvestNames.join(', ') : null,
    SourcePackageLabels: pkg.sourcePackageLabels.length ? pkg.sourcePackageLabels.join(', ') : null,
    LocationId: location?.id ?? null,
    LocationName: location?.name ?? null,
    LocationTypeName: locationType?.name ?? null,
    SublocationId: null,
    SublocationName: null,
    Quantity: pkg.quantity,
    OriginalPackageQuantity: pkg.originalQuantity,
    UnitOfMeasureName: unit?.name ?? pkg.unit,
    UnitOfMeasureAbbreviation: unit?.abbreviation ?? null,
    PatientLicenseNumber: pkg.patientLicenseNumber,
    ItemFromFacilityLicenseNumber: from?.number ?? null,
    ItemFromFacilityName: from?.name ?? null,
    Note: pkg.note,
    PackagedDate: pkg.packagedDate,
    ExpirationDate: pkg.expirationDate,
    SellByDate: pkg.sellByDate,
    UseByDate: pkg.useByDate,
    InitialLabTestingState: 'NotSubmitted',
    LabTestingState: pkg.labTestingState,
    LabTestingStateDate: pkg.labTestingStateDate,
    LabTestingRecordedDate: null,
    LabTestingPerformedDate: null,
    LabTestResultExpirationDateTime: null,
    LabTestStageId: null,
    LabTestStage: null,
    IsProductionBatch: pkg.isProductionBatch,
    ProductionBatchNumber: pkg.productionBatchNumber,
    SourceProductionBatchNumbers: null,
    IsTradeSample: pkg.isTradeSample,
    IsTradeSamplePersistent: false,
    SourcePackageIsTradeSample: false,
    IsDonation: pkg.isDonation,
    IsDonationPersistent: false,
    SourcePackageIsDonation: false,
    IsTestingSample: pkg.isTestingSample,
    IsProcessValidationTestingSample: false,
    ProductRequiresRemediation: pkg.productRequiresRemediation,
    ContainsRemediatedProduct: false,
    RemediationDate: null,
    ProductRequiresDecontamination: false,
    ContainsDecontaminatedProduct: false,
    DecontaminationDate: null,
    ContainsPreTreatedProduct: false,
    PreTreatmentDate: null,
    ReceivedDateTime: pkg.receivedAt === null ? null : formatTimestamp(pkg.receivedAt * 1000),
    ReceivedFromManifestNumber: pkg.receivedFromManifestNumber,
    ReceivedFromFacilityLicenseNumber: from?.number ?? null,
    ReceivedFromFacilityName: from?.name ?? null,
    IsOnHold: pkg.isOnHold,
    // "Combined" includes holds inherited from sources or investigations; none here.
    IsOnHoldCombined: pkg.isOnHold,
    IsOnInvestigation: false,
    IsOnInvestigationHold: false,
    IsOnInvestigationRecall: false,
    IsOnRecall: null,
    IsOnRecallCombined: false,
    ArchivedDate: pkg.archivedAt === null ? null : formatTimestamp(pkg.archivedAt * 1000),
    IsFinished: pkg.finishedDate !== null,
    FinishedDate: pkg.finishedDate,
    IsFinishedGood: false,
    // Not in TM's 2026 example, but in OM's schema and older answers; kept (docs/emulator.md).
    IsOnTrip: false,
    IsOnRetailerDelivery: false,
    PackageForProductDestruction: null,
    LabelsLastGeneratedDateTime: null,
    LastModified: formatTimestamp(pkg.lastModified),
    Item: item ? wireItem(state, item) : null,
    ProductLabel: {
      QrCount: 1,
      IsChildFromParentWithLabel: pkg.sourcePackageLabels.length > 0,
      OriginalSourcePackageId: null,
      OriginalSourcePackageLabel: null,
      LabelSource: null,
      IsActive: true,
    },
  };
}

/** `GET /packages/v2/adjustments` rows (TM's shape). */
export function wireAdjustment(state: EmulatorState, adjustment: AdjustmentRecord) {
  const item = state.index.items.get(adjustment.itemId);
  const unit = findUnit(adjustment.unit);
  return {
    Id: adjustment.id,
    PackageId: adjustment.packageId,
    PackageLabel: adjustment.label,
    ItemName: item?.name ?? null,
    ItemCategoryName: item?.category ?? null,
    AdjustmentQuantity: adjustment.quantity,
    AdjustmentUnitOfMeasureName: unit?.name ?? adjustment.unit,
    AdjustmentUnitOfMeasureAbbreviation: unit?.abbreviation ?? null,
    AdjustmentReasonName: adjustment.reason,
    AdjustmentNote: adjustment.note,
    AdjustmentDate: adjustment.date,
    AdjustedByUserName: adjustment.by,
    LastModified: formatTimestamp(adjustment.lastModified),
  };
}
