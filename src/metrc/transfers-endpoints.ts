/** Transfers: incoming/outgoing/rejected lists, deliveries and their packages, templates, types. */

import { getArray, type LicenseQuery, licenseList } from './endpoint-helpers.ts';
import type { MetrcApi } from './metrc-api.ts';
import { pathSegment } from './metrc-http.ts';
import {
  deliveryPackageSchema,
  type MetrcDeliveryPackage,
  type MetrcTransferDelivery,
  type MetrcTransferType,
  transferDeliverySchema,
  transferSchema,
  transferTemplateSchema,
  transferTypeSchema,
} from './metrc-records.ts';

/** `GET /transfers/v2/incoming` (View or Manage Transfers). */
export const listIncomingTransfers = licenseList('/transfers/v2/incoming', transferSchema);
/** `GET /transfers/v2/outgoing`. */
export const listOutgoingTransfers = licenseList('/transfers/v2/outgoing', transferSchema);
/** `GET /transfers/v2/rejected`. */
export const listRejectedTransfers = licenseList('/transfers/v2/rejected', transferSchema);
/** `GET /transfers/v2/templates/outgoing` (View or Manage Transfer Templates). */
export const listOutgoingTransferTemplates = licenseList(
  '/transfers/v2/templates/outgoing',
  transferTemplateSchema,
);

/**
 * `GET /transfers/v2/{transferId}/deliveries`: takes no license (the transfer id is global);
 * only the vendor-key budget applies. One call per transfer: mind the rate when fanning out.
 */
export function listTransferDeliveries(
  api: MetrcApi,
  query: { transferId: number; signal?: AbortSignal },
): Promise<MetrcTransferDelivery[]> {
  return getArray(
    api,
    {
      path: `/transfers/v2/${pathSegment(query.transferId)}/deliveries`,
      signal: query.signal,
      objectLookup: true,
    },
    transferDeliverySchema,
  );
}

/** `GET /transfers/v2/deliveries/{deliveryId}/packages`. */
export function listDeliveryPackages(
  api: MetrcApi,
  query: { deliveryId: number; signal?: AbortSignal },
): Promise<MetrcDeliveryPackage[]> {
  return getArray(
    api,
    {
      path: `/transfers/v2/deliveries/${pathSegment(query.deliveryId)}/packages`,
      signal: query.signal,
      objectLookup: true,
    },
    deliveryPackageSchema,
  );
}

/** `GET /transfers/v2/types`. */
export function listTransferTypes(
  api: MetrcApi,
  query: LicenseQuery,
): Promise<MetrcTransferType[]> {
  return getArray(
    api,
    { path: '/transfers/v2/types', licenseNumber: query.licenseNumber, signal: query.signal },
    transferTypeSchema,
  );
}
