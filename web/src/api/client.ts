import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './openapi-types.ts';

let csrfToken: string | null = null;

/** The session's CSRF token, sent as `x-csrf-token` on every write (see docs/decisions/0004). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && request.method !== 'GET') request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/** The typed API client: paths and bodies come from the server's own OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

/** An error answer of the API: `{ code, message, details }` with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}

/** Returns the body of a successful answer, or throws the API's error as an `ApiError`. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { code?: string; message?: string; details?: unknown };
  throw new ApiError(
    response.status,
    body.code ?? 'HTTP_ERROR',
    body.message ?? `The server answered ${response.status}.`,
    body.details,
  );
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
