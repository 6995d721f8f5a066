/**
 * The one place bytes leave for Metrc: HTTP over undici with pooled keep-alive connections and a
 * deadline per request. It knows nothing of keys or endpoints; it reports precisely how far a
 * failed request got, which is what `reachedMetrc` is made of.
 */
import { Agent, type Dispatcher } from 'undici';
import type { ReachedMetrc } from './metrc-errors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface TransportRequest {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  /** JSON text for writes. */
  body?: string | undefined;
  /** Deadline for the whole exchange, from dispatch to the last byte of the answer. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type TransportFailureKind = 'timeout' | 'network' | 'aborted';

/** A request that got no complete answer; `reachedMetrc` says how far it got. */
export class TransportFailure extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    readonly reachedMetrc: ReachedMetrc,
    /** undici or system code (`ECONNREFUSED`, `UND_ERR_SOCKET`…). */
    readonly networkCode: string | undefined,
    /** Set when headers arrived before the failure. */
    readonly status: number | undefined,
  ) {
    super(`transport ${kind}${networkCode ? ` (${networkCode})` : ''}`);
    this.name = 'TransportFailure';
  }
}

/** Sends one HTTP exchange; swappable in tests. */
export interface MetrcTransport {
  /** Resolves with any HTTP status; rejects only with `TransportFailure`. */
  send(request: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}

export interface UndiciTransportOptions {
  /** Connections kept per origin; above Metrc's 30 in-flight GETs plus some writes. */
  connectionsPerOrigin?: number;
  /** Largest answer accepted, in bytes. */
  maxResponseBytes?: number;
  /** TCP+TLS connect deadline (bounded by the request deadline too). */
  connectTimeoutMs?: number;
}

export const DEFAULT_CONNECTIONS_PER_ORIGIN = 48;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Where the request was when it failed; decides `reachedMetrc`. */
type Phase = 'queued' | 'sending' | 'sent' | 'answering';

const REACHED: Record<Phase, ReachedMetrc> = {
  // Not yet on a socket, or the request not completely written: Metrc cannot have acted.
  queued: 'no',
  sending: 'no',
  // Fully handed to the socket, no answer yet: it may have been processed.
  sent: 'unknown',
  // Metrc began answering.
  answering: 'yes',
};

/** Codes of failures that happen before any byte of the request can have left. */
const NEVER_LEFT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
]);

export function createUndiciTransport(options: UndiciTransportOptions = {}): MetrcTransport {
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const agent = new Agent({
    connections: options.connectionsPerOrigin ?? DEFAULT_CONNECTIONS_PER_ORIGIN,
    pipelining: 1,
    // The request deadline below governs; these are only backstops.
    headersTimeout: 0,
    bodyTimeout: 0,
    connect: { timeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS },
  });
  return {
    send: (request) => dispatchOnce(agent, request, maxBytes),
    close: () => agent.close(),
  };
}

function dispatchOnce(
  dispatcher: Dispatcher,
  request: TransportRequest,
  maxBytes: number,
): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    let phase: Phase = 'queued';
    let abortSocket: ((error: Error) => void) | undefined;
    let settled = false;
    let status = 0;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let size = 0;

    const finish = () => {
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (kind: TransportFailureKind, networkCode: string | undefined) => {
      if (settled) return;
      const reached =
        kind === 'network' && NEVER_LEFT_CODES.has(networkCode ?? '') ? 'no' : REACHED[phase];
      finish();
      reject(
        new TransportFailure(
          kind,
          reached,
          networkCode,
          phase === 'answering' ? status : undefined,
        ),
      );
    };
    const stop = (kind: TransportFailureKind, networkCode?: string) => {
      fail(kind, networkCode);
      // Cancels the socket if the request is on one; if still queued, onConnect cancels it.
      abortSocket?.(new Error(`metrc request ${kind}`));
    };
    const onAbort = () => stop('aborted');
    const timer = setTimeout(() => stop('timeout'), request.timeoutMs);
    if (request.signal?.aborted) {
      stop('aborted');
      return;
    }
    request.signal?.addEventListener('abort', onAbort, { once: true });

    // undici 7 still calls the legacy hooks; `onRequestSent` is missing from its types only.
    const handler: Dispatcher.DispatchHandler & { onRequestSent(): void } = {
      onConnect(abort) {
        if (settled) {
          abort(new Error('metrc request cancelled before it was sent'));
          return;
        }
        abortSocket = abort;
        phase = 'sending';
      },
      onRequestSent() {
        if (phase === 'sending') phase = 'sent';
      },
      onHeaders(statusCode, rawHeaders) {
        if (statusCode < 200) return true; // 1xx: the final answer follows
        phase = 'answering';
        status = statusCode;
        headers = parseRawHeaders(rawHeaders);
        return true;
      },
      onData(chunk) {
        size += chunk.length;
        if (size > maxBytes) {
          stop('network', 'METRC_RESPONSE_TOO_LARGE');
          return false;
        }
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        if (settled) return;
        finish();
        resolve({ status, headers, body: Buffer.concat(chunks).toString('utf8') });
      },
      onError(error) {
        fail('network', errorCode(error));
      },
    };
    try {
      dispatcher.dispatch(
        {
          origin: request.url.origin,
          path: `${request.url.pathname}${request.url.search}`,
          method: request.method,
          headers: request.headers,
          body: request.body,
        },
        handler,
      );
    } catch (error) {
      fail('network', errorCode(error));
    }
  });
}

function parseRawHeaders(raw: Buffer[] | string[] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = String(raw[i]).toLowerCase();
    const value = String(raw[i + 1]);
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined ? undefined : errorCode(cause);
}
