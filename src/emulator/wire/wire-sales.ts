/** Metrc's JSON for sales receipts (metrc-api.md §6.11): lists carry no lines, `/{id}` does. */
import type { EmulatorState } from '../state/emulator-state.ts';
import type { ReceiptRecord, SaleLineRecord } from '../state/records.ts';
import { findUnit, roundQuantity } from '../state/units-of-measure.ts';
import { formatTimestamp } from './metrc-time.ts';

export function wireReceipt(state: EmulatorState, receipt: ReceiptRecord, withLines: boolean) {
  const totalPrice = roundQuantity(receipt.lines.reduce((sum, line) => sum + line.totalAmount, 0));
  return {
    Id: receipt.id,
    ReceiptNumber: receipt.receiptNumber,
    ExternalReceiptNumber: receipt.externalReceiptNumber,
    SalesDateTime: receipt.salesDateTime,
    SalesCustomerType: receipt.salesCustomerType,
    PatientLicenseNumber: receipt.patientLicenseNumber,
    CaregiverLicenseNumber: receipt.caregiverLicenseNumber,
    IdentificationMethod: receipt.identificationMethod,
    PatientRegistrationLocationId: receipt.patientRegistrationLocationId,
    TotalPackages: receipt.lines.length,
    TotalPrice: totalPrice,
    // List rows come back with `Transactions: []` (metrc-api.md fact 12).
    Transactions: withLines ? receipt.lines.map((line) => wireSaleLine(state, receipt, line)) : [],
    IsFinal: receipt.isFinal,
    ArchivedDate: receipt.archivedAt === null ? null : formatTimestamp(receipt.archivedAt),
    RecordedDateTime: formatTimestamp(receipt.recordedAt),
    RecordedByUserName: receipt.recordedBy,
    LastModified: formatTimestamp(receipt.lastModified),
  };
}

function wireSaleLine(state: EmulatorState, receipt: ReceiptRecord, line: SaleLineRecord) {
  const pkg = state.index.packages.get(line.packageId);
  const item = pkg ? state.index.items.get(pkg.itemId) : undefined;
  const strain = item?.strainId == null ? undefined : state.index.strains.get(item.strainId);
  const unit = findUnit(line.unit);
  return {
    PackageId: line.packageId,
    PackageLabel: line.packageLabel,
    ProductName: item?.name ?? null,
    ProductCategoryName: item?.category ?? null,
    ItemStrainName: strain?.name ?? null,
    ItemUnitCbdPercent: null,
    ItemUnitCbdContent: null,
    ItemUnitCbdContentUnitOfMeasureName: null,
    ItemUnitThcPercent: null,
    ItemUnitThcContent: item?.unitThcContent ?? null,
    ItemUnitThcContentUnitOfMeasureName: item?.unitThcContentUnit ?? null,
    ItemUnitVolume: item?.unitVolume ?? null,
    ItemUnitVolumeUnitOfMeasureName: item?.unitVolumeUnit ?? null,
    ItemUnitWeight: item?.unitWeight ?? null,
    ItemUnitWeightUnitOfMeasureName: item?.unitWeightUnit ?? null,
    QuantitySold: line.quantity,
    UnitOfMeasureName: unit?.name ?? line.unit,
    UnitOfMeasureAbbreviation: unit?.abbreviation ?? null,
    TotalPrice: line.totalAmount,
    InvoiceNumber: null,
    SalesDeliveryState: null,
    ArchivedDate: receipt.archivedAt === null ? null : formatTimestamp(receipt.archivedAt),
    RecordedDateTime: formatTimestamp(line.recordedAt),
    RecordedByUserName: line.recordedBy,
    LastModified: formatTimestamp(receipt.lastModified),
  };
}
