/**
 * Walks one window's pages from any page on (a crash resumes at the page after the last stored
 * one), a few pages ahead, yielding them in order. The Metrc client's `iteratePages` always
 * starts at page 1; sync needs to start in the middle.
 *
 * `walkPageBatches` yields the next page together with the pages after it that have already
 * arrived (at most `maxBatch`), so a caller that fell behind stores them in one transaction.
 */
import type { MetrcPage } from '../metrc/index.ts';

export async function* walkPages<T>(
  fetchPage: (pageNumber: number) => Promise<MetrcPage<T>>,
  firstPage: number,
  concurrency: number,
): AsyncGenerator<MetrcPage<T>> {
  for await (const batch of walkPageBatches(fetchPage, firstPage, concurrency, 1)) yield* batch;
}

export async function* walkPageBatches<T>(
  fetchPage: (pageNumber: number) => Promise<MetrcPage<T>>,
  firstPage: number,
  concurrency: number,
  maxBatch: number,
): AsyncGenerator<MetrcPage<T>[]> {
  const first = await fetchPage(firstPage);
  if (first.data.length === 0 || first.totalPages <= firstPage) {
    yield [first];
    return;
  }
  let lastPage = first.totalPages;
  const ahead = new Map<number, { promise: Promise<MetrcPage<T>>; page?: MetrcPage<T> }>();
  let next = firstPage + 1;
  const fill = (from: number) => {
    while (next <= lastPage && next < from + Math.max(1, concurrency)) {
      const slot: { promise: Promise<MetrcPage<T>>; page?: MetrcPage<T> } = {
        promise: fetchPage(next),
      };
      slot.promise.then(
        (page) => {
          slot.page = page;
        },
        () => {}, // surfaced when its turn comes
      );
      ahead.set(next, slot);
      next++;
    }
  };
  let batch = [first];
  let pageNumber = firstPage + 1;
  fill(pageNumber);
  while (pageNumber <= lastPage) {
    // Pages that already arrived join the batch; the first missing one ends it.
    const slot = ahead.get(pageNumber);
    if (batch.length >= Math.max(1, maxBatch) || !slot?.page) {
      if (batch.length > 0) {
        yield batch;
        batch = [];
        fill(pageNumber);
        continue;
      }
    }
    const page = await (slot ? slot.promise : fetchPage(pageNumber));
    ahead.delete(pageNumber);
    batch.push(page);
    pageNumber++;
    if (page.data.length === 0) break;
    lastPage = Math.max(lastPage, page.totalPages);
    fill(pageNumber);
  }
  if (batch.length > 0) yield batch;
}
