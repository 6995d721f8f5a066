/**
 * Walking Metrc's pages: every page up to `TotalPages` (open-source clients that fetch only the
 * first page silently lose data), 20 rows at a time, optionally a few pages ahead.
 */
import { MAX_PAGE_SIZE, type MetrcPage } from './metrc-paging-types.ts';

export type PageFetcher<T> = (page: {
  pageNumber: number;
  pageSize: number;
}) => Promise<MetrcPage<T>>;

export interface PageWalkOptions {
  /** Rows per page, at most 20 (the default). */
  pageSize?: number;
  /**
   * Pages fetched at once after the first (which tells how many there are). 1 walks one by
   * one; more helps one license reach its rate limit when Metrc is slow. Order is kept.
   */
  concurrency?: number;
  /** Safety stop against a misbehaving server. */
  maxPages?: number;
}

export const DEFAULT_MAX_PAGES = 100_000;

/**
 * Yields every page in order: page 1, then up to its `TotalPages` (raised if a later page
 * reports more), stopping early at an empty page. A bare array is one page.
 *
 * @example
 * for await (const page of iteratePages((p) => listActivePackages(api, { licenseNumber, ...p }))) {
 *   save(page.data);
 * }
 */
export async function* iteratePages<T>(
  fetchPage: PageFetcher<T>,
  options: PageWalkOptions = {},
): AsyncGenerator<MetrcPage<T>> {
  const pageSize = options.pageSize ?? MAX_PAGE_SIZE;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const first = await fetchPage({ pageNumber: 1, pageSize });
  yield first;
  let lastPage = Math.min(first.totalPages, maxPages);
  const ahead = new Map<number, Promise<MetrcPage<T>>>();
  let nextToFetch = 2;
  try {
    for (let pageNumber = 2; pageNumber <= lastPage; pageNumber++) {
      while (nextToFetch <= lastPage && nextToFetch < pageNumber + concurrency) {
        const pending = fetchPage({ pageNumber: nextToFetch, pageSize });
        pending.catch(() => {}); // surfaced when its turn comes
        ahead.set(nextToFetch, pending);
        nextToFetch++;
      }
      const page = await (ahead.get(pageNumber) ?? fetchPage({ pageNumber, pageSize }));
      ahead.delete(pageNumber);
      yield page;
      if (page.data.length === 0) return;
      lastPage = Math.min(Math.max(lastPage, page.totalPages), maxPages);
    }
  } finally {
    ahead.clear();
  }
}

/** Every record of every page, in order. */
export async function* iterateRecords<T>(
  fetchPage: PageFetcher<T>,
  options: PageWalkOptions = {},
): AsyncGenerator<T> {
  for await (const page of iteratePages(fetchPage, options)) yield* page.data;
}
