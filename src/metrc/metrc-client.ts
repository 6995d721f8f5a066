/**
 * The long-lived Metrc client of a process: one connection pool, one limiter (over one shared
 * store), and a `MetrcApi` per pair of keys. Build it once at start-up; close it at shutdown.
 */
import type { Logger } from '../lib/index.ts';
import { createMemoryRateLimitStore } from './memory-rate-limit-store.ts';
import { createMetrcApi, type MetrcApi, type MetrcKeys } from './metrc-api.ts';
import { createMetrcLimiter, type MetrcLimiter } from './metrc-limiter.ts';
import type { MetrcLimits } from './metrc-limits.ts';
import { createUndiciTransport, type MetrcTransport } from './metrc-transport.ts';
import type { RateLimitStore } from './rate-limit-store.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';

export const DEFAULT_METRC_TIMEOUT_MS = 60_000;

export interface MetrcClientOptions {
  /** `https://api-{state}.metrc.com`, or the emulator's `http://127.0.0.1:4010/{state}`. */
  baseUrlTemplate: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** A limiter to share with other clients; otherwise one is built over `store`. */
  limiter?: MetrcLimiter;
  /** Defaults to an in-memory store (one process). */
  store?: RateLimitStore;
  limits?: Partial<MetrcLimits>;
  limiterMaxWaitMs?: number;
  /** Longest v2 lastModified window (null = none); default 24 h. */
  v2MaxWindowMs?: number | null;
  transport?: MetrcTransport;
  logger?: Logger;
}

export interface MetrcClient {
  readonly baseUrlTemplate: string;
  readonly limiter: MetrcLimiter;
  /**
   * Metrc as one user sees it in one state. Cheap: make one per call site if convenient; every
   * `MetrcApi` of the client shares the pool and the limiter.
   */
  forKeys(keys: MetrcKeys): MetrcApi;
  /** Closes what the client built (pool, limiter and store), not what it was given. */
  close(): Promise<void>;
}

/**
 * @example
 * const metrc = createMetrcClient({ baseUrlTemplate: 'https://api-{state}.metrc.com' });
 * const api = metrc.forKeys({ state: 'ca', vendorKey, userKey }); // Secrets
 * const facilities = await listFacilities(api);
 * await metrc.close();
 */
export function createMetrcClient(options: MetrcClientOptions): MetrcClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_METRC_TIMEOUT_MS;
  const transport = options.transport ?? createUndiciTransport();
  const limiter =
    options.limiter ??
    createMetrcLimiter({
      store: options.store ?? createMemoryRateLimitStore(),
      limits: options.limits,
      maxWaitMs: options.limiterMaxWaitMs,
      // A slot held by a crashed process comes back well after any request would have ended.
      leaseMs: timeoutMs + 30_000,
    });
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const logger = options.logger?.child({ component: 'metrc' });
  return {
    baseUrlTemplate: options.baseUrlTemplate,
    limiter,
    forKeys: (keys) =>
      createMetrcApi(
        keys,
        {
          baseUrlTemplate: options.baseUrlTemplate,
          timeoutMs,
          retry,
          v2MaxWindowMs: options.v2MaxWindowMs,
        },
        { transport, limiter, logger },
      ),
    async close() {
      if (!options.transport) await transport.close();
      if (!options.limiter) await limiter.close();
    },
  };
}
