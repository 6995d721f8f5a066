import type { RouteAccess } from './authenticate.ts';

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
export const CSRF_HEADER = 'x-csrf-token';
export const IDEMPOTENCY_PARAMETER = 'IdempotencyKey';

/** Security schemes: a token, or the session cookie (plus the CSRF header on writes). */
export const SECURITY_SCHEMES = {
  bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token (`tg_…`).' },
  sessionCookie: { type: 'apiKey', in: 'cookie', name: 'tg_session' },
  csrfHeader: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      'With the session cookie, writes need the session CSRF token (`csrfToken` of GET /api/auth/session). The docs page sends it for you.',
  },
} as const;

export const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[A-Za-z0-9\\-_.:~+/=]+$' },
} as const;

interface Operation {
  parameters?: unknown[];
  security?: unknown[];
  [key: string]: unknown;
}
interface Document {
  paths?: Record<string, Record<string, Operation>>;
  components?: Record<string, unknown>;
  [key: string]: unknown;
}

/** `/api/licenses/:id` → `/api/licenses/{id}`, as @fastify/swagger writes paths. */
const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * What the zod schemas cannot say per route: public routes need no credentials, and every
 * authenticated write takes the CSRF header with a cookie and an optional `Idempotency-Key`.
 */
export function declareWriteConventions<T>(
  document: T,
  catalogue: readonly RouteAccess[],
  keyRequired: ReadonlySet<string> = new Set(),
): T {
  const doc = document as Document;
  const access = new Map(
    catalogue.map((r) => [`${r.method.toLowerCase()} ${toOpenApiPath(r.url)}`, r.access]),
  );
  const required = new Set(
    [...keyRequired].map((k) => {
      const [method = '', url = ''] = k.split(' ');
      return `${method.toLowerCase()} ${toOpenApiPath(url)}`;
    }),
  );
  doc.components = {
    ...doc.components,
    parameters: {
      ...(doc.components?.parameters as object | undefined),
      [IDEMPOTENCY_PARAMETER]: IDEMPOTENCY_KEY_PARAMETER,
    },
  };
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      if (access.get(`${method} ${path}`) === 'public') {
        operation.security = [];
        continue;
      }
      if (!WRITE_METHODS.has(method)) continue;
      operation.security = [{ bearerAuth: [] }, { sessionCookie: [], csrfHeader: [] }];
      operation.parameters = [
        ...(operation.parameters ?? []),
        required.has(`${method} ${path}`)
          ? { ...IDEMPOTENCY_KEY_PARAMETER, required: true }
          : { $ref: `#/components/parameters/${IDEMPOTENCY_PARAMETER}` },
      ];
    }
  }
  return document;
}

/**
 * Runs in the browser (serialised into the docs page by @fastify/swagger-ui): a write sent from
 * /api/docs with the session cookie gets the session's CSRF token, so "Try it out" just works.
 * Self-contained on purpose: it is shipped as source text.
 */
export function docsCsrfInterceptor(request: {
  method?: string;
  headers: Record<string, string>;
}): unknown {
  const method = (request.method || 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return request;
  if (request.headers['x-csrf-token'] || request.headers.Authorization) return request;
  return fetch('/api/auth/session', { credentials: 'same-origin' })
    .then((res) => (res.ok ? (res.json() as Promise<{ csrfToken?: string }>) : null))
    .then((session: { csrfToken?: string } | null) => {
      if (session?.csrfToken) request.headers['x-csrf-token'] = session.csrfToken;
      return request;
    })
    .catch(() => request);
}
