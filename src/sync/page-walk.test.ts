import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MetrcPage } from '../metrc/index.ts';
import { walkPageBatches, walkPages } from './page-walk.ts';

/** Pages of 20 records; each answer is released by the test, in any order. */
function pagedSource(totalPages: number) {
  const pending = new Map<number, () => void>();
  const asked: number[] = [];
  const fetchPage = (pageNumber: number) =>
    new Promise<MetrcPage<number>>((resolve) => {
      asked.push(pageNumber);
      pending.set(pageNumber, () =>
        resolve({
          data: Array.from({ length: 20 }, (_, i) => pageNumber * 100 + i),
          total: totalPages * 20,
          pageNumber,
          pageSize: 20,
          totalPages,
        }),
      );
    });
  const release = async (pageNumber: number) => {
    for (let i = 0; i < 5 && !pending.has(pageNumber); i++) await new Promise(setImmediate);
    pending.get(pageNumber)?.();
    pending.delete(pageNumber);
    await new Promise(setImmediate);
  };
  return { fetchPage, release, asked };
}

test('pages that already arrived come together, in order, at most maxBatch', async () => {
  const source = pagedSource(6);
  const batches: number[][] = [];
  const walking = (async () => {
    for await (const batch of walkPageBatches(source.fetchPage, 1, 3, 2))
      batches.push(batch.map((p) => p.pageNumber));
  })();
  await source.release(1);
  // Pages 2 and 3 are in flight (3 ahead); 3 arrives before 2: nothing can be yielded past 1.
  await source.release(3);
  await source.release(2);
  for (const page of [4, 5, 6]) await source.release(page);
  await walking;
  assert.deepEqual(batches.flat(), [1, 2, 3, 4, 5, 6], 'every page once, in order');
  assert.ok(batches.every((b) => b.length <= 2));
  assert.ok(
    batches.some((b) => b.length === 2),
    `arrived pages are batched: ${JSON.stringify(batches)}`,
  );
  assert.ok(source.asked.length === 6);
});

test('walkPages resumes mid-window and stops at an empty page', async () => {
  const source = pagedSource(5);
  const seen: number[] = [];
  const walking = (async () => {
    for await (const page of walkPages(source.fetchPage, 3, 2)) seen.push(page.pageNumber);
  })();
  for (const page of [3, 4, 5]) await source.release(page);
  await walking;
  assert.deepEqual(seen, [3, 4, 5]);
  assert.deepEqual(source.asked, [3, 4, 5]);
});
