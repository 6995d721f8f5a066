/**
 * Walks one window's pages from any page on (a crash resumes at the page after the last stored
 * one), a few pages ahead, yielding them in order. The Metrc client's `iteratePages` always
 * starts at page 1; sync needs to start in the middle.
 */
import type { MetrcPage } from '../metrc/index.ts';

export async function* walkPages<T>(
  fetchPage: (pageNumber: number) => Promise<MetrcPage<T>>,
  firstPage: number,
  concurrency: number,
): AsyncGenerator<MetrcPage<T>> {
  const first = await fetchPage(firstPage);
  yield first;
  if (first.data.length === 0) return;
  let lastPage = first.totalPages;
  const ahead = new Map<number, Promise<MetrcPage<T>>>();
  let next = firstPage + 1;
  for (let pageNumber = firstPage + 1; pageNumber <= lastPage; pageNumber++) {
    while (next <= lastPage && next < pageNumber + Math.max(1, concurrency)) {
      const pending = fetchPage(next);
      pending.catch(() => {}); // surfaced when its turn comes
      ahead.set(next, pending);
      next++;
    }
    const page = await (ahead.get(pageNumber) ?? fetchPage(pageNumber));
    ahead.delete(pageNumber);
    yield page;
    if (page.data.length === 0) return;
    lastPage = Math.max(lastPage, page.totalPages);
  }
}
