import { type DestinationStream, type Logger, pino } from 'pino';
import { scrubSecrets } from './log-scrubber.ts';

export type { Logger };

/**
 * Paths pino blanks before serialising. Secrets should travel as `Secret` (already
 * `[REDACTED]`); these catch the ones that arrive as plain strings.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.apiKey',
  '*.userKey',
  '*.vendorKey',
  '*.secret',
  '*.masterKey',
  'password',
  'token',
  'apiKey',
  'userKey',
  'vendorKey',
  'secret',
  'masterKey',
];

export interface LoggerOptions {
  level?: string;
  /** Where lines go; defaults to stdout. Tests pass a collecting stream. */
  destination?: DestinationStream;
}

/**
 * The process logger: JSON lines, redacted by path, and every line scrubbed of any value that
 * was ever wrapped in a `Secret` — the last line of defence against a key inside an error message.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      hooks: { streamWrite: (line) => scrubSecrets(line) },
      base: undefined,
      serializers: { req: serializeRequest },
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}

/** `/a?key=secret&x=1` → `/a?key=…&x=…`: a value in a query string could be a key. */
export function redactQuery(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = [...new URLSearchParams(url.slice(at + 1)).keys()];
  return `${url.slice(0, at)}?${names.map((n) => `${encodeURIComponent(n)}=…`).join('&')}`;
}

const REDACTED_SEGMENT = '[REDACTED]';
/** Route parameters that carry a secret (a one-time link's token): never logged. */
const SECRET_PARAM = /^:(token|\w*Token|secret|key)$/;
/** Our token shapes (`tg_…` API tokens, `tgk_…` one-time links), wherever they appear in a path. */
const TOKEN_SEGMENT = /^tgk?_/i;

/**
 * `/api/intake/tgk_abc?x=1` → `/api/intake/[REDACTED]?x=…`: path segments that hold a secret
 * (by the route's parameter name, or by our token shapes) and every query value are dropped.
 *
 * @example
 * redactUrl('/api/intake/tgk_abc', '/api/intake/:token'); // '/api/intake/[REDACTED]'
 */
export function redactUrl(url: string, routePattern?: string): string {
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  const pattern = routePattern?.split('/') ?? [];
  const segments = path.split('/').map((segment, i) => {
    if (SECRET_PARAM.test(pattern[i] ?? '')) return REDACTED_SEGMENT;
    return TOKEN_SEGMENT.test(segment) ? REDACTED_SEGMENT : segment;
  });
  return redactQuery(`${segments.join('/')}${at < 0 ? '' : url.slice(at)}`);
}

/** Requests are logged by method, path (secrets and query values dropped) and client address. */
function serializeRequest(req: {
  method?: string;
  url?: string;
  ip?: string;
  routeOptions?: { url?: string };
}) {
  return {
    method: req.method,
    url: redactUrl(req.url ?? '', req.routeOptions?.url),
    remoteAddress: req.ip,
  };
}

/** A logger that writes nowhere (for tests and CLI commands that print their own output). */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
