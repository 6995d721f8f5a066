/**
 * Raw pages from Metrc: the records exactly as sent (the mirror keeps them whole, and a bad
 * record must not sink its page, so nothing here validates rows), with the envelope's `Total`.
 */
import {
  MAX_PAGE_SIZE,
  type MetrcApi,
  type MetrcPage,
  MetrcUnexpectedResponseError,
} from '../metrc/index.ts';

export interface RawPageRequest {
  path: string;
  licenseNumber?: string | undefined;
  window?: { start: Date; end: Date } | undefined;
  query?: Record<string, string | number>;
  pageNumber: number;
  pageSize?: number;
  signal?: AbortSignal | undefined;
}

const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;

export async function fetchRawPage(
  api: MetrcApi,
  request: RawPageRequest,
): Promise<MetrcPage<unknown>> {
  const pageSize = request.pageSize ?? MAX_PAGE_SIZE;
  const body = await api.getJson({
    path: request.path,
    licenseNumber: request.licenseNumber,
    signal: request.signal,
    query: {
      ...request.query,
      lastModifiedStart: request.window?.start,
      lastModifiedEnd: request.window?.end,
      pageNumber: request.pageNumber,
      pageSize,
    },
  });
  if (Array.isArray(body))
    return { data: body, total: body.length, pageNumber: 1, pageSize: body.length, totalPages: 1 };
  const envelope =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (!Array.isArray(envelope.Data)) {
    throw new MetrcUnexpectedResponseError({
      request: {
        state: api.state,
        method: 'GET',
        path: request.path,
        licenseNumber: request.licenseNumber,
        section: undefined,
      },
      reachedMetrc: 'yes',
      httpStatus: 200,
      problem: 'a list was expected',
    });
  }
  const data = envelope.Data as unknown[];
  const total = count(envelope.TotalRecords) ?? count(envelope.Total) ?? data.length;
  const size = count(envelope.PageSize) ?? pageSize;
  return {
    data,
    total,
    pageNumber: count(envelope.CurrentPage) ?? count(envelope.Page) ?? request.pageNumber,
    pageSize: size,
    totalPages: count(envelope.TotalPages) ?? (size > 0 ? Math.ceil(total / size) : 0),
  };
}
