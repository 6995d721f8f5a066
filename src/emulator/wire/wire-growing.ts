/** Metrc's JSON for plants, plant batches, harvests, and the other probe sections. */
import type { EmulatorState } from '../state/emulator-state.ts';
import { LOCATION_TYPES } from '../state/metrc-catalog.ts';
import type {
  DriverRecord,
  HarvestRecord,
  HarvestWasteRecord,
  LicenseRecord,
  PatientRecord,
  PlantBatchRecord,
  PlantRecord,
  VehicleRecord,
} from '../state/records.ts';
import { findUnit } from '../state/units-of-measure.ts';
import { formatTimestamp } from './metrc-time.ts';

/** A location's id, name and type name (null fields when none). */
export function locationFields(state: EmulatorState, locationId: number | null) {
  const location = locationId === null ? undefined : state.index.locations.get(locationId);
  const type = location ? LOCATION_TYPES.find((t) => t.id === location.typeId) : undefined;
  return { id: location?.id ?? null, name: location?.name ?? null, typeName: type?.name ?? null };
}

export function wirePlant(state: EmulatorState, plant: PlantRecord) {
  const batch = state.index.plantBatches.get(plant.plantBatchId);
  const strain = state.index.strains.get(plant.strainId);
  const location = locationFields(state, plant.locationId);
  const unit = findUnit(plant.harvestedUnit);
  return {
    Id: plant.id,
    Label: plant.label,
    State: plant.destroyedDate ? 'Destroyed' : plant.harvestedDate ? 'Harvested' : 'Tracked',
    GrowthPhase: plant.growthPhase,
    PlantBatchId: batch?.id ?? null,
    PlantBatchName: batch?.name ?? null,
    PlantBatchTypeName: batch?.type ?? null,
    StrainId: strain?.id ?? null,
    StrainName: strain?.name ?? null,
    LocationId: location.id,
    LocationName: location.name,
    LocationTypeName: location.typeName,
    SublocationId: null,
    SublocationName: null,
    PatientLicenseNumber: plant.patientLicenseNumber,
    HarvestId: plant.harvestIds.at(-1) ?? null,
    HarvestedUnitOfWeightName: unit?.name ?? null,
    HarvestedUnitOfWeightAbbreviation: unit?.abbreviation ?? null,
    HarvestedWetWeight: plant.harvestedWetWeight,
    HarvestCount: plant.harvestIds.length,
    IsOnHold: plant.isOnHold,
    PlantedDate: plant.plantedDate,
    VegetativeDate: plant.vegetativeDate,
    FloweringDate: plant.floweringDate,
    HarvestedDate: plant.harvestedDate,
    DestroyedDate: plant.destroyedDate,
    DestroyedNote: plant.destroyedNote,
    DestroyedByUserName: plant.destroyedBy,
    LastModified: formatTimestamp(plant.lastModified),
  };
}

export function wirePlantBatch(state: EmulatorState, batch: PlantBatchRecord) {
  const strain = state.index.strains.get(batch.strainId);
  const location = locationFields(state, batch.locationId);
  // Tracked and harvested counts are the batch's plants, as Metrc derives them.
  let tracked = 0;
  let harvested = 0;
  for (const plant of state.licenses.get(batch.license)?.plants.values() ?? []) {
    if (plant.plantBatchId !== batch.id) continue;
    if (plant.harvestedDate !== null) harvested++;
    else if (plant.destroyedDate === null) tracked++;
  }
  return {
    Id: batch.id,
    Name: batch.name,
    PlantBatchTypeId: batch.type === 'Seed' ? 1 : 2,
    PlantBatchTypeName: batch.type,
    LocationId: location.id,
    LocationName: location.name,
    LocationTypeName: location.typeName,
    StrainId: strain?.id ?? null,
    StrainName: strain?.name ?? null,
    PatientLicenseNumber: batch.patientLicenseNumber,
    UntrackedCount: batch.count,
    TrackedCount: tracked,
    PackagedCount: 0,
    HarvestedCount: harvested,
    DestroyedCount: batch.destroyedCount,
    SourcePackageId: null,
    SourcePackageLabel: null,
    SourcePlantId: null,
    SourcePlantLabel: null,
    SourcePlantBatchIds: [],
    SourcePlantBatchNames: null,
    MultiPlantBatch: false,
    PlantedDate: batch.plantedDate,
    IsOnHold: false,
    LastModified: formatTimestamp(batch.lastModified),
  };
}

export function wireHarvest(state: EmulatorState, harvest: HarvestRecord) {
  const location = locationFields(state, harvest.dryingLocationId);
  return {
    Id: harvest.id,
    Name: harvest.name,
    HarvestType: harvest.harvestType,
    SourceStrainCount: harvest.strainNames.length,
    SourceStrainNames: harvest.strainNames.join(', '),
    Strains: harvest.strainNames,
    DryingLocationId: location.id,
    DryingLocationName: location.name,
    DryingLocationTypeName: location.typeName,
    DryingSublocationId: null,
    DryingSublocationName: null,
    PatientLicenseNumber: null,
    CurrentWeight: harvest.currentWeight,
    TotalWasteWeight: harvest.wasteWeight,
    PlantCount: harvest.plantCount,
    TotalWetWeight: harvest.wetWeight,
    TotalRestoredWeight: 0,
    PackageCount: harvest.packageCount,
    TotalPackagedWeight: harvest.packagedWeight,
    UnitOfWeightName: harvest.unitOfWeight,
    LabTestingState: null,
    LabTestingStateDate: null,
    IsOnHold: harvest.isOnHold,
    HarvestStartDate: harvest.startDate,
    FinishedDate: harvest.finishedDate,
    ArchivedDate: null,
    LastModified: formatTimestamp(harvest.lastModified),
  };
}

export function wireHarvestWaste(waste: HarvestWasteRecord) {
  return {
    Id: waste.id,
    WasteTypeName: waste.wasteType,
    WasteWeight: waste.weight,
    UnitOfWeightName: waste.unit,
    ActualDate: waste.actualDate,
  };
}

export function wirePatient(patient: PatientRecord) {
  return {
    PatientId: patient.id,
    LicenseNumber: patient.patientLicenseNumber,
    RegistrationDate: patient.registrationDate,
    LicenseEffectiveStartDate: patient.effectiveStart,
    LicenseEffectiveEndDate: patient.effectiveEnd,
    RecommendedPlants: patient.recommendedPlants,
    RecommendedSmokableQuantity: patient.recommendedSmokableQuantity,
    HasSalesLimitExemption: false,
    OtherFacilitiesCount: 0,
  };
}

export function wireDriver(license: LicenseRecord, driver: DriverRecord) {
  return {
    Id: driver.id,
    FacilityId: license.facilityId,
    EmployeeId: driver.employeeId,
    Name: driver.name,
    DriversLicenseNumber: driver.driversLicenseNumber,
  };
}

export function wireVehicle(license: LicenseRecord, vehicle: VehicleRecord) {
  return {
    Id: vehicle.id,
    FacilityId: license.facilityId,
    Make: vehicle.make,
    Model: vehicle.model,
    LicensePlateNumber: vehicle.licensePlateNumber,
  };
}
