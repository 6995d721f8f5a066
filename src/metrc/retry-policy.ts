/**
 * When a failed GET is tried again, and after how long. Writes never come here: POST is not
 * idempotent and Metrc has no idempotency key, so only the outbox (after a lookup) may resend.
 */
import {
  type MetrcError,
  MetrcNetworkError,
  MetrcRateLimitedError,
  MetrcServerError,
  MetrcTimeoutError,
} from './metrc-errors.ts';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Backoff before the second attempt; doubles each time. */
  baseDelayMs: number;
  /** Ceiling of the exponential backoff. */
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error goes to the caller. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

/** 429, 5xx except 501 (not implemented will not change), timeouts and network failures. */
export function isRetryableGetError(error: MetrcError): boolean {
  if (error instanceof MetrcRateLimitedError) return true;
  if (error instanceof MetrcServerError) return error.httpStatus !== 501;
  return error instanceof MetrcTimeoutError || error instanceof MetrcNetworkError;
}

/**
 * Delay before attempt `attempt + 1`: capped exponential backoff with jitter (half fixed, half
 * random, so retries of many callers spread out but never collapse to zero), and never less
 * than Metrc's `Retry-After`. Undefined = do not retry (Retry-After beyond the allowed wait).
 */
export function retryDelayMs(
  attempt: number,
  error: MetrcError,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = exponential / 2 + (random() * exponential) / 2;
  if (error instanceof MetrcRateLimitedError && error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > policy.maxRetryAfterMs) return undefined;
    return Math.max(error.retryAfterMs, jittered);
  }
  return jittered;
}
