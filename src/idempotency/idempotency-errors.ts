import { defineErrors } from '../lib/index.ts';

export const idempotencyErrors = defineErrors('idempotency', {
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    message:
      'The Idempotency-Key header must be 1–255 characters of letters, digits and `-_.:~+/=`.',
    description:
      'Send one `Idempotency-Key` per write, for example a UUID; the header was empty, repeated, too long or used other characters.',
  },
  IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    message: 'This write needs an Idempotency-Key header.',
    description:
      'Routes that must never run twice by accident (they report to Metrc) require a key: send a fresh one (e.g. a UUID) per request and the same one on retries.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    message: 'This Idempotency-Key was already used for a different request.',
    description:
      'The same key arrived with another method, URL or body within the retention window (24 h). Use a new key for a new request; retry with the exact same request to get the first answer.',
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    status: 409,
    message: 'A request with this Idempotency-Key is still being processed. Retry shortly.',
    description:
      'Two requests with the same key overlapped; exactly one runs. Retry after `details.retryAfterSeconds` to get its answer.',
    retryable: true,
  },
  IDEMPOTENCY_RESPONSE_WITHHELD: {
    status: 409,
    message:
      'This request already succeeded; its answer carried a one-time secret and is not kept.',
    description:
      'The first request with this key ran (`details.originalStatus`), but its answer held a secret (an API token, a one-time password or link), which Tracegate never stores. List the objects to find what was created.',
  },
});
