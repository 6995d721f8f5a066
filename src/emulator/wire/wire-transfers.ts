/** Metrc's JSON for transfers, their deliveries and packages, and transfer templates (§6.12). */
import type { EmulatorState } from '../state/emulator-state.ts';
import type {
  DeliveryPackageRecord,
  DeliveryRecord,
  TemplateDeliveryRecord,
  TransferRecord,
  TransferTemplateRecord,
} from '../state/records.ts';
import { findUnit } from '../state/units-of-measure.ts';
import { formatTimestamp } from './metrc-time.ts';

const stamp = (ms: number | null) => (ms === null ? null : formatTimestamp(ms * 1000));
const licenseName = (state: EmulatorState, number: string | null) =>
  number === null ? null : (state.licenses.get(number)?.name ?? null);

/**
 * One row of `incoming`/`outgoing`: the transfer with one delivery's fields. Metrc lists a row
 * per delivery addressed to the recipient; the shipper's row carries its first delivery [U].
 */
export function wireTransfer(
  state: EmulatorState,
  transfer: TransferRecord,
  delivery: DeliveryRecord | undefined = transfer.deliveries[0],
) {
  const packages = transfer.deliveries.flatMap((d) => d.packages);
  const received = transfer.deliveries.filter((d) => d.receivedAt !== null);
  return {
    Id: transfer.id,
    ManifestNumber: transfer.manifestNumber,
    ShipmentLicenseType: transfer.external ? 'Unlicensed' : 'Licensed',
    ShipperFacilityLicenseNumber: transfer.shipperLicense,
    ShipperFacilityName:
      transfer.external?.shipperName ?? licenseName(state, transfer.shipperLicense),
    Name: null,
    TransporterFacilityLicenseNumber: transfer.transporterLicense,
    TransporterFacilityName: licenseName(state, transfer.transporterLicense),
    DriverName: transfer.driverName,
    DriverOccupationalLicenseNumber: null,
    DriverVehicleLicenseNumber: null,
    VehicleMake: transfer.vehicleMake,
    VehicleModel: transfer.vehicleModel,
    VehicleLicensePlateNumber: transfer.vehicleLicensePlateNumber,
    DeliveryCount: transfer.deliveries.length,
    ReceivedDeliveryCount: received.length,
    PackageCount: packages.length,
    ReceivedPackageCount: packages.filter((p) => p.state === 'Accepted').length,
    ContainsPlantPackage: false,
    ContainsProductPackage: packages.length > 0,
    ContainsTradeSample: false,
    ContainsDonation: false,
    ContainsTestingSample: transfer.deliveries.some((d) => d.transferTypeName === 'Lab Sample'),
    ContainsProductRequiresRemediation: false,
    ContainsRemediatedProductPackage: false,
    IsVoided: false,
    CreatedDateTime: stamp(transfer.createdAt),
    CreatedByUserName: transfer.createdBy,
    LastModified: formatTimestamp(transfer.lastModified),
    ...deliveryFields(state, delivery),
  };
}

/** The delivery part of a transfer row (`DeliveryId`, recipient, estimates, counts). */
function deliveryFields(state: EmulatorState, delivery: DeliveryRecord | undefined) {
  return {
    DeliveryId: delivery?.id ?? null,
    RecipientFacilityLicenseNumber: delivery?.recipientLicense ?? null,
    RecipientFacilityName: licenseName(state, delivery?.recipientLicense ?? null),
    ShipmentTypeName: delivery?.transferTypeName ?? null,
    ShipmentTransactionType: 'Standard',
    // Zone-less local times next to offset timestamps, as Metrc mixes them (fact 15).
    EstimatedDepartureDateTime: delivery?.estimatedDeparture ?? null,
    ActualDepartureDateTime: null,
    EstimatedArrivalDateTime: delivery?.estimatedArrival ?? null,
    ActualArrivalDateTime: null,
    DeliveryPackageCount: delivery?.packages.length ?? 0,
    DeliveryReceivedPackageCount:
      delivery?.packages.filter((p) => p.state === 'Accepted').length ?? 0,
    ReceivedDateTime: stamp(delivery?.receivedAt ?? null),
    EstimatedReturnDepartureDateTime: null,
    ActualReturnDepartureDateTime: null,
    EstimatedReturnArrivalDateTime: null,
    ActualReturnArrivalDateTime: null,
  };
}

/** `GET /transfers/v2/{id}/deliveries` rows (`TransferDelivery`). */
export function wireDelivery(state: EmulatorState, delivery: DeliveryRecord) {
  const { DeliveryId, ...fields } = deliveryFields(state, delivery);
  return {
    Id: DeliveryId,
    ...fields,
    GrossWeight: null,
    GrossUnitOfWeightId: null,
    GrossUnitOfWeightName: null,
    PlannedRoute: delivery.plannedRoute,
    RejectedPackagesReturned: delivery.rejected ? false : null,
  };
}

/** `GET /transfers/v2/deliveries/{id}/packages` rows: the package as shipped. */
export function wireDeliveryPackage(state: EmulatorState, shipped: DeliveryPackageRecord) {
  const item = state.index.items.get(shipped.itemId);
  const strain = item?.strainId == null ? undefined : state.index.strains.get(item.strainId);
  const unit = findUnit(shipped.unit)?.name ?? shipped.unit;
  return {
    PackageId: shipped.packageId,
    PackageLabel: shipped.label,
    PackageType: shipped.packageType,
    SourceHarvestNames: shipped.sourceHarvestNames.join(', ') || null,
    SourcePackageLabels: shipped.sourcePackageLabels.join(', ') || null,
    ProductName: item?.name ?? null,
    ProductCategoryName: item?.category ?? null,
    // OM types ItemId as a string where Metrc's other ids are numbers, so it is left out [U].
    ItemName: item?.name ?? null,
    ItemCategoryName: item?.category ?? null,
    ItemStrainName: strain?.name ?? null,
    ItemUnitThcContent: item?.unitThcContent ?? null,
    ItemUnitThcContentUnitOfMeasureName: item?.unitThcContentUnit ?? null,
    ItemUnitVolume: item?.unitVolume ?? null,
    ItemUnitVolumeUnitOfMeasureName: item?.unitVolumeUnit ?? null,
    ItemUnitWeight: item?.unitWeight ?? null,
    ItemUnitWeightUnitOfMeasureName: item?.unitWeightUnit ?? null,
    LabTestingState: shipped.labTestingState,
    ProductionBatchNumber: null,
    IsTradeSample: false,
    IsTradeSamplePersistent: false,
    IsDonation: false,
    SourcePackageIsDonation: false,
    SourcePackageIsTradeSample: false,
    IsTestingSample: false,
    ProductRequiresRemediation: false,
    ContainsRemediatedProduct: false,
    RemediationDate: null,
    ShipmentPackageState: shipped.state,
    ShippedQuantity: shipped.shippedQuantity,
    ShippedUnitOfMeasureName: unit,
    GrossUnitOfWeightName: shipped.grossUnit,
    ReceivedQuantity: shipped.receivedQuantity,
    ReceivedUnitOfMeasureName: shipped.receivedQuantity === null ? null : unit,
  };
}

/** A template, in the Transfer shape OM gives `GET /transfers/v2/templates/outgoing`. */
export function wireTemplate(state: EmulatorState, template: TransferTemplateRecord) {
  const first = template.deliveries[0];
  const packageCount = template.deliveries.reduce((n, d) => n + d.packages.length, 0);
  return {
    Id: template.id,
    ManifestNumber: null,
    ShipmentLicenseType: 'Licensed',
    ShipperFacilityLicenseNumber: template.license,
    ShipperFacilityName: licenseName(state, template.license),
    Name: template.name,
    TransporterFacilityLicenseNumber: template.transporterLicense,
    TransporterFacilityName: licenseName(state, template.transporterLicense),
    DriverName: template.driverName,
    DriverOccupationalLicenseNumber: template.driverOccupationalLicenseNumber,
    DriverVehicleLicenseNumber: template.driverLicenseNumber,
    VehicleMake: template.vehicleMake,
    VehicleModel: template.vehicleModel,
    VehicleLicensePlateNumber: template.vehicleLicensePlateNumber,
    DeliveryCount: template.deliveries.length,
    ReceivedDeliveryCount: 0,
    PackageCount: packageCount,
    ReceivedPackageCount: 0,
    ContainsPlantPackage: false,
    ContainsProductPackage: packageCount > 0,
    ContainsTradeSample: false,
    ContainsDonation: false,
    ContainsTestingSample: false,
    ContainsProductRequiresRemediation: false,
    ContainsRemediatedProductPackage: false,
    IsVoided: false,
    CreatedDateTime: stamp(template.createdAt),
    CreatedByUserName: template.createdBy,
    LastModified: formatTimestamp(template.lastModified),
    ...templateDeliveryFields(state, first),
  };
}

function templateDeliveryFields(
  state: EmulatorState,
  delivery: TemplateDeliveryRecord | undefined,
) {
  return {
    DeliveryId: delivery?.id ?? null,
    RecipientFacilityLicenseNumber: delivery?.recipientLicense ?? null,
    RecipientFacilityName: licenseName(state, delivery?.recipientLicense ?? null),
    ShipmentTypeName: delivery?.transferTypeName ?? null,
    ShipmentTransactionType: 'Standard',
    EstimatedDepartureDateTime: delivery?.estimatedDeparture ?? null,
    ActualDepartureDateTime: null,
    EstimatedArrivalDateTime: delivery?.estimatedArrival ?? null,
    ActualArrivalDateTime: null,
    DeliveryPackageCount: delivery?.packages.length ?? 0,
    DeliveryReceivedPackageCount: 0,
    ReceivedDateTime: null,
    EstimatedReturnDepartureDateTime: null,
    ActualReturnDepartureDateTime: null,
    EstimatedReturnArrivalDateTime: null,
    ActualReturnArrivalDateTime: null,
  };
}

/** `GET /transfers/v2/templates/outgoing/{id}/deliveries` rows. */
export function wireTemplateDelivery(state: EmulatorState, delivery: TemplateDeliveryRecord) {
  const { DeliveryId, ...fields } = templateDeliveryFields(state, delivery);
  return {
    Id: DeliveryId,
    ...fields,
    GrossWeight: null,
    GrossUnitOfWeightId: null,
    GrossUnitOfWeightName: null,
    PlannedRoute: delivery.plannedRoute,
    RejectedPackagesReturned: null,
  };
}

/** `GET /transfers/v2/templates/outgoing/deliveries/{id}/packages` rows: the live package. */
export function wireTemplatePackage(
  state: EmulatorState,
  planned: TemplateDeliveryRecord['packages'][number],
) {
  const pkg = state.index.packages.get(planned.packageId);
  return wireDeliveryPackage(state, {
    packageId: planned.packageId,
    label: planned.label,
    itemId: pkg?.itemId ?? 0,
    packageType: pkg?.packageType ?? 'Product',
    sourceHarvestNames: pkg?.sourceHarvestNames ?? [],
    sourcePackageLabels: pkg?.sourcePackageLabels ?? [],
    labTestingState: pkg?.labTestingState ?? 'NotSubmitted',
    shippedQuantity: pkg?.quantity ?? 0,
    unit: pkg?.unit ?? 'Each',
    receivedQuantity: null,
    state: 'Shipped',
    wholesalePrice: planned.wholesalePrice,
    grossWeight: planned.grossWeight,
    grossUnit: planned.grossUnit,
  });
}
