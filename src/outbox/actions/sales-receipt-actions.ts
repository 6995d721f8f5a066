/**
 * Sales receipts: record (batched), correct, void. Every receipt carries an external number
 * (the POS's own, or the submission reference), which is how an ambiguous create is
 * reconciled and how a correction or void finds a receipt created through Tracegate.
 */
import { z } from 'zod';
import {
  type CreateReceiptRow,
  createReceipts,
  findReceiptsByExternalNumber,
  getReceipt,
  type MetrcApi,
  MetrcNotFoundError,
  type ReceiptIdRow,
  type UpdateReceiptRow,
  updateReceipts,
  voidReceipt,
} from '../../metrc/index.ts';
import { outboxErrors } from '../outbox-errors.ts';
import {
  metrcId,
  money,
  optionalText,
  positiveQuantity,
  requiredText,
  tagLabel,
  unitOfMeasure,
} from './action-fields.ts';
import { metrcLocalDateTime } from './action-time-fns.ts';
import type { ActionContext, MetrcObjectRef, OutboxAction } from './action-types.ts';

const saleLine = z.strictObject({
  packageLabel: tagLabel,
  quantity: positiveQuantity,
  unitOfMeasure,
  totalAmount: money,
  price: money.optional(),
  exciseTax: money.optional(),
  salesTax: money.optional(),
  cityTax: money.optional(),
  countyTax: money.optional(),
  municipalTax: money.optional(),
  discountAmount: money.optional(),
  subTotal: money.optional(),
  invoiceNumber: optionalText(),
});

const receiptFields = {
  customerType: requiredText(50).default('Consumer'),
  patientLicenseNumber: optionalText(),
  caregiverLicenseNumber: optionalText(),
  identificationMethod: optionalText(),
  lines: z.array(saleLine).min(1, 'needs at least one line').max(500, 'at most 500 lines'),
};

export const createReceiptPayload = z.strictObject({
  /** The POS's receipt number; Tracegate uses the submission reference when absent. */
  externalNumber: optionalText(100),
  ...receiptFields,
});
export type CreateReceiptPayload = z.infer<typeof createReceiptPayload>;

/** A receipt Tracegate reports about later: by Metrc id, or by its external number. */
const receiptRef = {
  receiptId: metrcId.optional(),
  externalNumber: optionalText(100),
};
const hasRef = (p: { receiptId?: number | undefined; externalNumber?: string | undefined }) =>
  p.receiptId !== undefined || p.externalNumber !== undefined;
const refIssue = { message: 'give receiptId or externalNumber', path: ['externalNumber'] };

export const updateReceiptPayload = z
  .strictObject({ ...receiptRef, ...receiptFields })
  .refine(hasRef, refIssue);
export type UpdateReceiptPayload = z.infer<typeof updateReceiptPayload>;

export const voidReceiptPayload = z.strictObject(receiptRef).refine(hasRef, refIssue);
export type VoidReceiptPayload = z.infer<typeof voidReceiptPayload>;

type ReceiptBody = z.infer<typeof saleLine>[];

function transactions(lines: ReceiptBody): CreateReceiptRow['Transactions'] {
  return lines.map((line) => ({
    PackageLabel: line.packageLabel,
    Quantity: line.quantity,
    UnitOfMeasure: line.unitOfMeasure,
    TotalAmount: line.totalAmount,
    Price: line.price ?? null,
    ExciseTax: line.exciseTax ?? null,
    SalesTax: line.salesTax ?? null,
    CityTax: line.cityTax ?? null,
    CountyTax: line.countyTax ?? null,
    MunicipalTax: line.municipalTax ?? null,
    DiscountAmount: line.discountAmount ?? null,
    SubTotal: line.subTotal ?? null,
    InvoiceNumber: line.invoiceNumber ?? null,
  }));
}

function receiptRow(
  payload: Omit<CreateReceiptPayload, 'externalNumber'>,
  externalNumber: string,
  context: ActionContext,
): CreateReceiptRow {
  return {
    // Rule 8: the moment of the sale, facility-local, whenever it is finally reported.
    SalesDateTime: metrcLocalDateTime(context.occurredAt, context.timeZone),
    SalesCustomerType: payload.customerType,
    ExternalReceiptNumber: externalNumber,
    PatientLicenseNumber: payload.patientLicenseNumber ?? null,
    CaregiverLicenseNumber: payload.caregiverLicenseNumber ?? null,
    IdentificationMethod: payload.identificationMethod ?? null,
    Transactions: transactions(payload.lines),
  };
}

const packagesOf = (lines: ReceiptBody): MetrcObjectRef[] => [
  ...new Set(lines.map((line) => `package:${line.packageLabel}` as const)),
];

/** The Metrc id of a receipt referred to by external number; the live one if several. */
async function receiptIdFor(
  api: MetrcApi,
  payload: { receiptId?: number | undefined; externalNumber?: string | undefined },
  context: ActionContext,
): Promise<number> {
  if (payload.receiptId !== undefined) return payload.receiptId;
  const externalNumber = payload.externalNumber ?? context.reference;
  const found = await findReceiptsByExternalNumber(api, {
    licenseNumber: context.licenseNumber,
    externalNumber,
    since: new Date(context.occurredAt.getTime() - 86_400_000),
  });
  const live = found.find((receipt) => !receipt.ArchivedDate) ?? found[0];
  if (!live) {
    throw outboxErrors.OUTBOX_OBJECT_NOT_FOUND({
      message: `Metrc has no receipt with external number ${externalNumber}.`,
      details: { externalNumber },
    });
  }
  return live.Id;
}

const receiptRefOf = (
  payload: { receiptId?: number | undefined; externalNumber?: string | undefined },
  reference: string,
): MetrcObjectRef =>
  payload.externalNumber !== undefined
    ? `receipt:${payload.externalNumber}`
    : payload.receiptId !== undefined
      ? `receipt:#${payload.receiptId}`
      : `receipt:${reference}`;

export const createReceiptAction: OutboxAction<CreateReceiptPayload, CreateReceiptRow> = {
  kind: 'sales.receipt.create',
  family: 'sales',
  title: 'Record a sales receipt',
  payloadSchema: createReceiptPayload,
  feature: 'sales',
  batch: { maxRows: 100 },
  idempotent: false,
  touches: (payload, { reference }) => [
    `receipt:${payload.externalNumber ?? reference}`,
    ...packagesOf(payload.lines),
  ],
  toRow: (payload, context) =>
    receiptRow(payload, payload.externalNumber ?? context.reference, context),
  send: (api, input) => createReceipts(api, input),
  async lookup(api, input) {
    const externalNumber = input.row.ExternalReceiptNumber ?? input.context.reference;
    const found = await findReceiptsByExternalNumber(api, {
      licenseNumber: input.licenseNumber,
      externalNumber,
      since: input.sentAt,
      signal: input.signal,
    });
    return found.length > 0
      ? { landed: true, metrcIds: found.map((receipt) => receipt.Id) }
      : { landed: false };
  },
};

export const updateReceiptAction: OutboxAction<UpdateReceiptPayload, UpdateReceiptRow> = {
  kind: 'sales.receipt.update',
  family: 'sales',
  title: 'Correct a sales receipt',
  payloadSchema: updateReceiptPayload,
  feature: 'sales',
  batch: { maxRows: 100 },
  // A PUT of the whole receipt: sending it twice leaves Metrc as sending it once.
  idempotent: true,
  touches: (payload, { reference }) => [
    receiptRefOf(payload, reference),
    ...packagesOf(payload.lines),
  ],
  async resolve(api, payload, context) {
    return { ...payload, receiptId: await receiptIdFor(api, payload, context) };
  },
  toRow(payload, context) {
    if (payload.receiptId === undefined) throw new Error('receiptId is resolved before toRow');
    return {
      Id: payload.receiptId,
      ...receiptRow(payload, payload.externalNumber ?? context.reference, context),
    };
  },
  send: (api, input) => updateReceipts(api, input),
};

export const voidReceiptAction: OutboxAction<VoidReceiptPayload, ReceiptIdRow> = {
  kind: 'sales.receipt.void',
  family: 'sales',
  title: 'Void a sales receipt',
  payloadSchema: voidReceiptPayload,
  feature: 'sales',
  batch: null,
  idempotent: false,
  touches: (payload, { reference }) => [receiptRefOf(payload, reference)],
  async resolve(api, payload, context) {
    return { ...payload, receiptId: await receiptIdFor(api, payload, context) };
  },
  toRow(payload) {
    if (payload.receiptId === undefined) throw new Error('receiptId is resolved before toRow');
    return { Id: payload.receiptId };
  },
  send(api, input) {
    const [row] = input.rows;
    if (!row || input.rows.length !== 1) throw new Error('a void takes exactly one receipt');
    return voidReceipt(api, {
      licenseNumber: input.licenseNumber,
      id: row.Id,
      signal: input.signal,
    });
  },
  async lookup(api, input) {
    try {
      const receipt = await getReceipt(api, {
        licenseNumber: input.licenseNumber,
        id: input.row.Id,
        signal: input.signal,
      });
      return receipt.ArchivedDate ? { landed: true, metrcIds: [receipt.Id] } : { landed: false };
    } catch (error) {
      // Gone entirely: nothing left to void.
      if (error instanceof MetrcNotFoundError && error.kind === 'object') {
        return { landed: true, metrcIds: [input.row.Id] };
      }
      throw error;
    }
  },
};

/** The sales family, in catalogue order. */
export const SALES_RECEIPT_ACTIONS = [
  createReceiptAction,
  updateReceiptAction,
  voidReceiptAction,
] as const;
