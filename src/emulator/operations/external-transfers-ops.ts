/**
 * External incoming transfers (`/transfers/v2/external/incoming`): a licensed recipient records
 * a shipment from an unlicensed or out-of-state shipper. The caller's license must be the
 * recipient of every destination and its license type must allow external transfers
 * (`CanTransferFromExternalFacilities`, else 401). Packages are declared by item and quantity;
 * they become inventory when received, which no API does (fact 15), so here they stay shipped.
 * `PUT` (by `TransferId`) replaces the shipper fields and destinations; `DELETE` voids it; both
 * only while nothing was received.
 */
import { metrcReplies } from '../http/metrc-replies.ts';
import { type Row, RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import { TRANSFER_TYPES } from '../state/metrc-catalog.ts';
import type {
  DeliveryPackageRecord,
  DeliveryRecord,
  LicenseRecord,
  TransferRecord,
} from '../state/records.ts';
import { findUnit } from '../state/units-of-measure.ts';
import { isIsoDate, parseLocalDateTime } from '../wire/metrc-time.ts';
import { byName, idParam, licenseOf, writeAccess } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';
import type { AddError } from './row-writes.ts';

const ACCESS = writeAccess([['Manage Transfers']]);

interface Plan {
  row: Row;
  existing: TransferRecord | undefined;
  deliveries: Omit<DeliveryRecord, 'id' | 'transferId'>[];
}

function allowsExternal(license: LicenseRecord): boolean {
  return license.facilityType.CanTransferFromExternalFacilities === true;
}

/** The destinations of a row, checked; the caller must be each recipient. */
function destinations(
  ctx: OperationContext,
  row: Row,
  add: AddError,
): Omit<DeliveryRecord, 'id' | 'transferId'>[] {
  const license = licenseOf(ctx);
  const list = row.list('Destinations') ?? [];
  if (list.length === 0) add('Destinations were not specified.');
  return list.map((destination) => {
    const at = (message: string) => add(`Destination ${destination.index + 1}: ${message}`);
    const recipient = destination.text('RecipientLicenseNumber');
    if (recipient?.toUpperCase() !== license.number.toUpperCase())
      at('RecipientLicenseNumber must be the current Facility.');
    const typeName = destination.text('TransferTypeName');
    const type = TRANSFER_TYPES.find((t) => t.Name.toLowerCase() === typeName?.toLowerCase());
    if (!type) at(`Transfer Type "${typeName ?? ''}" is not valid.`);
    const departure = parseLocalDateTime(destination.raw('EstimatedDepartureDateTime'));
    const arrival = parseLocalDateTime(destination.raw('EstimatedArrivalDateTime'));
    if (!departure.ok || !arrival.ok)
      at('Estimated times must be local date and times without a time zone.');
    const packages = (destination.list('Packages') ?? []).map((p): DeliveryPackageRecord => {
      const item = byName(license.items.values(), p.text('ItemName'));
      if (!item) at(`Item "${p.text('ItemName') ?? ''}" was not found in the current Facility.`);
      const quantity = p.number('Quantity');
      if (quantity === undefined || quantity <= 0) at('Quantity must be greater than zero.');
      const unit = findUnit(p.text('UnitOfMeasureName'));
      if (!unit) at(`Unit of Measure "${p.text('UnitOfMeasureName') ?? ''}" is not valid.`);
      if (!isIsoDate(p.text('PackagedDate')))
        at('PackagedDate must be a date in the format yyyy-mm-dd.');
      return {
        // The id is reserved now; the label comes with the package at receipt [U].
        packageId: 0,
        label: p.text('PackageLabel')?.toUpperCase() ?? '',
        itemId: item?.id ?? 0,
        packageType: 'Product',
        sourceHarvestNames: [],
        sourcePackageLabels: [],
        labTestingState: 'NotSubmitted',
        shippedQuantity: quantity ?? 0,
        unit: unit?.name ?? '',
        receivedQuantity: null,
        state: 'Shipped',
        wholesalePrice: p.number('WholesalePrice') ?? null,
        grossWeight: p.number('GrossWeight') ?? null,
        grossUnit: p.text('GrossUnitOfWeightName') ?? null,
      };
    });
    if (packages.length === 0) at('Packages were not specified.');
    return {
      recipientLicense: license.number,
      transferTypeName: type?.Name ?? '',
      plannedRoute: destination.text('PlannedRoute') ?? null,
      estimatedDeparture: departure.ok ? departure.value : '',
      estimatedArrival: arrival.ok ? arrival.value : '',
      receivedAt: null,
      rejected: false,
      packages,
    };
  });
}

/** An external transfer recorded at this license, not yet received (for PUT and DELETE). */
function ownExternal(ctx: OperationContext, id: number | undefined, add: AddError) {
  const transfer = id === undefined ? undefined : ctx.state.index.transfers.get(id);
  if (!transfer?.external || transfer.deliveries[0]?.recipientLicense !== licenseOf(ctx).number) {
    add(`External transfer ${id ?? ''} was not found in the current Facility.`);
    return undefined;
  }
  if (transfer.deliveries.some((d) => d.receivedAt !== null))
    add(`Transfer ${transfer.manifestNumber} was already received.`);
  return transfer;
}

function write(mode: 'create' | 'update') {
  return (ctx: OperationContext) => {
    const license = licenseOf(ctx);
    if (!allowsExternal(license)) throw metrcReplies.unauthorized();
    const errors = new RowErrors();
    const plans: Plan[] = [];
    for (const row of readRows(ctx)) {
      const before = errors.count;
      const add = (message: string) => errors.add(row.index, message);
      const existing =
        mode === 'update' ? ownExternal(ctx, row.number('TransferId'), add) : undefined;
      if (!row.text('ShipperLicenseNumber')) add('ShipperLicenseNumber was not specified.');
      if (!row.text('ShipperName')) add('ShipperName was not specified.');
      const planned = destinations(ctx, row, add);
      if (errors.count > before) continue;
      plans.push({ row, existing, deliveries: planned });
    }
    errors.throwIfAny();
    const ids = plans.map(({ row, existing, deliveries }) => {
      const id = existing?.id ?? ctx.state.nextId('transfer');
      for (const old of existing?.deliveries ?? []) ctx.state.index.deliveries.delete(old.id);
      const transfer: TransferRecord = existing ?? {
        id,
        lastModified: 0,
        manifestNumber: String(id).padStart(10, '0'),
        shipperLicense: '',
        transporterLicense: null,
        driverName: null,
        vehicleMake: null,
        vehicleModel: null,
        vehicleLicensePlateNumber: null,
        createdAt: ctx.now,
        createdBy: ctx.user.name,
        deliveries: [],
      };
      transfer.shipperLicense = row.text('ShipperLicenseNumber') ?? '';
      transfer.external = {
        shipperName: row.text('ShipperName') ?? '',
        recordedBy: license.number,
      };
      transfer.transporterLicense = row.text('TransporterFacilityLicenseNumber') ?? null;
      transfer.driverName = row.text('DriverName') ?? null;
      transfer.vehicleMake = row.text('VehicleMake') ?? null;
      transfer.vehicleModel = row.text('VehicleModel') ?? null;
      transfer.vehicleLicensePlateNumber = row.text('VehicleLicensePlateNumber') ?? null;
      transfer.deliveries = deliveries.map((fields) => {
        const delivery: DeliveryRecord = {
          ...fields,
          id: ctx.state.nextId('delivery'),
          transferId: id,
          packages: fields.packages.map((p) => ({ ...p, packageId: ctx.state.nextId('package') })),
        };
        ctx.state.index.deliveries.set(delivery.id, delivery);
        return delivery;
      });
      ctx.state.index.transfers.set(id, transfer);
      ctx.state.touch(ctx.state.transfers, transfer);
      return id;
    });
    return writeResult(ctx, ids);
  };
}

function voidTransfer(ctx: OperationContext) {
  if (!allowsExternal(licenseOf(ctx))) throw metrcReplies.unauthorized();
  let problem: string | undefined;
  const transfer = ownExternal(ctx, idParam(ctx), (message) => {
    problem ??= message;
  });
  if (!transfer) throw metrcReplies.objectNotFound(`External transfer ${ctx.params.id}`);
  if (problem) throw metrcReplies.badRequest(problem);
  for (const delivery of transfer.deliveries) ctx.state.index.deliveries.delete(delivery.id);
  ctx.state.index.transfers.delete(transfer.id);
  ctx.state.transfers.delete(transfer.id);
  return writeResult(ctx, [transfer.id]);
}

export const externalTransferOperations: OperationSpec[] = [
  operation('POST', '/transfers/v2/external/incoming', ACCESS, write('create')),
  operation('PUT', '/transfers/v2/external/incoming', ACCESS, write('update')),
  operation('DELETE', '/transfers/v2/external/incoming/{id}', ACCESS, voidTransfer),
];
