/**
 * The only transfer writes Metrc's API has for licensed shipments (fact 15): outgoing
 * templates — `POST`/`PUT /transfers/v2/templates/outgoing` and
 * `DELETE /transfers/v2/templates/outgoing/{id}` (archive). A template names recipients of
 * this state, a transfer type, a planned route, transporters and the shipper's active packages.
 */

import { type Row, RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import { TRANSFER_TYPES } from '../state/metrc-catalog.ts';
import type {
  LicenseRecord,
  TemplateDeliveryRecord,
  TemplateTransporterRecord,
  TransferTemplateRecord,
} from '../state/records.ts';
import { findUnit } from '../state/units-of-measure.ts';
import { parseLocalDateTime } from '../wire/metrc-time.ts';
import type { AddError } from './grow-rows.ts';
import { idParam, licenseOf, ownedRecord, writeAccess } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';
import { isActivePackage } from './packages-read-ops.ts';

type TemplateFields = Omit<
  TransferTemplateRecord,
  'id' | 'lastModified' | 'license' | 'createdAt' | 'createdBy' | 'deliveries'
> & { deliveries: Omit<TemplateDeliveryRecord, 'id' | 'templateId'>[] };

/** A license number of this state; another state's or an unknown one is refused. */
function stateLicense(
  ctx: OperationContext,
  number: string | undefined,
  what: string,
  add: AddError,
): LicenseRecord | undefined {
  const license = number === undefined ? undefined : ctx.state.licenses.get(number);
  if (!license || license.state !== ctx.metrcState) {
    add(`${what} License Number "${number ?? ''}" is not valid.`);
    return undefined;
  }
  return license;
}

/** A zone-less local date-time, as Metrc's examples write them [U: zones refused, as sales]. */
function localTime(row: Row, field: string, add: AddError): string | undefined {
  const parsed = parseLocalDateTime(row.raw(field));
  if (parsed.ok) return parsed.value;
  add(`${field} must be a local date and time without a time zone (yyyy-mm-ddThh:mm:ss).`);
  return undefined;
}

function readTemplate(ctx: OperationContext, row: Row, add: AddError): TemplateFields {
  const shipper = licenseOf(ctx);
  const name = row.text('Name');
  if (!name) add('Name was not specified.');
  const transporterNumber = row.text('TransporterFacilityLicenseNumber');
  if (transporterNumber !== undefined) stateLicense(ctx, transporterNumber, 'Transporter', add);
  const destinations = row.list('Destinations') ?? [];
  if (destinations.length === 0) add('Destinations were not specified.');
  const labels = new Set<string>();
  const deliveries = destinations.map((destination, d) => {
    const at = (message: string) => add(`Destination ${d + 1}: ${message}`);
    const recipientNumber = destination.text('RecipientLicenseNumber');
    const recipient = stateLicense(ctx, recipientNumber, 'Recipient', at);
    if (recipient === shipper) at('The recipient cannot be the shipper.');
    const typeName = destination.text('TransferTypeName');
    const type = TRANSFER_TYPES.find((t) => t.Name.toLowerCase() === typeName?.toLowerCase());
    if (!type?.ForLicensedShipments) at(`Transfer Type "${typeName ?? ''}" is not valid.`);
    // F8: templates need a planned route and the transporters' driver details.
    const plannedRoute = destination.text('PlannedRoute');
    if (!plannedRoute) at('PlannedRoute was not specified.');
    const departure = localTime(destination, 'EstimatedDepartureDateTime', at);
    const arrival = localTime(destination, 'EstimatedArrivalDateTime', at);
    if (departure && arrival && arrival < departure)
      at('EstimatedArrivalDateTime must not be before EstimatedDepartureDateTime.');
    const transporterRows = destination.list('Transporters') ?? [];
    if (transporterRows.length === 0) at('Transporters were not specified.');
    const transporters = transporterRows.map(
      (t): TemplateTransporterRecord => ({
        license:
          stateLicense(ctx, t.text('TransporterFacilityLicenseNumber'), 'Transporter', at)
            ?.number ?? '',
        driverName: t.text('DriverName') ?? null,
        driverOccupationalLicenseNumber: t.text('DriverOccupationalLicenseNumber') ?? null,
        driverLicenseNumber: t.text('DriverLicenseNumber') ?? null,
        vehicleMake: t.text('VehicleMake') ?? null,
        vehicleModel: t.text('VehicleModel') ?? null,
        vehicleLicensePlateNumber: t.text('VehicleLicensePlateNumber') ?? null,
      }),
    );
    const packageRows = destination.list('Packages') ?? [];
    if (packageRows.length === 0) at('Packages were not specified.');
    const packages = packageRows.flatMap((p) => {
      const label = p.text('PackageLabel')?.toUpperCase();
      const pkg = label ? ctx.state.index.packageByLabel.get(label) : undefined;
      if (!pkg || pkg.license !== shipper.number) {
        at(`Package ${label ?? ''} was not found in the current Facility.`);
        return [];
      }
      if (!isActivePackage(pkg)) at(`Package ${pkg.label} is not active.`);
      else if (pkg.isOnHold) at(`Package ${pkg.label} is on hold.`);
      else if (labels.has(pkg.label)) at(`Package ${pkg.label} appears more than once.`);
      labels.add(pkg.label);
      const price = p.number('WholesalePrice');
      // [U] A wholesale shipment without a price is refused.
      if (type?.Name === 'Wholesale' && price === undefined)
        at(`WholesalePrice is required for Package ${pkg.label}.`);
      if (price !== undefined && price < 0) at('WholesalePrice must not be negative.');
      const grossWeight = p.number('GrossWeight') ?? null;
      const grossUnit = p.text('GrossUnitOfWeightName') ?? null;
      if (grossWeight !== null && findUnit(grossUnit)?.quantityType !== 'WeightBased')
        at(`Unit of Measure "${grossUnit ?? ''}" is not a unit of weight.`);
      return [
        {
          packageId: pkg.id,
          label: pkg.label,
          wholesalePrice: price ?? null,
          grossWeight,
          grossUnit,
        },
      ];
    });
    return {
      recipientLicense: recipient?.number ?? '',
      transferTypeName: type?.Name ?? '',
      plannedRoute: plannedRoute ?? null,
      estimatedDeparture: departure ?? '',
      estimatedArrival: arrival ?? '',
      transporters,
      packages,
    };
  });
  return {
    name: name ?? '',
    transporterLicense: transporterNumber ?? null,
    driverName: row.text('DriverName') ?? null,
    driverOccupationalLicenseNumber: row.text('DriverOccupationalLicenseNumber') ?? null,
    driverLicenseNumber: row.text('DriverLicenseNumber') ?? null,
    phoneNumberForQuestions: row.text('PhoneNumberForQuestions') ?? null,
    vehicleMake: row.text('VehicleMake') ?? null,
    vehicleModel: row.text('VehicleModel') ?? null,
    vehicleLicensePlateNumber: row.text('VehicleLicensePlateNumber') ?? null,
    deliveries,
  };
}

/** Replaces a template's fields and deliveries (new delivery ids, as Metrc rebuilds them [U]). */
function store(ctx: OperationContext, template: TransferTemplateRecord, fields: TemplateFields) {
  const { index } = ctx.state;
  for (const old of template.deliveries) index.templateDeliveries.delete(old.id);
  Object.assign(template, fields, {
    deliveries: fields.deliveries.map((delivery) => ({
      ...delivery,
      id: ctx.state.nextId('templateDelivery'),
      templateId: template.id,
    })),
  });
  for (const delivery of template.deliveries) index.templateDeliveries.set(delivery.id, delivery);
  index.templates.set(template.id, template);
  ctx.state.touch(licenseOf(ctx).transferTemplates, template);
  return template.id;
}

function createTemplates(ctx: OperationContext) {
  const errors = new RowErrors();
  const plans = readRows(ctx).map((row) =>
    readTemplate(ctx, row, (message) => errors.add(row.index, message)),
  );
  errors.throwIfAny();
  const ids = plans.map((fields) =>
    store(
      ctx,
      {
        ...fields,
        id: ctx.state.nextId('template'),
        lastModified: 0,
        license: licenseOf(ctx).number,
        createdAt: ctx.now,
        createdBy: ctx.user.name,
        deliveries: [],
      },
      fields,
    ),
  );
  return writeResult(ctx, ids);
}

function updateTemplates(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const errors = new RowErrors();
  const plans: [TransferTemplateRecord, TemplateFields][] = [];
  for (const row of readRows(ctx)) {
    const add = (message: string) => errors.add(row.index, message);
    // TM names the key TransferTemplateId; OM's spec says TransferId [U: both accepted].
    const id = row.number('TransferTemplateId') ?? row.number('TransferId');
    const template = id === undefined ? undefined : ctx.state.index.templates.get(id);
    if (id === undefined) add('TransferTemplateId was not specified.');
    else if (!template || template.license !== license.number)
      add(`Transfer Template ${id} was not found in the current Facility.`);
    const fields = readTemplate(ctx, row, add);
    if (template) plans.push([template, fields]);
  }
  errors.throwIfAny();
  return writeResult(
    ctx,
    plans.map(([template, fields]) => store(ctx, template, fields)),
  );
}

/** Archives the template: it leaves the list and its deliveries stop resolving. */
function archiveTemplate(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const { index } = ctx.state;
  const template = ownedRecord(
    ctx,
    index.templates,
    idParam(ctx),
    `Transfer Template ${ctx.params.id}`,
  );
  license.transferTemplates.delete(template.id);
  index.templates.delete(template.id);
  for (const delivery of template.deliveries) index.templateDeliveries.delete(delivery.id);
  return writeResult(ctx, [template.id]);
}

const MANAGE = writeAccess([['Manage Transfer Templates']]);

export const transferTemplateOperations: OperationSpec[] = [
  operation('POST', '/transfers/v2/templates/outgoing', MANAGE, createTemplates),
  operation('PUT', '/transfers/v2/templates/outgoing', MANAGE, updateTemplates),
  operation('DELETE', '/transfers/v2/templates/outgoing/{id}', MANAGE, archiveTemplate),
];
