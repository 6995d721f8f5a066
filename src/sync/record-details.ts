/**
 * What a list row leaves out: a receipt's lines (`Transactions`, only on `/sales/v2/receipts/{id}`)
 * and a transfer's deliveries with their packages. Fetched per record, through the same limiter;
 * the stored JSON is Metrc's own (the receipt object; the transfer row plus `Deliveries`, each
 * Metrc's delivery object plus `Packages`).
 */
import { type MetrcApi, pathSegment } from '../metrc/index.ts';
import type { SyncStream } from './sync-resources.ts';

type Json = Record<string, unknown>;

const idOf = (record: unknown): number | null => {
  const id = (record as Json | null)?.Id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
};

async function listOf(api: MetrcApi, path: string, signal?: AbortSignal): Promise<unknown[]> {
  const body = await api.getJson({ path, signal, objectLookup: true });
  if (Array.isArray(body)) return body;
  const data = (body as Json | null)?.Data;
  return Array.isArray(data) ? data : [];
}

export async function enrichRecords(
  api: MetrcApi,
  stream: SyncStream,
  licenseNumber: string,
  records: unknown[],
  signal?: AbortSignal,
): Promise<unknown[]> {
  if (stream.resource === 'receipts') {
    return Promise.all(
      records.map(async (record) => {
        const id = idOf(record);
        if (id === null) return record; // refused later, with its reason
        return api.getJson({
          path: `/sales/v2/receipts/${pathSegment(id)}`,
          licenseNumber,
          signal,
          objectLookup: true,
        });
      }),
    );
  }
  if (stream.resource === 'transfers') {
    return Promise.all(
      records.map(async (record) => {
        const id = idOf(record);
        if (id === null) return record;
        const deliveries = await listOf(api, `/transfers/v2/${pathSegment(id)}/deliveries`, signal);
        const withPackages = await Promise.all(
          deliveries.map(async (delivery) => {
            const deliveryId = idOf(delivery);
            const packages =
              deliveryId === null
                ? []
                : await listOf(
                    api,
                    `/transfers/v2/deliveries/${pathSegment(deliveryId)}/packages`,
                    signal,
                  );
            return { ...(delivery as Json), Packages: packages };
          }),
        );
        return { ...(record as Json), Deliveries: withPackages };
      }),
    );
  }
  return records;
}
