/**
 * Did a write land? The lookups the outbox runs after an ambiguous failure (a timeout or reset
 * after the request left), before it sends anything again. Metrc has no idempotency key, so
 * this is the only way to get exactly-once (design §4, metrc-api.md §8).
 */

import type { LicenseQuery, MetrcPage, PageQuery, WindowQuery } from './endpoint-helpers.ts';
import {
  listActiveHarvests,
  listActivePlantBatches,
  listInactiveHarvests,
  listInactivePlantBatches,
} from './growing-endpoints.ts';
import type { MetrcApi } from './metrc-api.ts';
import { MetrcNotFoundError } from './metrc-errors.ts';
import type { MetrcHarvest, MetrcPackage, MetrcPlantBatch, MetrcReceipt } from './metrc-records.ts';
import { getPackageByLabel } from './packages-endpoints.ts';
import {
  listActiveReceipts,
  listInactiveReceipts,
  listReceiptsByExternalNumber,
} from './sales-endpoints.ts';
import { iterateWindowedRecords, type WindowPolicy } from './time-windows.ts';

/** How far before the submission a lookup window starts: clocks of Metrc and ours differ. */
export const RECONCILE_MARGIN_MS = 5 * 60_000;

export interface LookupWindow {
  /** When the write was sent (or a bit before); the scan covers from here to `until`. */
  since: Date;
  until?: Date;
  policy?: WindowPolicy;
}

/**
 * Receipts carrying this external (POS) number: `GET /sales/v2/receipts/external/{n}` (the
 * number URL-encoded), or, in a state without that endpoint, a scan of active and inactive
 * receipts modified since `since`. `[]` = the receipt did not land.
 */
export async function findReceiptsByExternalNumber(
  api: MetrcApi,
  query: LicenseQuery & { externalNumber: string } & Partial<LookupWindow>,
): Promise<MetrcReceipt[]> {
  try {
    return await listReceiptsByExternalNumber(api, query);
  } catch (error) {
    if (!(error instanceof MetrcNotFoundError && error.kind === 'endpoint')) throw error;
  }
  const since = query.since ?? new Date(Date.now() - 24 * 3_600_000);
  return scan(
    api,
    [listActiveReceipts, listInactiveReceipts],
    query,
    { since, until: query.until, policy: query.policy },
    '/sales/v2/receipts/active',
    (receipt) => receipt.ExternalReceiptNumber === query.externalNumber,
  );
}

/** The package with this tag, or null when Metrc has none (404). */
export async function findPackageByLabel(
  api: MetrcApi,
  query: LicenseQuery & { label: string },
): Promise<MetrcPackage | null> {
  try {
    return await getPackageByLabel(api, query);
  } catch (error) {
    if (error instanceof MetrcNotFoundError && error.kind === 'object') return null;
    throw error;
  }
}

/**
 * The harvest with this name (case-insensitive, as Metrc matches names) started on
 * `harvestDate` (`YYYY-MM-DD`), among harvests modified in the window; null if none.
 */
export async function findHarvestByNameAndDate(
  api: MetrcApi,
  query: LicenseQuery & LookupWindow & { name: string; harvestDate: string },
): Promise<MetrcHarvest | null> {
  const name = query.name.trim().toLowerCase();
  const found = await scan(
    api,
    [listActiveHarvests, listInactiveHarvests],
    query,
    query,
    '/harvests/v2/active',
    (harvest) =>
      harvest.Name.trim().toLowerCase() === name &&
      (harvest.HarvestStartDate ?? '').slice(0, 10) === query.harvestDate,
  );
  return found[0] ?? null;
}

/** The plant batch with this name (case-insensitive) among those modified in the window. */
export async function findPlantBatchByName(
  api: MetrcApi,
  query: LicenseQuery & LookupWindow & { name: string },
): Promise<MetrcPlantBatch | null> {
  const name = query.name.trim().toLowerCase();
  const found = await scan(
    api,
    [listActivePlantBatches, listInactivePlantBatches],
    query,
    query,
    '/plantbatches/v2/active',
    (batch) => batch.Name.trim().toLowerCase() === name,
  );
  return found[0] ?? null;
}

type WindowedList<T> = (
  api: MetrcApi,
  query: LicenseQuery & PageQuery & WindowQuery,
) => Promise<MetrcPage<T>>;

/** Scans lists over [since − margin, until], every window and page; de-duplicated by Id. */
async function scan<T extends { Id: number }>(
  api: MetrcApi,
  lists: WindowedList<T>[],
  license: LicenseQuery,
  window: LookupWindow,
  path: string,
  matches: (record: T) => boolean,
): Promise<T[]> {
  const range = {
    start: new Date(window.since.getTime() - RECONCILE_MARGIN_MS),
    end: window.until ?? new Date(),
  };
  const policy = window.policy ?? api.windowPolicy(path);
  const found = new Map<number, T>();
  for (const list of lists) {
    const records = iterateWindowedRecords(
      (page) =>
        list(api, { licenseNumber: license.licenseNumber, signal: license.signal, ...page }),
      range,
      policy,
    );
    for await (const { record } of records) if (matches(record)) found.set(record.Id, record);
  }
  return [...found.values()];
}
