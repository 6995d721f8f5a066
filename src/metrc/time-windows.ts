/**
 * lastModified windows: Metrc answers a list only for a window (v1 at most 24 h, "requests must
 * be done in chronological order"), so long ranges are split into chronological windows that
 * overlap slightly; the consumer de-duplicates by `Id`.
 */
import type { MetrcPage, PageQuery, WindowQuery } from './metrc-paging-types.ts';
import { iteratePages, type PageWalkOptions } from './paging.ts';

export const HOUR_MS = 3_600_000;
/** Metrc v1 rejects windows above 24 hours. */
export const V1_MAX_WINDOW_MS = 24 * HOUR_MS;
/** v2 accepted wide windows in NY (2026) but not every state is known; 24 h is the safe default. */
export const DEFAULT_V2_MAX_WINDOW_MS = 24 * HOUR_MS;
/** Seams between windows overlap by this much, so a record stamped at a seam is not missed. */
export const DEFAULT_WINDOW_OVERLAP_MS = 60_000;

export interface TimeRange {
  start: Date;
  end: Date;
}

export interface WindowPolicy {
  /** Longest window; null = one window for the whole range. */
  maxWindowMs: number | null;
  overlapMs: number;
}

/** The policy of an endpoint: v1 paths at most 24 h; v2 as configured. */
export function windowPolicyFor(
  path: string,
  options: { v2MaxWindowMs?: number | null; overlapMs?: number } = {},
): WindowPolicy {
  const v1 = /\/v1(\/|$)/.test(path);
  return {
    maxWindowMs: v1
      ? V1_MAX_WINDOW_MS
      : options.v2MaxWindowMs === undefined
        ? DEFAULT_V2_MAX_WINDOW_MS
        : options.v2MaxWindowMs,
    overlapMs: options.overlapMs ?? DEFAULT_WINDOW_OVERLAP_MS,
  };
}

/**
 * Chronological windows covering `range`, each at most `maxWindowMs` long and starting
 * `overlapMs` before the previous one ended. Starts fall on whole seconds, so the seconds Metrc
 * sees never make a window longer than allowed.
 */
export function splitWindows(range: TimeRange, policy: WindowPolicy): TimeRange[] {
  const end = range.end.getTime();
  let start = Math.floor(range.start.getTime() / 1000) * 1000;
  if (end < start) return [];
  if (policy.maxWindowMs === null) return [{ start: new Date(start), end: new Date(end) }];
  const max = Math.floor(policy.maxWindowMs / 1000) * 1000;
  const overlap = Math.ceil(policy.overlapMs / 1000) * 1000;
  if (max < 1000 || overlap >= max)
    throw new Error('a window must be ≥ 1 s and longer than the overlap');
  const windows: TimeRange[] = [];
  for (;;) {
    const windowEnd = Math.min(start + max, end);
    windows.push({ start: new Date(start), end: new Date(windowEnd) });
    if (windowEnd >= end) return windows;
    start = windowEnd - overlap;
  }
}

export interface WindowedRecord<T> {
  record: T;
  window: TimeRange;
}

/**
 * Every record of a windowed list over a long range: windows in chronological order, every page
 * of each. Records at seams come twice; de-duplicate by `Id`.
 *
 * @example
 * const list = (q) => listActivePackages(api, { licenseNumber, ...q });
 * for await (const { record } of iterateWindowedRecords(list, { start, end }, policy)) …
 */
export async function* iterateWindowedRecords<T>(
  list: (query: Required<WindowQuery> & PageQuery) => Promise<MetrcPage<T>>,
  range: TimeRange,
  policy: WindowPolicy,
  walk: PageWalkOptions = {},
): AsyncGenerator<WindowedRecord<T>> {
  for (const window of splitWindows(range, policy)) {
    const pages = iteratePages(
      (page) => list({ lastModifiedStart: window.start, lastModifiedEnd: window.end, ...page }),
      walk,
    );
    for await (const page of pages) for (const record of page.data) yield { record, window };
  }
}
