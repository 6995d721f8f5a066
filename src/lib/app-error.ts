/** What every catalogued error declares: its HTTP status, whether retrying can help, and docs. */
export interface ErrorSpec {
  status: number;
  message: string;
  /** One or two sentences for docs/errors.md: when it happens and what to do. */
  description: string;
  retryable?: boolean;
}

/**
 * The one error type that crosses feature boundaries. Its `code` (AREA_REASON) is stable and
 * documented; callers branch on it, never on `message`.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: string;
  readonly status: number;
  readonly retryable: boolean;
  readonly details: unknown;

  constructor(
    code: string,
    spec: Pick<ErrorSpec, 'status' | 'retryable'>,
    message: string,
    details?: unknown,
  ) {
    super(message);
    this.code = code;
    this.status = spec.status;
    this.retryable = spec.retryable ?? false;
    this.details = details;
  }
}

type ErrorFactory = (options?: { message?: string; details?: unknown }) => AppError;

const catalogue = new Map<string, ErrorSpec & { area: string }>();

/**
 * Declares a feature's error codes and returns a factory per code.
 *
 * @example
 * export const authErrors = defineErrors('auth', {
 *   AUTH_INVALID_CREDENTIALS: { status: 401, message: 'Wrong e-mail or password.', description: '…' },
 * });
 * throw authErrors.AUTH_INVALID_CREDENTIALS();
 */
export function defineErrors<const T extends Record<string, ErrorSpec>>(
  area: string,
  specs: T,
): { [K in keyof T]: ErrorFactory } {
  const factories: Record<string, ErrorFactory> = {};
  for (const [code, spec] of Object.entries(specs)) {
    if (!/^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(code)) throw new Error(`bad error code ${code}`);
    const existing = catalogue.get(code);
    if (existing && existing.area !== area) throw new Error(`error code ${code} defined twice`);
    catalogue.set(code, { ...spec, area });
    factories[code] = (options) =>
      new AppError(code, spec, options?.message ?? spec.message, options?.details);
  }
  return factories as { [K in keyof T]: ErrorFactory };
}

/** Every code declared so far (import the feature error modules first), sorted by code. */
export function errorCatalogue(): Array<ErrorSpec & { area: string; code: string }> {
  return [...catalogue.entries()]
    .map(([code, spec]) => ({ code, ...spec }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
