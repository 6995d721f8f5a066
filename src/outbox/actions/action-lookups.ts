/**
 * Lookups the action families share after an ambiguous failure: "is the plant still there, and
 * in what state?" A 404 for the object is an answer (null); any other failure throws, so the
 * submission stays in doubt and is retried later.
 */
import {
  getPlantByLabel,
  iterateWindowedRecords,
  listPackageAdjustments,
  type MetrcApi,
  MetrcNotFoundError,
  type MetrcPackageAdjustment,
  type MetrcPlant,
  RECONCILE_MARGIN_MS,
} from '../../metrc/index.ts';
import type { LookupOutcome } from './action-types.ts';

/** The plant with this tag, or null when Metrc has none. */
export async function findPlantByLabel(
  api: MetrcApi,
  query: { licenseNumber: string; label: string; signal?: AbortSignal | undefined },
): Promise<MetrcPlant | null> {
  try {
    return await getPlantByLabel(api, {
      licenseNumber: query.licenseNumber,
      label: query.label,
      ...(query.signal ? { signal: query.signal } : {}),
    });
  } catch (error) {
    if (error instanceof MetrcNotFoundError && error.kind === 'object') return null;
    throw error;
  }
}

/** Metrc matches names case-insensitively and trims them. */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
}

export const landed = (...ids: number[]): LookupOutcome => ({ landed: true, metrcIds: ids });
export const notLanded: LookupOutcome = { landed: false };

/**
 * Adjustments in the license's history modified since `since` (less the reconcile margin) that
 * `matches` accepts: scanned window by window, every page.
 */
export async function findAdjustments(
  api: MetrcApi,
  query: {
    licenseNumber: string;
    since: Date;
    signal?: AbortSignal | undefined;
    matches: (adjustment: MetrcPackageAdjustment) => boolean;
  },
): Promise<MetrcPackageAdjustment[]> {
  const path = '/packages/v2/adjustments';
  // The window always covers the attempt, even when our clock and Metrc's disagree: an empty
  // window would read as "not landed" and send a delta twice.
  const since = query.since.getTime();
  const range = {
    start: new Date(since - RECONCILE_MARGIN_MS),
    end: new Date(Math.max(Date.now(), since) + RECONCILE_MARGIN_MS),
  };
  const found = new Map<number, MetrcPackageAdjustment>();
  const records = iterateWindowedRecords(
    (page) =>
      listPackageAdjustments(api, {
        licenseNumber: query.licenseNumber,
        ...(query.signal ? { signal: query.signal } : {}),
        ...page,
      }),
    range,
    api.windowPolicy(path),
  );
  for await (const { record } of records) if (query.matches(record)) found.set(record.Id, record);
  return [...found.values()];
}
