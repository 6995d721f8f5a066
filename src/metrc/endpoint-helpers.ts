/**
 * The four shapes of Metrc answers — paged envelope, bare array, single object, write result —
 * read through zod. Answers are validated tolerantly (unknown fields pass through); bodies we
 * send are validated strictly before anything leaves.
 */
import { z } from 'zod';
import { type MetrcApi, type MetrcWriteResult, requestSummary } from './metrc-api.ts';
import { MetrcRequestInvalidError, MetrcUnexpectedResponseError } from './metrc-errors.ts';
import { pathSegment, type QueryValue } from './metrc-http.ts';
import {
  type LicenseQuery,
  type ListQuery,
  MAX_PAGE_SIZE,
  type MetrcPage,
  type PageQuery,
} from './metrc-paging-types.ts';

export {
  type LicenseQuery,
  type ListQuery,
  MAX_PAGE_SIZE,
  type MetrcPage,
  type PageQuery,
  type WindowQuery,
} from './metrc-paging-types.ts';

const envelopeSchema = z.looseObject({
  Data: z.array(z.unknown()),
  Total: z.number().nullish(),
  TotalRecords: z.number().nullish(),
  PageSize: z.number().nullish(),
  Page: z.number().nullish(),
  CurrentPage: z.number().nullish(),
  TotalPages: z.number().nullish(),
});

interface GetSpec {
  path: string;
  licenseNumber?: string | undefined;
  query?: Record<string, QueryValue>;
  objectLookup?: boolean;
  signal?: AbortSignal | undefined;
}

/** A paged list (or a bare array, treated as one page). */
export async function getPage<S extends z.ZodType>(
  api: MetrcApi,
  spec: GetSpec & { page?: PageQuery },
  item: S,
): Promise<MetrcPage<z.infer<S>>> {
  const pageSize = spec.page?.pageSize;
  if (
    pageSize !== undefined &&
    !(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)
  ) {
    throw invalid(api, spec, [`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`]);
  }
  const body = await api.getJson({
    ...spec,
    query: { ...spec.query, pageNumber: spec.page?.pageNumber, pageSize },
  });
  if (Array.isArray(body)) {
    const data = parseItems(api, spec, body, item);
    return { data, total: data.length, pageNumber: 1, pageSize: data.length, totalPages: 1 };
  }
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) throw unexpected(api, spec, 'a list was expected');
  const data = parseItems(api, spec, envelope.data.Data, item);
  const total = envelope.data.TotalRecords ?? envelope.data.Total ?? data.length;
  const size = envelope.data.PageSize ?? pageSize ?? data.length;
  return {
    data,
    total,
    pageNumber: envelope.data.CurrentPage ?? envelope.data.Page ?? spec.page?.pageNumber ?? 1,
    pageSize: size,
    totalPages: envelope.data.TotalPages ?? (size > 0 ? Math.ceil(total / size) : 0),
  };
}

/** A bare-array lookup (an envelope is accepted too: states differ). */
export async function getArray<S extends z.ZodType>(
  api: MetrcApi,
  spec: GetSpec,
  item: S,
): Promise<z.infer<S>[]> {
  const body = await api.getJson(spec);
  if (Array.isArray(body)) return parseItems(api, spec, body, item);
  const envelope = envelopeSchema.safeParse(body);
  if (envelope.success) return parseItems(api, spec, envelope.data.Data, item);
  throw unexpected(api, spec, 'an array was expected');
}

/** A single object (`/{id}`, `/{label}`). */
export async function getObject<S extends z.ZodType>(
  api: MetrcApi,
  spec: GetSpec,
  schema: S,
): Promise<z.infer<S>> {
  const body = await api.getJson({ objectLookup: true, ...spec });
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw unexpected(api, spec, `the object does not match: ${issues(parsed.error)[0]}`);
  return parsed.data;
}

export interface RowsWrite<S extends z.ZodType> {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  licenseNumber: string;
  rows: readonly z.input<S>[];
  signal?: AbortSignal | undefined;
}

/**
 * `z.array(item)` per item schema, built once: building a zod schema costs more than parsing a
 * 50-row write with it. `nonEmpty` adds the writes' at-least-one-row rule.
 */
const arraySchemas = new WeakMap<z.ZodType, { any?: z.ZodType; nonEmpty?: z.ZodType }>();
function arrayOf<S extends z.ZodType>(item: S, nonEmpty: boolean): z.ZodArray<S> {
  let kinds = arraySchemas.get(item);
  if (!kinds) {
    kinds = {};
    arraySchemas.set(item, kinds);
  }
  const kind = nonEmpty ? 'nonEmpty' : 'any';
  kinds[kind] ??= nonEmpty ? z.array(item).min(1, 'at least one row is required') : z.array(item);
  return kinds[kind] as z.ZodArray<S>;
}

/** Validates the rows strictly, then sends them as one JSON array, once. */
export async function sendRows<S extends z.ZodType>(
  api: MetrcApi,
  row: S,
  write: RowsWrite<S>,
): Promise<MetrcWriteResult> {
  const parsed = arrayOf(row, true).safeParse(write.rows);
  if (!parsed.success)
    throw invalid(
      api,
      { path: write.path, licenseNumber: write.licenseNumber },
      issues(parsed.error),
      write.method,
    );
  return api.write({ ...write, body: parsed.data });
}

/** A write without a body (`DELETE /sales/v2/receipts/{id}`). */
export function sendWithoutBody(
  api: MetrcApi,
  write: {
    method: 'DELETE';
    path: string;
    licenseNumber: string;
    signal?: AbortSignal | undefined;
  },
): Promise<MetrcWriteResult> {
  return api.write(write);
}

/** A license's paged list endpoint: `(api, query) => page`. */
export function licenseList<S extends z.ZodType>(path: string, item: S) {
  // async: a bad query rejects like any other failure instead of throwing synchronously.
  return async (api: MetrcApi, query: ListQuery): Promise<MetrcPage<z.infer<S>>> =>
    getPage(api, listSpec(api, path, query), item);
}

/** A license's object by numeric id: `(api, { licenseNumber, id }) => object`. */
export function licenseObjectById<S extends z.ZodType>(basePath: string, schema: S) {
  return (api: MetrcApi, query: LicenseQuery & { id: number }): Promise<z.infer<S>> =>
    getObject(
      api,
      {
        path: `${basePath}/${pathSegment(query.id)}`,
        licenseNumber: query.licenseNumber,
        signal: query.signal,
      },
      schema,
    );
}

export interface RowsInput<S extends z.ZodType> {
  licenseNumber: string;
  rows: readonly z.input<S>[];
  signal?: AbortSignal | undefined;
}

/** A write of rows: `(api, { licenseNumber, rows }) => { ids }`. */
export function rowsWrite<S extends z.ZodType>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  row: S,
) {
  return (api: MetrcApi, input: RowsInput<S>): Promise<MetrcWriteResult> =>
    sendRows(api, row, { method, path, ...input });
}

function parseItems<S extends z.ZodType>(
  api: MetrcApi,
  spec: GetSpec,
  items: unknown[],
  item: S,
): z.infer<S>[] {
  const parsed = arrayOf(item, false).safeParse(items);
  if (!parsed.success)
    throw unexpected(api, spec, `a row does not match: ${issues(parsed.error)[0]}`);
  return parsed.data;
}

/** `path: message` per issue, never the offending value (it could be anything). */
function issues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

function unexpected(api: MetrcApi, spec: GetSpec, problem: string) {
  return new MetrcUnexpectedResponseError({
    request: requestSummary(api.state, 'GET', spec.path, spec.licenseNumber),
    reachedMetrc: 'yes',
    httpStatus: 200,
    problem,
  });
}

function invalid(
  api: MetrcApi,
  spec: { path: string; licenseNumber?: string | undefined },
  found: string[],
  method = 'GET',
) {
  return new MetrcRequestInvalidError({
    request: requestSummary(api.state, method, spec.path, spec.licenseNumber),
    issues: found,
  });
}

/**
 * The request of a license's list: paging, and a lastModified window given whole (Metrc answers
 * 400 to half a window) or not at all.
 */
export function listSpec(
  api: MetrcApi,
  path: string,
  query: ListQuery,
  extra: Record<string, QueryValue> = {},
): GetSpec & { page: PageQuery } {
  const { lastModifiedStart: start, lastModifiedEnd: end } = query;
  if ((start === undefined) !== (end === undefined)) {
    throw invalid(api, { path, licenseNumber: query.licenseNumber }, [
      'lastModifiedStart and lastModifiedEnd go together',
    ]);
  }
  if (start && end && end.getTime() < start.getTime()) {
    throw invalid(api, { path, licenseNumber: query.licenseNumber }, [
      'lastModifiedEnd is before lastModifiedStart',
    ]);
  }
  return {
    path,
    licenseNumber: query.licenseNumber,
    signal: query.signal,
    query: { lastModifiedStart: start, lastModifiedEnd: end, ...extra },
    page: { pageNumber: query.pageNumber, pageSize: query.pageSize },
  };
}
