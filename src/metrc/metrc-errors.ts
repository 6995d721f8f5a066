import { AppError, defineErrors, type ErrorSpec } from '../lib/index.ts';

/**
 * Every way a Metrc call can fail, as stable codes (docs/errors.md) and classes. Messages name
 * the method, path, state and license, never a key, a header or a request body.
 */
const METRC_ERROR_SPECS = {
  METRC_UNAUTHORIZED: {
    status: 424,
    message: 'Metrc refused the credentials for this request (401 or 403).',
    description:
      'Metrc answers 401 (with a `Message` body or with none; some deployments 403 for a denial) for a key that is wrong, regenerated, expired or whose user was deactivated, and also for a license the user no longer works at, a section the license type lacks, or a missing user permission. `details.scope` is `key` when no license was involved (the key itself was rejected) and `license` otherwise; `details.licenseNumber` and `details.section` name what was asked. Re-verify the credential.',
  },
  METRC_VALIDATION: {
    status: 422,
    message: 'Metrc rejected the request as invalid (400).',
    description:
      "Metrc's own validation failed; nothing was changed (writes are all-or-nothing). `details.rows` holds Metrc's `[{row, message}]` (0-based row of the submitted array) and `details.metrcMessage` a whole-request message. Fix the data; sending it again unchanged fails again.",
  },
  METRC_ENDPOINT_NOT_FOUND: {
    status: 501,
    message: 'This Metrc state does not offer the endpoint (404).',
    description:
      "Not every state has every endpoint. A 404 on a list or lookup endpoint, or one whose body is ASP.NET's route miss (`No HTTP resource was found that matches the request URI`), means the endpoint is absent in this state. Treat the section as not offered.",
  },
  METRC_OBJECT_NOT_FOUND: {
    status: 404,
    message: 'The Metrc object does not exist (404).',
    description:
      'A lookup by id, label or external number found nothing: the endpoint exists in this state but the object does not. Reconciliation treats this as "the write did not land".',
  },
  METRC_RETIRED: {
    status: 502,
    message: 'Metrc has retired this endpoint (405).',
    description:
      'Metrc answers 405 for endpoints it removed (e.g. `GET sales/v1/receipts`, Bulletin 90). A code change is needed: use the replacement endpoint.',
  },
  METRC_TOO_LARGE: {
    status: 413,
    message: 'Metrc refused the request as too large (413).',
    description:
      'Too many objects in one write (Metrc\'s "object limiting") or too large a body. Nothing was changed; split the batch.',
  },
  METRC_RATE_LIMITED: {
    status: 503,
    retryable: true,
    message: 'Metrc answered 429: too many requests.',
    description:
      "Metrc's GET limits were exceeded despite Tracegate's limiter (another deployment sharing the vendor key, or Metrc's limits are lower than configured). GETs were retried, honouring `Retry-After`; `details.retryAfterMs` says when to try again.",
  },
  METRC_SERVER_ERROR: {
    status: 502,
    retryable: true,
    message: 'Metrc failed with a server error (5xx).',
    description:
      'Metrc or a proxy in front of it failed. GETs were retried with backoff before this surfaced. A write that gets a 5xx may still have landed behind a gateway: reconcile before sending it again.',
  },
  METRC_TIMEOUT: {
    status: 504,
    retryable: true,
    message: 'Metrc did not answer in time.',
    description:
      'No complete answer before the deadline (`METRC_TIMEOUT_MS`). `reachedMetrc` says whether the request had left: for a write with `unknown`, it may have landed — look it up before sending it again.',
  },
  METRC_NETWORK: {
    status: 502,
    retryable: true,
    message: 'The connection to Metrc failed.',
    description:
      'Connection refused, reset, closed or a DNS failure. `reachedMetrc` is `no` when the request never left (refused, DNS) and `unknown` when the connection broke after it was sent.',
  },
  METRC_UNEXPECTED_RESPONSE: {
    status: 502,
    message: 'Metrc answered in an unexpected way.',
    description:
      'A status the client does not know, a body that is not JSON, or JSON whose shape does not match what the endpoint returns. `details.httpStatus` and `details.problem` say what.',
  },
  METRC_REQUEST_INVALID: {
    status: 400,
    message: 'The request to Metrc is invalid and was not sent.',
    description:
      'The body failed the strict schema of the endpoint (unknown field, wrong type, empty batch) or a parameter is malformed. Nothing left Tracegate. `details.issues` lists the paths.',
  },
  METRC_LIMITER_TIMEOUT: {
    status: 503,
    retryable: true,
    message: 'No Metrc request slot became free in time; the request was not sent.',
    description:
      "Tracegate's rate limiter (Metrc's per-license and per-vendor-key budgets, shared by every process) had no room within the wait allowed. Nothing was sent. Usually a sign of more work than Metrc's limits allow.",
  },
  METRC_ABORTED: {
    status: 503,
    retryable: true,
    message: 'The Metrc request was cancelled by its caller.',
    description:
      'The caller gave up (shutdown, lease lost). `reachedMetrc` says whether the request had already left; a cancelled write with `unknown` must be reconciled.',
  },
} as const satisfies Record<string, ErrorSpec>;

/** Registers the codes in the catalogue (docs/errors.md); the classes below are what is thrown. */
export const metrcErrors = defineErrors('metrc', METRC_ERROR_SPECS);

export type MetrcErrorCode = keyof typeof METRC_ERROR_SPECS;

/**
 * Whether the request could have reached Metrc: `no` = it never left (connection refused,
 * limiter gave up, invalid body); `yes` = Metrc (or its proxy) answered; `unknown` = it left
 * and then the connection broke or the deadline passed — a write may have landed.
 */
export type ReachedMetrc = 'no' | 'yes' | 'unknown';

/** What was asked: enough to act on, never a key. */
export interface MetrcRequestSummary {
  method: string;
  /** Path without query, e.g. `/sales/v2/receipts/active`. */
  path: string;
  /** Lower-case state code, e.g. `ca`. */
  state: string;
  licenseNumber: string | undefined;
  /** The Metrc section of the path (Sales, Packages, …), see section-probes.ts. */
  section: string | undefined;
}

export interface MetrcErrorInit {
  request: MetrcRequestSummary;
  reachedMetrc: ReachedMetrc;
  httpStatus?: number | undefined;
  /** Attempts made, including the last (GETs retry). */
  attempts?: number;
  message?: string;
  extra?: Record<string, unknown>;
  cause?: unknown;
}

/** Base class of every error the Metrc client throws. Branch on `code` or the subclass. */
export class MetrcError extends AppError {
  readonly reachedMetrc: ReachedMetrc;
  readonly httpStatus: number | undefined;
  readonly request: MetrcRequestSummary;
  /** Attempts made, the last included (GETs retry; writes make one). */
  attempts: number;

  constructor(code: MetrcErrorCode, init: MetrcErrorInit) {
    const spec: ErrorSpec = METRC_ERROR_SPECS[code];
    const where = describeRequest(init.request);
    super(code, spec, `${init.message ?? spec.message} ${where}`, {
      ...init.request,
      reachedMetrc: init.reachedMetrc,
      httpStatus: init.httpStatus,
      attempts: init.attempts ?? 1,
      ...init.extra,
    });
    this.reachedMetrc = init.reachedMetrc;
    this.httpStatus = init.httpStatus;
    this.request = init.request;
    this.attempts = init.attempts ?? 1;
    if (init.cause !== undefined) Object.defineProperty(this, 'cause', { value: init.cause });
  }

  /** Records how many attempts led to this error. */
  withAttempts(attempts: number): this {
    this.attempts = attempts;
    (this.details as Record<string, unknown>).attempts = attempts;
    return this;
  }
}

function describeRequest(request: MetrcRequestSummary): string {
  const license = request.licenseNumber ? ` for license ${request.licenseNumber}` : '';
  return `(${request.method} ${request.path} in ${request.state.toUpperCase()}${license})`;
}

export type UnauthorizedScope = 'key' | 'license';

export class MetrcUnauthorizedError extends MetrcError {
  /** `key`: no license was involved, so the key itself was refused. */
  readonly scope: UnauthorizedScope;
  readonly licenseNumber: string | undefined;
  readonly section: string | undefined;

  constructor(init: MetrcErrorInit) {
    const scope: UnauthorizedScope = init.request.licenseNumber ? 'license' : 'key';
    super('METRC_UNAUTHORIZED', { ...init, extra: { ...init.extra, scope } });
    this.scope = scope;
    this.licenseNumber = init.request.licenseNumber;
    this.section = init.request.section;
  }
}

/** One of Metrc's row errors: `row` is the 0-based index in the submitted array. */
export interface MetrcRowError {
  row: number | null;
  message: string;
}

export class MetrcValidationError extends MetrcError {
  readonly rows: MetrcRowError[];
  readonly metrcMessage: string | undefined;

  constructor(init: MetrcErrorInit & { rows: MetrcRowError[]; metrcMessage: string | undefined }) {
    const said = init.rows
      .slice(0, 3)
      .map((r) => (r.row === null ? r.message : `row ${r.row}: ${r.message}`).replace(/\.$/, ''));
    if (said.length === 0 && init.metrcMessage) said.push(init.metrcMessage);
    super('METRC_VALIDATION', {
      ...init,
      // Metrc's own words: they name the row and the field, never a key.
      message: `Metrc rejected the request as invalid (400)${said.length ? `: ${said.join('; ').slice(0, 300)}` : ''}.`,
      extra: { ...init.extra, rows: init.rows, metrcMessage: init.metrcMessage },
    });
    this.rows = init.rows;
    this.metrcMessage = init.metrcMessage;
  }
}

export type NotFoundKind = 'endpoint' | 'object';

export class MetrcNotFoundError extends MetrcError {
  /** `endpoint`: the state does not offer it; `object`: the id/label/number does not exist. */
  readonly kind: NotFoundKind;

  constructor(kind: NotFoundKind, init: MetrcErrorInit) {
    super(kind === 'endpoint' ? 'METRC_ENDPOINT_NOT_FOUND' : 'METRC_OBJECT_NOT_FOUND', {
      ...init,
      extra: { ...init.extra, kind },
    });
    this.kind = kind;
  }
}

export class MetrcRetiredError extends MetrcError {
  constructor(init: MetrcErrorInit) {
    super('METRC_RETIRED', init);
  }
}

export class MetrcTooLargeError extends MetrcError {
  constructor(init: MetrcErrorInit) {
    super('METRC_TOO_LARGE', init);
  }
}

export class MetrcRateLimitedError extends MetrcError {
  /** From `Retry-After` when Metrc sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(init: MetrcErrorInit & { retryAfterMs: number | undefined }) {
    super('METRC_RATE_LIMITED', {
      ...init,
      extra: { ...init.extra, retryAfterMs: init.retryAfterMs },
    });
    this.retryAfterMs = init.retryAfterMs;
  }
}

export class MetrcServerError extends MetrcError {
  constructor(init: MetrcErrorInit) {
    super('METRC_SERVER_ERROR', init);
  }
}

export class MetrcTimeoutError extends MetrcError {
  constructor(init: MetrcErrorInit & { timeoutMs: number }) {
    super('METRC_TIMEOUT', {
      ...init,
      message: `Metrc did not answer within ${init.timeoutMs} ms.`,
      extra: { ...init.extra, timeoutMs: init.timeoutMs },
    });
  }
}

export class MetrcNetworkError extends MetrcError {
  /** The system or undici code, e.g. `ECONNREFUSED`, `UND_ERR_SOCKET`. */
  readonly networkCode: string | undefined;

  constructor(init: MetrcErrorInit & { networkCode: string | undefined }) {
    super('METRC_NETWORK', {
      ...init,
      message: `The connection to Metrc failed${init.networkCode ? ` (${init.networkCode})` : ''}.`,
      extra: { ...init.extra, networkCode: init.networkCode },
    });
    this.networkCode = init.networkCode;
  }
}

export class MetrcUnexpectedResponseError extends MetrcError {
  constructor(init: MetrcErrorInit & { problem: string }) {
    super('METRC_UNEXPECTED_RESPONSE', {
      ...init,
      message: `Metrc answered in an unexpected way: ${init.problem}.`,
      extra: { ...init.extra, problem: init.problem },
    });
  }
}

export class MetrcRequestInvalidError extends MetrcError {
  constructor(init: Omit<MetrcErrorInit, 'reachedMetrc'> & { issues: string[] }) {
    super('METRC_REQUEST_INVALID', {
      ...init,
      reachedMetrc: 'no',
      message: `The request to Metrc is invalid and was not sent: ${init.issues.slice(0, 3).join('; ')}.`,
      extra: { ...init.extra, issues: init.issues },
    });
  }
}

export class MetrcLimiterTimeoutError extends MetrcError {
  constructor(init: Omit<MetrcErrorInit, 'reachedMetrc'> & { waitedMs: number }) {
    super('METRC_LIMITER_TIMEOUT', {
      ...init,
      reachedMetrc: 'no',
      extra: { ...init.extra, waitedMs: Math.round(init.waitedMs) },
    });
  }
}

export class MetrcAbortedError extends MetrcError {
  constructor(init: MetrcErrorInit) {
    super('METRC_ABORTED', init);
  }
}

export function isMetrcError(error: unknown): error is MetrcError {
  return error instanceof MetrcError;
}

/**
 * Whether a failed write may nonetheless have been applied, so the outbox must look it up
 * before sending it again: the request left and no answer came (`unknown`), or a 5xx came
 * back (a gateway may have timed out while Metrc committed).
 */
export function writeMayHaveLanded(error: unknown): boolean {
  if (!(error instanceof MetrcError)) return true;
  if (error.reachedMetrc === 'unknown') return true;
  return error.reachedMetrc === 'yes' && error.httpStatus !== undefined && error.httpStatus >= 500;
}
