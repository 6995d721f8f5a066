import { type HttpAnswer, type MetrcCaller, type Query, rows } from './emulator-test-kit.ts';

export const ALL_TIME = {
  lastModifiedStart: '2000-01-01T00:00:00Z',
  lastModifiedEnd: '2100-01-01T00:00:00Z',
};
export const date = '2026-01-10';

export type Record_ = Record<string, unknown>;

/** The rows of a list (all time), failing loudly when the list call fails. */
export async function list(caller: MetrcCaller, path: string, query: Query): Promise<Record_[]> {
  return rows(await caller.get(path, { ...ALL_TIME, ...query }));
}

export async function first(
  caller: MetrcCaller,
  path: string,
  query: Query,
  keep = (_r: Record_) => true,
) {
  const found = (await list(caller, path, query)).find(keep);
  if (!found) throw new Error(`no row in ${path} for the contract case`);
  return found;
}

/** Runs setup answers (each must be 200) and returns the last one. */
export async function steps(...calls: (() => Promise<HttpAnswer>)[]): Promise<HttpAnswer> {
  let last: HttpAnswer | undefined;
  for (const call of calls) {
    if (last && last.status !== 200) return last;
    last = await call();
  }
  if (!last) throw new Error('no steps');
  return last;
}

export const newId = (answer: HttpAnswer) => (answer.body as { Ids: number[] }).Ids[0] ?? 0;
