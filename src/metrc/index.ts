/**
 * The Metrc client: every byte Tracegate sends to Metrc goes through here. See README.md for
 * the invariants (auth order, writes never retried, limiter keyed by vendor key and license,
 * `reachedMetrc`).
 *
 * @example
 * const metrc = createMetrcClient({ baseUrlTemplate, store: createMemoryRateLimitStore() });
 * const api = metrc.forKeys({ state: 'ca', vendorKey, userKey });
 * const facilities = await listFacilities(api);
 * const cells = await probeSections(api, { licenseNumber: facilities[0].License.Number });
 */

// Endpoints and their shapes
export * from './catalogue-endpoints.ts';
// Paging and windows
export {
  type LicenseQuery,
  type ListQuery,
  MAX_PAGE_SIZE,
  type MetrcPage,
  type PageQuery,
  type WindowQuery,
} from './endpoint-helpers.ts';
export * from './growing-endpoints.ts';
// Limiter and stores
export { createMemoryRateLimitStore } from './memory-rate-limit-store.ts';
// Client, keys, transport
export type {
  MetrcApi,
  MetrcGetRequest,
  MetrcKeys,
  MetrcWriteRequest,
  MetrcWriteResult,
} from './metrc-api.ts';
export type * from './metrc-bodies.ts';
export {
  createMetrcClient,
  DEFAULT_METRC_TIMEOUT_MS,
  type MetrcClient,
  type MetrcClientOptions,
} from './metrc-client.ts';
export {
  createMetrcClientFromConfig,
  createRateLimitStoreFromConfig,
} from './metrc-client-from-config.ts';
// Errors
export {
  isMetrcError,
  MetrcAbortedError,
  MetrcError,
  type MetrcErrorCode,
  MetrcLimiterTimeoutError,
  MetrcNetworkError,
  MetrcNotFoundError,
  MetrcRateLimitedError,
  MetrcRequestInvalidError,
  type MetrcRequestSummary,
  MetrcRetiredError,
  type MetrcRowError,
  MetrcServerError,
  MetrcTimeoutError,
  MetrcTooLargeError,
  MetrcUnauthorizedError,
  MetrcUnexpectedResponseError,
  MetrcValidationError,
  metrcErrors,
  type NotFoundKind,
  type ReachedMetrc,
  type UnauthorizedScope,
  writeMayHaveLanded,
} from './metrc-errors.ts';
export {
  basicAuthorization,
  formatMetrcTimestamp,
  METRC_USER_AGENT,
  metrcBaseUrl,
  pathSegment,
  vendorKeyIdentity,
} from './metrc-http.ts';
export {
  createMetrcLimiter,
  type LimiterPermit,
  LimiterWaitError,
  type MetrcLimiter,
  type MetrcLimiterOptions,
} from './metrc-limiter.ts';
export { type LimitedRequest, METRC_LIMITS, type MetrcLimits, rulesFor } from './metrc-limits.ts';
export type * from './metrc-records.ts';
// Sections and probes (Verify & Save)
export {
  METRC_SECTIONS,
  type MetrcSection,
  SECTION_PROBES,
  type SectionProbe,
  sectionOfPath,
} from './metrc-sections.ts';
export {
  METRC_STATE_TIME_ZONES,
  METRC_STATES,
  type MetrcState,
  parseMetrcState,
} from './metrc-states.ts';
export {
  createUndiciTransport,
  type MetrcTransport,
  TransportFailure,
  type TransportRequest,
  type TransportResponse,
} from './metrc-transport.ts';
export * from './other-endpoints.ts';
export * from './packages-endpoints.ts';
export { iteratePages, iterateRecords, type PageFetcher, type PageWalkOptions } from './paging.ts';
export * from './people-endpoints.ts';
export { createPostgresRateLimitStore } from './postgres-rate-limit-store.ts';
export type { AcquireResult, LimitRule, RateLimitStore, StorePermit } from './rate-limit-store.ts';
// Reconciliation (outbox)
export {
  findHarvestByNameAndDate,
  findPackageByLabel,
  findPlantBatchByName,
  findReceiptsByExternalNumber,
  RECONCILE_MARGIN_MS,
} from './reconciliation.ts';
export {
  createRedisRateLimitStore,
  DEFAULT_REDIS_PREFIX,
  type RedisRateLimitStore,
} from './redis-rate-limit-store.ts';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';
export * from './sales-endpoints.ts';
export {
  type ProbeOutcome,
  probeSection,
  probeSections,
  type SectionProbeResult,
} from './section-probes.ts';
export {
  DEFAULT_WINDOW_OVERLAP_MS,
  iterateWindowedRecords,
  splitWindows,
  type TimeRange,
  V1_MAX_WINDOW_MS,
  type WindowPolicy,
  windowPolicyFor,
} from './time-windows.ts';
export * from './transfers-endpoints.ts';
