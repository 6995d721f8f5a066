/** Metrc's JSON for plants, plant batches, harvests, transfers and other probe sections. */
import type { EmulatorState } from './emulator-state.ts';
import type {
  DriverRecord,
  HarvestRecord,
  LicenseRecord,
  PatientRecord,
  PlantBatchRecord,
  PlantRecord,
  TransferRecord,
  VehicleRecord,
} from './emulator-types.ts';
import { LOCATION_TYPES } from './metrc-catalog.ts';
import { formatTimestamp } from './metrc-time.ts';

function locationFields(state: EmulatorState, locationId: number | null) {
  const location = locationId === null ? undefined : state.index.locations.get(locationId);
  const type = location ? LOCATION_TYPES.find((t) => t.id === location.typeId) : undefined;
  return { id: location?.id ?? null, name: location?.name ?? null, typeName: type?.name ?? null };
}

export function wirePlant(state: EmulatorState, plant: PlantRecord) {
  const batch = state.index.plantBatches.get(plant.plantBatchId);
  const strain = state.index.strains.get(plant.strainId);
  const location = locationFields(state, plant.locationId);
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
    PatientLicenseNumber: null,
    HarvestId: null,
    HarvestedUnitOfWeightName: null,
    HarvestedUnitOfWeightAbbreviation: null,
    HarvestedWetWeight: null,
    HarvestCount: 0,
    IsOnHold: plant.isOnHold,
    PlantedDate: plant.plantedDate,
    VegetativeDate: plant.vegetativeDate,
    FloweringDate: plant.floweringDate,
    HarvestedDate: plant.harvestedDate,
    DestroyedDate: plant.destroyedDate,
    DestroyedNote: null,
    DestroyedByUserName: null,
    LastModified: formatTimestamp(plant.lastModified),
  };
}

export function wirePlantBatch(state: EmulatorState, batch: PlantBatchRecord) {
  const strain = state.index.strains.get(batch.strainId);
  const location = locationFields(state, batch.locationId);
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
    PatientLicenseNumber: null,
    UntrackedCount: batch.count,
    TrackedCount: 0,
    PackagedCount: 0,
    HarvestedCount: 0,
    DestroyedCount: 0,
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
    TotalWasteWeight: 0,
    PlantCount: harvest.plantCount,
    TotalWetWeight: harvest.wetWeight,
    TotalRestoredWeight: 0,
    PackageCount: 0,
    TotalPackagedWeight: 0,
    UnitOfWeightName: harvest.unitOfWeight,
    LabTestingState: null,
    LabTestingStateDate: null,
    IsOnHold: false,
    HarvestStartDate: harvest.startDate,
    FinishedDate: harvest.finishedDate,
    ArchivedDate: null,
    LastModified: formatTimestamp(harvest.lastModified),
  };
}

/** One transfer (Metrc lists a row per delivery; emulated transfers have a single delivery). */
export function wireTransfer(state: EmulatorState, transfer: TransferRecord) {
  const shipper = state.licenses.get(transfer.shipperLicense);
  const recipient = state.licenses.get(transfer.recipientLicense);
  const transporter = transfer.transporterLicense
    ? state.licenses.get(transfer.transporterLicense)
    : undefined;
  const received =
    transfer.receivedAt === null ? null : formatTimestamp(transfer.receivedAt * 1000);
  return {
    Id: transfer.id,
    ManifestNumber: transfer.manifestNumber,
    ShipmentLicenseType: 'Licensed',
    ShipperFacilityLicenseNumber: shipper?.number ?? transfer.shipperLicense,
    ShipperFacilityName: shipper?.name ?? null,
    Name: null,
    TransporterFacilityLicenseNumber: transporter?.number ?? null,
    TransporterFacilityName: transporter?.name ?? null,
    DriverName: transfer.driverName,
    DriverOccupationalLicenseNumber: null,
    DriverVehicleLicenseNumber: null,
    VehicleMake: null,
    VehicleModel: null,
    VehicleLicensePlateNumber: null,
    DeliveryCount: 1,
    ReceivedDeliveryCount: transfer.receivedAt === null ? 0 : 1,
    PackageCount: transfer.packageLabels.length,
    ReceivedPackageCount: transfer.receivedAt === null ? 0 : transfer.packageLabels.length,
    ContainsPlantPackage: false,
    ContainsProductPackage: true,
    ContainsTradeSample: false,
    ContainsDonation: false,
    ContainsTestingSample: false,
    ContainsProductRequiresRemediation: false,
    ContainsRemediatedProductPackage: false,
    IsVoided: false,
    CreatedDateTime: formatTimestamp(transfer.createdAt * 1000),
    CreatedByUserName: transfer.createdBy,
    LastModified: formatTimestamp(transfer.lastModified),
    DeliveryId: transfer.id,
    RecipientFacilityLicenseNumber: recipient?.number ?? transfer.recipientLicense,
    RecipientFacilityName: recipient?.name ?? null,
    ShipmentTypeName: 'Transfer',
    ShipmentTransactionType: 'Standard',
    // Zone-less local times next to offset timestamps, as Metrc mixes them (fact 15).
    EstimatedDepartureDateTime: transfer.estimatedDeparture,
    ActualDepartureDateTime: null,
    EstimatedArrivalDateTime: transfer.estimatedArrival,
    ActualArrivalDateTime: null,
    DeliveryPackageCount: transfer.packageLabels.length,
    DeliveryReceivedPackageCount: transfer.receivedAt === null ? 0 : transfer.packageLabels.length,
    ReceivedDateTime: received,
    EstimatedReturnDepartureDateTime: null,
    ActualReturnDepartureDateTime: null,
    EstimatedReturnArrivalDateTime: null,
    ActualReturnArrivalDateTime: null,
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
