/** Sales receipts: lists, lookups, record, correct, void, finalize; customer types; deliveries. */
import { z } from 'zod';
import {
  getArray,
  getObject,
  getPage,
  type LicenseQuery,
  type ListQuery,
  licenseList,
  listSpec,
  type MetrcPage,
  rowsWrite,
  sendWithoutBody,
} from './endpoint-helpers.ts';
import type { MetrcApi, MetrcWriteResult } from './metrc-api.ts';
import { requestSummary } from './metrc-api.ts';
import { createReceiptRow, receiptIdRow, updateReceiptRow } from './metrc-bodies.ts';
import { MetrcNotFoundError, MetrcRequestInvalidError } from './metrc-errors.ts';
import { pathSegment } from './metrc-http.ts';
import {
  looseRecordSchema,
  type MetrcReceipt,
  nameSchema,
  receiptSchema,
} from './metrc-records.ts';

/**
 * A receipt list is windowed by lastModified or by sales date (facility-local), never both
 * (Metrc answers 400). Without any window Metrc returns no receipts at all.
 */
export interface ReceiptListQuery extends ListQuery {
  /** `YYYY-MM-DD` or facility-local `YYYY-MM-DDThh:mm:ss`. */
  salesDateStart?: string;
  salesDateEnd?: string;
}

function receiptList(path: string) {
  return async (api: MetrcApi, query: ReceiptListQuery): Promise<MetrcPage<MetrcReceipt>> => {
    const { salesDateStart, salesDateEnd } = query;
    const problems: string[] = [];
    if ((salesDateStart === undefined) !== (salesDateEnd === undefined)) {
      problems.push('salesDateStart and salesDateEnd go together');
    }
    if (salesDateStart !== undefined && query.lastModifiedStart !== undefined) {
      problems.push('a sales-date window and a lastModified window cannot be combined');
    }
    if (problems.length > 0) {
      throw new MetrcRequestInvalidError({
        request: requestSummary(api.state, 'GET', path, query.licenseNumber),
        issues: problems,
      });
    }
    return getPage(
      api,
      listSpec(api, path, query, { salesDateStart, salesDateEnd }),
      receiptSchema,
    );
  };
}

/** `GET /sales/v2/receipts/active` (View or Manage Sales; retail licenses). */
export const listActiveReceipts = receiptList('/sales/v2/receipts/active');
/** `GET /sales/v2/receipts/inactive`: voided (archived) and finalized receipts. */
export const listInactiveReceipts = receiptList('/sales/v2/receipts/inactive');

/** `GET /sales/v2/receipts/{id}`: with its line items (`Transactions`). */
export function getReceipt(
  api: MetrcApi,
  query: LicenseQuery & { id: number },
): Promise<MetrcReceipt> {
  return getObject(
    api,
    {
      path: `/sales/v2/receipts/${pathSegment(query.id)}`,
      licenseNumber: query.licenseNumber,
      signal: query.signal,
    },
    receiptSchema,
  );
}

const receiptsAnswer = z.union([
  z.array(receiptSchema),
  z.looseObject({ Data: z.array(receiptSchema) }).transform((envelope) => envelope.Data),
  receiptSchema.transform((receipt) => [receipt]),
]);

/**
 * `GET /sales/v2/receipts/external/{externalNumber}`: the receipts carrying this POS number
 * (Metrc does not dedupe, so there may be several). The number is URL-encoded (`/`, spaces).
 * None → `[]`, whether Metrc answers an empty list or a 404 for the object. A state without the
 * endpoint throws `MetrcNotFoundError` of kind `endpoint`: use the window fallback then.
 */
export async function listReceiptsByExternalNumber(
  api: MetrcApi,
  query: LicenseQuery & { externalNumber: string },
): Promise<MetrcReceipt[]> {
  try {
    const body = await getObject(
      api,
      {
        path: `/sales/v2/receipts/external/${pathSegment(query.externalNumber)}`,
        licenseNumber: query.licenseNumber,
        signal: query.signal,
      },
      receiptsAnswer,
    );
    return body.filter((receipt) => receipt.ExternalReceiptNumber === query.externalNumber);
  } catch (error) {
    if (error instanceof MetrcNotFoundError && error.kind === 'object') return [];
    throw error;
  }
}

/** `POST /sales/v2/receipts` (Manage Sales). Never retried: reconcile by external number. */
export const createReceipts = rowsWrite('POST', '/sales/v2/receipts', createReceiptRow);
/** `PUT /sales/v2/receipts`: correct receipts (needs `Id`). */
export const updateReceipts = rowsWrite('PUT', '/sales/v2/receipts', updateReceiptRow);
/** `PUT /sales/v2/receipts/finalize`: lock receipts. */
export const finalizeReceipts = rowsWrite('PUT', '/sales/v2/receipts/finalize', receiptIdRow);
/** `PUT /sales/v2/receipts/unfinalize`. */
export const unfinalizeReceipts = rowsWrite('PUT', '/sales/v2/receipts/unfinalize', receiptIdRow);

/** `DELETE /sales/v2/receipts/{id}`: Metrc's void (archives the receipt). */
export function voidReceipt(
  api: MetrcApi,
  input: LicenseQuery & { id: number },
): Promise<MetrcWriteResult> {
  return sendWithoutBody(api, {
    method: 'DELETE',
    path: `/sales/v2/receipts/${pathSegment(input.id)}`,
    licenseNumber: input.licenseNumber,
    signal: input.signal,
  });
}

/** `GET /sales/v2/customertypes`: Consumer, Patient, Caregiver, ExternalPatient, … */
export function listCustomerTypes(api: MetrcApi, options: { signal?: AbortSignal } = {}) {
  return getArray(api, { path: '/sales/v2/customertypes', signal: options.signal }, nameSchema);
}

/** `GET /sales/v2/deliveries/active` (View or Manage Sales Delivery). */
export const listActiveSalesDeliveries = licenseList(
  '/sales/v2/deliveries/active',
  looseRecordSchema,
);
/** `GET /sales/v2/deliveries/inactive`. */
export const listInactiveSalesDeliveries = licenseList(
  '/sales/v2/deliveries/inactive',
  looseRecordSchema,
);
