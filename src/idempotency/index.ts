export { idempotencyErrors } from './idempotency-errors.ts';
export {
  canonicalJson,
  IDEMPOTENCY_HEADER,
  MAX_KEY_LENGTH,
  parseIdempotencyKey,
  REPLAYED_HEADER,
  requestFingerprint,
} from './idempotency-fns.ts';
export {
  createIdempotencyRepo,
  type IdempotencyRepo,
  type IdempotencyScope,
} from './idempotency-repo.ts';
export {
  createIdempotencyService,
  DEFAULT_LOCK_TIMEOUT_MS,
  DEFAULT_RETENTION_MS,
  type IdempotencyClaim,
  type IdempotencyReplay,
  type IdempotencyService,
  type StoredResponse,
} from './idempotency-service.ts';
