/**
 * Transfers are read-mostly (fact 15): incoming/outgoing/rejected lists, the drill-down from a
 * transfer to its deliveries and their packages, templates and their deliveries. The drill-down
 * takes no `licenseNumber` (Metrc's ids are global): the user must work, with View or Manage
 * Transfers, at a license the transfer involves — otherwise 401 [U].
 */

import { envelope } from '../http/list-response.ts';
import { metrcReplies } from '../http/metrc-replies.ts';
import type { Permission } from '../state/metrc-permissions.ts';
import type { DeliveryRecord, TransferRecord } from '../state/records.ts';
import {
  wireDelivery,
  wireDeliveryPackage,
  wireTemplate,
  wireTemplateDelivery,
  wireTemplatePackage,
  wireTransfer,
} from '../wire/wire-transfers.ts';
import { EVERYTHING, idParam, licenseOf, listOf, RECENT, section } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';

const TRANSFER_PERMISSIONS: readonly Permission[] = ['View Transfers', 'Manage Transfers'];
const TEMPLATE_PERMISSIONS: readonly Permission[] = [
  'View Transfer Templates',
  'Manage Transfer Templates',
];
const VIEW_TRANSFERS = section(TRANSFER_PERMISSIONS);
const VIEW_TEMPLATES = section(TEMPLATE_PERMISSIONS);

/** A list row: a transfer seen through one of its deliveries. */
interface TransferRow {
  id: number;
  lastModified: number;
  transfer: TransferRecord;
  delivery: DeliveryRecord | undefined;
}

/** Incoming: a row per delivery addressed to the license; outgoing: a row per transfer. */
function* transferRows(
  ctx: OperationContext,
  which: 'incoming' | 'outgoing' | 'rejected',
): Generator<TransferRow> {
  const mine = licenseOf(ctx).number;
  for (const transfer of ctx.state.transfers.values()) {
    const row = { id: transfer.id, lastModified: transfer.lastModified, transfer };
    if (which === 'outgoing') {
      const live = transfer.deliveries.some((d) => !d.rejected);
      if (transfer.shipperLicense === mine && live)
        yield { ...row, delivery: transfer.deliveries[0] };
      continue;
    }
    for (const delivery of transfer.deliveries) {
      const toMe = delivery.recipientLicense === mine;
      if (which === 'incoming' && toMe && !delivery.rejected) yield { ...row, delivery };
      if (which === 'rejected' && delivery.rejected && (toMe || transfer.shipperLicense === mine))
        yield { ...row, delivery };
    }
  }
}

function* hubRows(ctx: OperationContext): Generator<TransferRow> {
  const mine = licenseOf(ctx).number;
  for (const transfer of ctx.state.transfers.values()) {
    if (transfer.transporterLicense !== mine) continue;
    for (const delivery of transfer.deliveries)
      yield { id: transfer.id, lastModified: transfer.lastModified, transfer, delivery };
  }
}

const transferList = (which: 'incoming' | 'outgoing' | 'rejected') =>
  listOf(
    (ctx) => transferRows(ctx, which),
    (ctx, row) => wireTransfer(ctx.state, row.transfer, row.delivery),
    which === 'rejected' ? EVERYTHING : RECENT,
  );

/** Whether the user works at `license` (in this state) with one of `permissions`. */
function mayView(
  ctx: OperationContext,
  license: string | null,
  permissions: readonly Permission[],
) {
  const record = license === null ? undefined : ctx.state.licenses.get(license);
  if (!record || record.state !== ctx.metrcState) return false;
  const employee = record.employees.get(ctx.user.id);
  return !!employee && permissions.some((name) => employee.permissions.has(name));
}

/** `GET /transfers/v2/{id}/deliveries`: all of them for the shipper or transporter. */
function transferDeliveries(ctx: OperationContext) {
  const transfer = ctx.state.index.transfers.get(idParam(ctx));
  if (!transfer) throw metrcReplies.objectNotFound(`Transfer ${ctx.params.id}`);
  const sender =
    mayView(ctx, transfer.shipperLicense, TRANSFER_PERMISSIONS) ||
    mayView(ctx, transfer.transporterLicense, TRANSFER_PERMISSIONS);
  // A recipient sees only the deliveries addressed to it [U].
  const visible = sender
    ? transfer.deliveries
    : transfer.deliveries.filter((d) => mayView(ctx, d.recipientLicense, TRANSFER_PERMISSIONS));
  if (visible.length === 0) throw metrcReplies.unauthorized();
  return { body: envelope(ctx, visible, (d) => wireDelivery(ctx.state, d)) };
}

/** A delivery by id that the user may see (shipper, transporter or its recipient). */
function visibleDelivery(ctx: OperationContext): [DeliveryRecord, TransferRecord] {
  const delivery = ctx.state.index.deliveries.get(idParam(ctx));
  const transfer = delivery && ctx.state.index.transfers.get(delivery.transferId);
  if (!delivery || !transfer) throw metrcReplies.objectNotFound(`Delivery ${ctx.params.id}`);
  const involved = [
    transfer.shipperLicense,
    transfer.transporterLicense,
    delivery.recipientLicense,
  ];
  if (!involved.some((license) => mayView(ctx, license, TRANSFER_PERMISSIONS)))
    throw metrcReplies.unauthorized();
  return [delivery, transfer];
}

/** `GET /transfers/v2/deliveries/{id}/packages`: the packages as shipped on one delivery. */
function deliveryPackages(ctx: OperationContext) {
  const [delivery] = visibleDelivery(ctx);
  return { body: envelope(ctx, delivery.packages, (p) => wireDeliveryPackage(ctx.state, p)) };
}

/** The transporter legs of a delivery: the transfer's transporter, outbound [U]. */
function deliveryTransporters(ctx: OperationContext) {
  const [, transfer] = visibleDelivery(ctx);
  const legs = transfer.transporterLicense === null ? [] : [transfer.transporterLicense];
  return {
    body: envelope(ctx, legs, (number) => ({
      TransporterFacilityLicenseNumber: number,
      TransporterFacilityName: ctx.state.licenses.get(number)?.name ?? null,
      TransporterDirection: 'Outbound',
    })),
  };
}

function deliveryTransporterDetails(ctx: OperationContext) {
  const [, transfer] = visibleDelivery(ctx);
  const legs = transfer.transporterLicense === null ? [] : [transfer];
  return {
    body: envelope(ctx, legs, (t) => ({
      DriverName: t.driverName,
      DriverOccupationalLicenseNumber: null,
      DriverVehicleLicenseNumber: null,
      VehicleMake: t.vehicleMake,
      VehicleModel: t.vehicleModel,
      VehicleLicensePlateNumber: t.vehicleLicensePlateNumber,
      ActualDriverStartDateTime: null,
    })),
  };
}

function deliveryWholesale(ctx: OperationContext) {
  const [delivery] = visibleDelivery(ctx);
  return {
    body: envelope(ctx, delivery.packages, (p) => ({
      PackageId: p.packageId,
      PackageLabel: p.label,
      ShipperWholesalePrice: p.wholesalePrice,
      ReceiverWholesalePrice: p.state === 'Accepted' ? p.wholesalePrice : null,
    })),
  };
}

/** Required lab test batches of a shipped package: the emulator keeps none, so an empty page. */
function requiredLabTestBatches(ctx: OperationContext) {
  const packageId = idParam(ctx);
  for (const transfer of ctx.state.transfers.values())
    for (const delivery of transfer.deliveries)
      if (delivery.packages.some((p) => p.packageId === packageId)) {
        const involved = [
          transfer.shipperLicense,
          transfer.transporterLicense,
          delivery.recipientLicense,
        ];
        if (!involved.some((license) => mayView(ctx, license, TRANSFER_PERMISSIONS)))
          throw metrcReplies.unauthorized();
        return { body: envelope(ctx, [], () => null) };
      }
  throw metrcReplies.objectNotFound(`Delivery package ${packageId}`);
}

/** A template delivery the user may see (the template's license). */
function visibleTemplateDelivery(ctx: OperationContext) {
  const delivery = ctx.state.index.templateDeliveries.get(idParam(ctx));
  const template = delivery && ctx.state.index.templates.get(delivery.templateId);
  if (!delivery || !template)
    throw metrcReplies.objectNotFound(`Transfer template delivery ${ctx.params.id}`);
  if (!mayView(ctx, template.license, TEMPLATE_PERMISSIONS)) throw metrcReplies.unauthorized();
  return delivery;
}

function templateDeliveries(ctx: OperationContext) {
  const template = ctx.state.index.templates.get(idParam(ctx));
  if (!template) throw metrcReplies.objectNotFound(`Transfer template ${ctx.params.id}`);
  if (!mayView(ctx, template.license, TEMPLATE_PERMISSIONS)) throw metrcReplies.unauthorized();
  return { body: envelope(ctx, template.deliveries, (d) => wireTemplateDelivery(ctx.state, d)) };
}

function templateDeliveryPackages(ctx: OperationContext) {
  const delivery = ctx.state.index.templateDeliveries.get(idParam(ctx));
  const template = delivery && ctx.state.index.templates.get(delivery.templateId);
  if (!delivery || !template)
    throw metrcReplies.objectNotFound(`Transfer template delivery ${ctx.params.id}`);
  if (!mayView(ctx, template.license, TEMPLATE_PERMISSIONS)) throw metrcReplies.unauthorized();
  return { body: envelope(ctx, delivery.packages, (p) => wireTemplatePackage(ctx.state, p)) };
}

const drillDown = { license: 'none' } as const;

export const transferReadOperations: OperationSpec[] = [
  operation('GET', '/transfers/v2/incoming', VIEW_TRANSFERS, transferList('incoming')),
  operation('GET', '/transfers/v2/outgoing', VIEW_TRANSFERS, transferList('outgoing')),
  operation('GET', '/transfers/v2/rejected', VIEW_TRANSFERS, transferList('rejected')),
  operation('GET', '/transfers/v2/{id}/deliveries', drillDown, transferDeliveries),
  operation('GET', '/transfers/v2/deliveries/{id}/packages', drillDown, deliveryPackages),
  operation('GET', '/transfers/v2/deliveries/{id}/transporters', drillDown, deliveryTransporters),
  operation(
    'GET',
    '/transfers/v2/deliveries/{id}/transporters/details',
    drillDown,
    deliveryTransporterDetails,
  ),
  operation(
    'GET',
    '/transfers/v2/deliveries/{id}/packages/wholesale',
    drillDown,
    deliveryWholesale,
  ),
  operation(
    'GET',
    '/transfers/v2/deliveries/package/{id}/requiredlabtestbatches',
    drillDown,
    requiredLabTestBatches,
  ),
  operation(
    'GET',
    '/transfers/v2/templates/outgoing/deliveries/{id}/transporters',
    drillDown,
    (ctx) => {
      const delivery = visibleTemplateDelivery(ctx);
      return {
        body: envelope(ctx, delivery.transporters, (t) => ({
          TransporterFacilityLicenseNumber: t.license,
          TransporterFacilityName: ctx.state.licenses.get(t.license)?.name ?? null,
          TransporterDirection: 'Outbound',
        })),
      };
    },
  ),
  operation(
    'GET',
    '/transfers/v2/templates/outgoing/deliveries/{id}/transporters/details',
    drillDown,
    (ctx) => {
      const delivery = visibleTemplateDelivery(ctx);
      return {
        body: envelope(ctx, delivery.transporters, (t) => ({
          DriverName: t.driverName,
          DriverOccupationalLicenseNumber: t.driverOccupationalLicenseNumber,
          DriverVehicleLicenseNumber: t.driverLicenseNumber,
          VehicleMake: t.vehicleMake,
          VehicleModel: t.vehicleModel,
          VehicleLicensePlateNumber: t.vehicleLicensePlateNumber,
          ActualDriverStartDateTime: null,
        })),
      };
    },
  ),
  // Hub: transfers this license carries as the transporter (a row per delivery) [U].
  operation(
    'GET',
    '/transfers/v2/hub',
    VIEW_TRANSFERS,
    listOf(
      (ctx) => hubRows(ctx),
      (ctx, row) => {
        const wire = wireTransfer(ctx.state, row.transfer, row.delivery);
        // The hub view numbers the transaction type (OM's TransferHub) [U: 0 standard, 1 wholesale].
        const type = (wire as { ShipmentTransactionType?: unknown }).ShipmentTransactionType;
        return { ...wire, ShipmentTransactionType: type === 'Wholesale' ? 1 : 0 };
      },
      RECENT,
    ),
  ),
  operation(
    'GET',
    '/transfers/v2/templates/outgoing',
    VIEW_TEMPLATES,
    listOf(
      (ctx) => licenseOf(ctx).transferTemplates.values(),
      (ctx, template) => wireTemplate(ctx.state, template),
      RECENT,
    ),
  ),
  operation(
    'GET',
    '/transfers/v2/templates/outgoing/{id}/deliveries',
    drillDown,
    templateDeliveries,
  ),
  operation(
    'GET',
    '/transfers/v2/templates/outgoing/deliveries/{id}/packages',
    drillDown,
    templateDeliveryPackages,
  ),
];
