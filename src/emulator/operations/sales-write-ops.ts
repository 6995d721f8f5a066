/**
 * Sales receipts: record (POST), correct (PUT, needs `Id`), void (DELETE archives), finalize and
 * unfinalize. A sale draws its packages down; no dedupe of ExternalReceiptNumber (fact 12).
 */

import { metrcReplies } from '../http/metrc-replies.ts';
import { type Row, RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import { CUSTOMER_TYPES } from '../state/metrc-catalog.ts';
import { METRC_STATE_TIME_ZONES } from '../state/metrc-states.ts';
import type { ReceiptRecord, SaleLineRecord } from '../state/records.ts';
import { findUnit } from '../state/units-of-measure.ts';
import { formatLocalDateTime, parseLocalDateTime } from '../wire/metrc-time.ts';
import { idParam, licenseOf, ownedRecord, PERMS } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';
import { PackageLedger } from './package-ledger.ts';
import { isActivePackage } from './packages-read-ops.ts';

/** Which FacilityType flag lets a facility sell to each customer type. */
const CUSTOMER_FLAGS = {
  Consumer: 'CanSellToConsumers',
  Patient: 'CanSellToPatients',
  Caregiver: 'CanSellToCaregivers',
  ExternalPatient: 'CanSellToExternalPatients',
  NonResidentConsumer: 'RetailSalesToNonResidentConsumer',
} as const;

/** Clock skew allowed between a POS and Metrc before a sale counts as "in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

interface PlannedReceipt {
  row: Row;
  existing: ReceiptRecord | undefined;
  salesDateTime: string;
  customerType: string;
  lines: Omit<SaleLineRecord, 'recordedAt' | 'recordedBy'>[];
}

/** The latest `SalesDateTime` a request may carry, in the facility's local time. */
function latestSaleTime(ctx: OperationContext): string {
  const zone = METRC_STATE_TIME_ZONES[licenseOf(ctx).state];
  return formatLocalDateTime(ctx.now + FUTURE_TOLERANCE_MS, zone);
}

function checkReceipt(
  ctx: OperationContext,
  row: Row,
  ledger: PackageLedger,
  add: (message: string) => void,
  existing: ReceiptRecord | undefined,
  latest: string,
): PlannedReceipt | undefined {
  const license = licenseOf(ctx);
  const ft = license.facilityType;
  const when = parseLocalDateTime(row.raw('SalesDateTime'));
  if (!when.ok) {
    add(
      when.reason === 'zone'
        ? "SalesDateTime must be the facility's local date and time, without a time zone."
        : 'SalesDateTime is not a valid date and time (yyyy-mm-ddThh:mm:ss.fff).',
    );
  } else if (when.value > latest) {
    add('SalesDateTime cannot be in the future.');
  }
  const typeText = row.text('SalesCustomerType');
  const customerType = CUSTOMER_TYPES.find((t) => t.toLowerCase() === typeText?.toLowerCase());
  if (!customerType) add(`Sales Customer Type "${typeText ?? ''}" is not valid.`);
  else if (!ft[CUSTOMER_FLAGS[customerType]])
    add(`The facility cannot sell to ${customerType} customers.`);
  const patient = row.text('PatientLicenseNumber');
  const caregiver = row.text('CaregiverLicenseNumber');
  if (customerType === 'Patient' && ft.SalesRequirePatientNumber && !patient)
    add('PatientLicenseNumber is required.');
  if (customerType === 'Caregiver' && ft.SalesRequireCaregiverNumber && !caregiver) {
    add('CaregiverLicenseNumber is required.');
  }

  const transactions = row.list('Transactions') ?? [];
  if (transactions.length === 0) add('Transactions were not specified.');
  const lines: PlannedReceipt['lines'] = [];
  for (const line of transactions) {
    const label = line.text('PackageLabel')?.toUpperCase();
    const pkg = label ? ctx.state.index.packageByLabel.get(label) : undefined;
    if (!pkg || pkg.license !== license.number) {
      add(`Package ${label ?? ''} was not found in the current Facility.`);
      continue;
    }
    if (!isActivePackage(pkg)) add(`Package ${label} is not active.`);
    if (pkg.isOnHold) add(`Package ${label} is on hold.`);
    const quantity = line.number('Quantity');
    const amount = line.number('TotalAmount');
    if (amount === undefined || amount < 0)
      add(`TotalAmount for Package ${label} must be zero or more.`);
    if (quantity === undefined || quantity <= 0) {
      add(`Quantity for Package ${label} must be greater than zero.`);
      continue;
    }
    const unitName = line.text('UnitOfMeasure');
    const draw = ledger.change(pkg, -quantity, unitName);
    if (!draw.ok) add(draw.message);
    lines.push({
      packageId: pkg.id,
      packageLabel: pkg.label,
      quantity,
      unit: findUnit(unitName)?.name ?? unitName ?? '',
      totalAmount: amount ?? 0,
    });
  }
  if (!when.ok || !customerType) return undefined;
  return { row, existing, salesDateTime: when.value, customerType, lines };
}

/** Plans giving back what a receipt's lines took, e.g. before replacing or voiding it. */
function creditLines(ctx: OperationContext, ledger: PackageLedger, receipt: ReceiptRecord) {
  for (const line of receipt.lines) {
    const pkg = ctx.state.index.packages.get(line.packageId);
    if (pkg) ledger.change(pkg, line.quantity, line.unit);
  }
}

function applyLedger(ctx: OperationContext, ledger: PackageLedger) {
  const license = licenseOf(ctx);
  for (const [id, quantity] of ledger.entries()) {
    const pkg = ctx.state.index.packages.get(id);
    if (!pkg || pkg.quantity === quantity) continue;
    pkg.quantity = quantity;
    ctx.state.touch(license.packages, pkg);
  }
}

function writeReceipts(mode: 'create' | 'update') {
  return (ctx: OperationContext) => {
    const license = licenseOf(ctx);
    const rows = readRows(ctx);
    const errors = new RowErrors();
    const ledger = new PackageLedger();
    const planned: PlannedReceipt[] = [];
    const externalNumbers = new Set<string>();
    // One clock reading per request: formatting a zoned time costs more than checking a row.
    const latest = latestSaleTime(ctx);
    for (const row of rows) {
      const add = (message: string) => errors.add(row.index, message);
      let existing: ReceiptRecord | undefined;
      if (mode === 'update') {
        existing = findReceipt(ctx, row.number('Id'), add);
        if (existing) creditLines(ctx, ledger, existing);
      }
      const external = row.text('ExternalReceiptNumber');
      if (mode === 'create' && external && ctx.config.rejectDuplicateExternalReceiptNumbers) {
        const taken = [...license.receipts.values()].some(
          (r) => r.externalReceiptNumber === external,
        );
        if (taken || externalNumbers.has(external))
          add(`A receipt with External Receipt Number ${external} already exists.`);
        externalNumbers.add(external);
      }
      const plan = checkReceipt(ctx, row, ledger, add, existing, latest);
      if (plan) planned.push(plan);
    }
    errors.throwIfAny();
    applyLedger(ctx, ledger);
    const ids = planned.map((plan) => saveReceipt(ctx, plan));
    return writeResult(ctx, ids);
  };
}

function findReceipt(
  ctx: OperationContext,
  id: number | undefined,
  add: (message: string) => void,
) {
  const receipt = id === undefined ? undefined : ctx.state.index.receipts.get(id);
  if (!receipt || receipt.license !== licenseOf(ctx).number) {
    add(`Receipt ${id ?? ''} was not found in the current Facility.`);
    return undefined;
  }
  if (receipt.archivedAt !== null) add(`Receipt ${id} has been archived.`);
  else if (receipt.isFinal) add(`Receipt ${id} is finalized and cannot be changed.`);
  return receipt.archivedAt === null && !receipt.isFinal ? receipt : undefined;
}

function saveReceipt(ctx: OperationContext, plan: PlannedReceipt): number {
  const license = licenseOf(ctx);
  const { state } = ctx;
  const recordedAt = state.stamp();
  const lines = plan.lines.map((line) => ({ ...line, recordedAt, recordedBy: ctx.user.name }));
  const fields = {
    externalReceiptNumber: plan.row.text('ExternalReceiptNumber') ?? null,
    salesDateTime: plan.salesDateTime,
    salesCustomerType: plan.customerType,
    patientLicenseNumber: plan.row.text('PatientLicenseNumber') ?? null,
    caregiverLicenseNumber: plan.row.text('CaregiverLicenseNumber') ?? null,
    identificationMethod: plan.row.text('IdentificationMethod') ?? null,
    patientRegistrationLocationId: plan.row.number('PatientRegistrationLocationId') ?? null,
    lines,
  };
  if (plan.existing) {
    Object.assign(plan.existing, fields);
    state.touch(license.receipts, plan.existing);
    return plan.existing.id;
  }
  const id = state.nextId('receipt');
  const receipt: ReceiptRecord = {
    id,
    lastModified: 0,
    license: license.number,
    receiptNumber: String(id).padStart(10, '0'),
    ...fields,
    isFinal: false,
    archivedAt: null,
    recordedAt,
    // Attribution: Metrc records the action under the user who owns the key (Outlaw).
    recordedBy: ctx.user.name,
  };
  state.index.receipts.set(id, receipt);
  state.touch(license.receipts, receipt);
  return id;
}

/** `DELETE /sales/v2/receipts/{id}`: archives (voids) the receipt and gives its quantities back [U]. */
function voidReceipt(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const receipt = ownedRecord(
    ctx,
    ctx.state.index.receipts,
    idParam(ctx),
    `Receipt ${ctx.params.id}`,
  );
  if (receipt.archivedAt !== null)
    throw metrcReplies.badRequest(`Receipt ${receipt.id} has already been archived.`);
  if (receipt.isFinal)
    throw metrcReplies.badRequest(`Receipt ${receipt.id} is finalized and cannot be archived.`);
  const ledger = new PackageLedger();
  creditLines(ctx, ledger, receipt);
  applyLedger(ctx, ledger);
  receipt.archivedAt = ctx.state.stamp();
  ctx.state.touch(license.receipts, receipt);
  return writeResult(ctx, [receipt.id]);
}

function setFinal(final: boolean) {
  return (ctx: OperationContext) => {
    const license = licenseOf(ctx);
    const rows = readRows(ctx);
    const errors = new RowErrors();
    const targets: ReceiptRecord[] = [];
    for (const row of rows) {
      const id = row.number('Id');
      const receipt = id === undefined ? undefined : ctx.state.index.receipts.get(id);
      if (!receipt || receipt.license !== license.number)
        errors.add(row.index, `Receipt ${id ?? ''} was not found in the current Facility.`);
      else if (receipt.archivedAt !== null)
        errors.add(row.index, `Receipt ${id} has been archived.`);
      else if (receipt.isFinal === final)
        errors.add(row.index, `Receipt ${id} is ${final ? 'already' : 'not'} finalized.`);
      else targets.push(receipt);
    }
    errors.throwIfAny();
    for (const receipt of targets) {
      receipt.isFinal = final;
      ctx.state.touch(license.receipts, receipt);
    }
    return writeResult(
      ctx,
      targets.map((receipt) => receipt.id),
    );
  };
}

const manage = { license: 'required', permissions: [PERMS.manageSales], gate: 'sales' } as const;

export const salesWriteOperations: OperationSpec[] = [
  operation('POST', '/sales/v2/receipts', manage, writeReceipts('create')),
  operation('PUT', '/sales/v2/receipts', manage, writeReceipts('update')),
  operation('DELETE', '/sales/v2/receipts/{id}', manage, voidReceipt),
  operation('PUT', '/sales/v2/receipts/finalize', manage, setFinal(true)),
  operation('PUT', '/sales/v2/receipts/unfinalize', manage, setFinal(false)),
];
