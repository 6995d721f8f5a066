/**
 * Turns a non-2xx answer or a transport failure into the client's error classes. Pure: the
 * same input always gives the same error, which is what the tests pin.
 */
import {
  MetrcAbortedError,
  type MetrcError,
  MetrcNetworkError,
  MetrcNotFoundError,
  MetrcRateLimitedError,
  type MetrcRequestSummary,
  MetrcRetiredError,
  type MetrcRowError,
  MetrcServerError,
  MetrcTimeoutError,
  MetrcTooLargeError,
  MetrcUnauthorizedError,
  MetrcUnexpectedResponseError,
  MetrcValidationError,
} from './metrc-errors.ts';
import type { TransportFailure, TransportResponse } from './metrc-transport.ts';

/**
 * ASP.NET Web API's answer when no route matches: Metrc's way of saying "this state has no such
 * endpoint". An object lookup that misses answers 404 with another text (or none).
 */
const ROUTE_MISS = /no http resource was found that matches the request uri/i;

export interface ResponseContext {
  request: MetrcRequestSummary;
  /**
   * The path addresses one object (`/{id}`, `/{label}`, `/external/{number}`): a 404 without the
   * route-miss text means the object does not exist. On other paths every 404 means the
   * endpoint is absent in this state.
   */
  objectLookup: boolean;
}

export function errorFromResponse(response: TransportResponse, ctx: ResponseContext): MetrcError {
  const base = { request: ctx.request, reachedMetrc: 'yes' as const, httpStatus: response.status };
  const body = parseJson(response.body);
  const message = metrcMessage(body);
  const extra = message === undefined ? {} : { metrcMessage: message };
  const status = response.status;
  if (status === 400) {
    return new MetrcValidationError({ ...base, rows: rowErrors(body), metrcMessage: message });
  }
  if (status === 401 || status === 403) return new MetrcUnauthorizedError({ ...base, extra });
  if (status === 404) {
    const routeMiss = message !== undefined && ROUTE_MISS.test(message);
    return new MetrcNotFoundError(ctx.objectLookup && !routeMiss ? 'object' : 'endpoint', {
      ...base,
      extra,
    });
  }
  if (status === 405) return new MetrcRetiredError({ ...base, extra });
  if (status === 413) return new MetrcTooLargeError({ ...base, extra });
  if (status === 429) {
    return new MetrcRateLimitedError({
      ...base,
      extra,
      retryAfterMs: parseRetryAfter(response.headers['retry-after']),
    });
  }
  if (status >= 500) return new MetrcServerError({ ...base, extra });
  return new MetrcUnexpectedResponseError({ ...base, extra, problem: `HTTP ${status}` });
}

export function errorFromFailure(
  failure: TransportFailure,
  ctx: { request: MetrcRequestSummary; timeoutMs: number },
): MetrcError {
  const base = {
    request: ctx.request,
    reachedMetrc: failure.reachedMetrc,
    httpStatus: failure.status,
    cause: failure,
  };
  if (failure.kind === 'timeout')
    return new MetrcTimeoutError({ ...base, timeoutMs: ctx.timeoutMs });
  if (failure.kind === 'aborted') return new MetrcAbortedError(base);
  return new MetrcNetworkError({ ...base, networkCode: failure.networkCode });
}

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `{"Message": …}` (any case), or a bare string body. */
function metrcMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.slice(0, 500);
  if (!isRecord(body)) return undefined;
  const value = field(body, 'message');
  return typeof value === 'string' ? value : undefined;
}

/**
 * Metrc's row errors: `[{"row":0,"message":"…"}]` (several per row possible), a bare array of
 * strings (seen by Cannlytics), or `ValidationErrors` (TM's TypeScript client looks for it).
 */
export function rowErrors(body: unknown): MetrcRowError[] {
  const list = Array.isArray(body)
    ? body
    : isRecord(body) && Array.isArray(field(body, 'validationErrors'))
      ? (field(body, 'validationErrors') as unknown[])
      : [];
  return list.flatMap((entry): MetrcRowError[] => {
    if (typeof entry === 'string') return [{ row: null, message: entry }];
    if (!isRecord(entry)) return [];
    const row = field(entry, 'row');
    const message = field(entry, 'message');
    return [
      {
        row: typeof row === 'number' && Number.isInteger(row) ? row : null,
        message: typeof message === 'string' ? message : JSON.stringify(entry).slice(0, 500),
      },
    ];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field by case-insensitive name (Metrc mixes `Message` and `message`). */
function field(record: Record<string, unknown>, name: string): unknown {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(record)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
