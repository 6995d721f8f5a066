/**
 * Metrc as seen with one pair of keys in one state. Every GET waits for the shared limiter, is
 * retried on 429/5xx/timeouts/network failures with backoff, and its error says exactly what
 * went wrong; every write is sent once, paced, and never retried here.
 */
import type { Logger, Secret } from '../lib/index.ts';
import {
  MetrcAbortedError,
  type MetrcError,
  MetrcLimiterTimeoutError,
  type MetrcRequestSummary,
  MetrcUnexpectedResponseError,
} from './metrc-errors.ts';
import {
  basicAuthorization,
  buildMetrcUrl,
  METRC_USER_AGENT,
  metrcBaseUrl,
  normaliseState,
  type QueryValue,
  vendorKeyIdentity,
} from './metrc-http.ts';
import { type LimiterPermit, LimiterWaitError, type MetrcLimiter } from './metrc-limiter.ts';
import type { LimitedRequestKind } from './metrc-limits.ts';
import { sectionLabel, sectionOfPath } from './metrc-sections.ts';
import {
  type HttpMethod,
  type MetrcTransport,
  TransportFailure,
  type TransportResponse,
} from './metrc-transport.ts';
import { errorFromFailure, errorFromResponse, parseJson } from './response-errors.ts';
import {
  DEFAULT_RETRY_POLICY,
  isRetryableGetError,
  type RetryPolicy,
  retryDelayMs,
} from './retry-policy.ts';
import { type WindowPolicy, windowPolicyFor } from './time-windows.ts';

/** The keys of one Metrc user in one state, with the vendor key of that state. */
export interface MetrcKeys {
  state: string;
  vendorKey: Secret;
  userKey: Secret;
}

export interface MetrcGetRequest {
  /** Metrc path, parameters already encoded (`pathSegment`). */
  path: string;
  licenseNumber?: string | undefined;
  query?: Record<string, QueryValue>;
  /** The path names one object (`/{id}`, `/{label}`): a plain 404 means it does not exist. */
  objectLookup?: boolean;
  signal?: AbortSignal | undefined;
}

export interface MetrcWriteRequest {
  method: Exclude<HttpMethod, 'GET'>;
  path: string;
  licenseNumber: string;
  /** A JSON array for most writes; undefined for `DELETE /…/{id}`. */
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal | undefined;
}

/** Metrc answers writes with an empty 200 or `{"Ids":[…],"Warnings":…}`. */
export interface MetrcWriteResult {
  ids: number[] | undefined;
  warnings: unknown;
}

export interface MetrcApi {
  /** Lower-case state code. */
  readonly state: string;
  /** Hash of the vendor key: what the limiter and logs know it by. */
  readonly vendorKeyId: string;
  /** A GET's parsed JSON (undefined for an empty body). */
  getJson(request: MetrcGetRequest): Promise<unknown>;
  write(request: MetrcWriteRequest): Promise<MetrcWriteResult>;
  /** How long a lastModified window of this path may be (v1 24 h, v2 as configured). */
  windowPolicy(path: string): WindowPolicy;
}

export interface MetrcApiSettings {
  baseUrlTemplate: string;
  /** Deadline of one HTTP exchange. */
  timeoutMs: number;
  retry?: RetryPolicy;
  /** Longest v2 lastModified window; null = none. Default 24 h. */
  v2MaxWindowMs?: number | null;
}

export interface MetrcApiDeps {
  transport: MetrcTransport;
  limiter: MetrcLimiter;
  logger?: Logger | undefined;
  /** Test seams. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export function createMetrcApi(
  keys: MetrcKeys,
  settings: MetrcApiSettings,
  deps: MetrcApiDeps,
): MetrcApi {
  const state = normaliseState(keys.state);
  const baseUrl = metrcBaseUrl(settings.baseUrlTemplate, state);
  const vendorKeyId = vendorKeyIdentity(keys.vendorKey);
  const retry = settings.retry ?? DEFAULT_RETRY_POLICY;
  const sleep = deps.sleep ?? abortableSleep;
  const log = deps.logger;

  const summary = (method: string, path: string, licenseNumber?: string) =>
    requestSummary(state, method, path, licenseNumber);

  const headers = (withBody: boolean): Record<string, string> => ({
    authorization: basicAuthorization(keys.vendorKey, keys.userKey),
    accept: 'application/json',
    'user-agent': METRC_USER_AGENT,
    ...(withBody ? { 'content-type': 'application/json' } : {}),
  });

  /** Waits for the limiter, sends once; resolves with any HTTP answer or a MetrcError. */
  async function attempt(
    kind: LimitedRequestKind,
    method: HttpMethod,
    request: MetrcGetRequest | MetrcWriteRequest,
    body: string | undefined,
    about: MetrcRequestSummary,
  ): Promise<TransportResponse | MetrcError> {
    let permit: LimiterPermit;
    try {
      permit = await deps.limiter.acquire(
        { kind, vendorKeyId, state, licenseNumber: request.licenseNumber },
        { signal: request.signal },
      );
    } catch (error) {
      if (!(error instanceof LimiterWaitError)) throw error;
      if (error.reason === 'aborted')
        return new MetrcAbortedError({ request: about, reachedMetrc: 'no' });
      return new MetrcLimiterTimeoutError({
        request: about,
        waitedMs: error.waitedMs,
        cause: error,
        ...(error.reason === 'store-unavailable'
          ? {
              message:
                'The shared Metrc rate-limit store is unavailable; the request was not sent.',
            }
          : {}),
      });
    }
    const started = performance.now();
    try {
      const url = buildMetrcUrl(baseUrl, request.path, {
        licenseNumber: request.licenseNumber,
        ...request.query,
      });
      const response = await deps.transport.send({
        method,
        url,
        headers: headers(body !== undefined),
        body,
        timeoutMs: settings.timeoutMs,
        signal: request.signal,
      });
      log?.debug(
        {
          metrc: { ...about, status: response.status, ms: Math.round(performance.now() - started) },
        },
        'metrc request',
      );
      return response;
    } catch (error) {
      if (!(error instanceof TransportFailure)) throw error;
      log?.debug(
        { metrc: { ...about, failure: error.kind, code: error.networkCode } },
        'metrc request failed',
      );
      return errorFromFailure(error, { request: about, timeoutMs: settings.timeoutMs });
    } finally {
      permit.release();
    }
  }

  return {
    state,
    vendorKeyId,
    windowPolicy: (path) => windowPolicyFor(path, { v2MaxWindowMs: settings.v2MaxWindowMs }),
    async getJson(request) {
      const about = summary('GET', request.path, request.licenseNumber);
      for (let attemptNo = 1; ; attemptNo++) {
        const outcome = await attempt('get', 'GET', request, undefined, about);
        let error: MetrcError;
        if (outcome instanceof Error) error = outcome;
        else if (outcome.status >= 200 && outcome.status < 300) {
          return parseSuccess(outcome, about, attemptNo);
        } else {
          error = errorFromResponse(outcome, {
            request: about,
            objectLookup: request.objectLookup ?? false,
          });
        }
        error.withAttempts(attemptNo);
        const delay =
          isRetryableGetError(error) && attemptNo < retry.maxAttempts
            ? retryDelayMs(attemptNo, error, retry, deps.random)
            : undefined;
        if (delay === undefined) throw error;
        log?.warn(
          {
            metrc: { ...about, code: error.code, attempt: attemptNo, retryInMs: Math.round(delay) },
          },
          'metrc GET retried',
        );
        try {
          await sleep(delay, request.signal);
        } catch {
          throw new MetrcAbortedError({ request: about, reachedMetrc: 'no' }).withAttempts(
            attemptNo,
          );
        }
      }
    },
    async write(request) {
      const about = summary(request.method, request.path, request.licenseNumber);
      const body = request.body === undefined ? undefined : JSON.stringify(request.body);
      // Exactly one attempt: a failed write goes back to the outbox, which reconciles first.
      const outcome = await attempt('write', request.method, request, body, about);
      if (outcome instanceof Error) throw outcome;
      if (outcome.status < 200 || outcome.status >= 300) {
        throw errorFromResponse(outcome, { request: about, objectLookup: false });
      }
      return writeResult(parseSuccess(outcome, about, 1));
    },
  };
}

/** What an error says was asked; shared with the endpoint helpers. */
export function requestSummary(
  state: string,
  method: string,
  path: string,
  licenseNumber?: string,
): MetrcRequestSummary {
  return {
    method,
    path,
    state,
    licenseNumber: licenseNumber || undefined,
    section: sectionLabel(sectionOfPath(path)),
  };
}

function parseSuccess(
  response: TransportResponse,
  about: MetrcRequestSummary,
  attempts: number,
): unknown {
  const parsed = parseJson(response.body);
  if (typeof parsed === 'string') {
    throw new MetrcUnexpectedResponseError({
      request: about,
      reachedMetrc: 'yes',
      httpStatus: response.status,
      problem: 'the body is not JSON',
    }).withAttempts(attempts);
  }
  return parsed;
}

function writeResult(body: unknown): MetrcWriteResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ids: undefined, warnings: undefined };
  }
  let ids: number[] | undefined;
  let warnings: unknown;
  for (const [name, value] of Object.entries(body)) {
    const lower = name.toLowerCase();
    if (lower === 'ids' && Array.isArray(value))
      ids = value.filter((v): v is number => typeof v === 'number');
    if (lower === 'warnings') warnings = value;
  }
  return { ids, warnings };
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('aborted'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
