import { type DestinationStream, type Logger, pino } from 'pino';
import { scrubSecrets } from './secret.ts';

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

/** Requests are logged by method, path (query values dropped) and client address; never headers. */
function serializeRequest(req: { method?: string; url?: string; ip?: string }) {
  return { method: req.method, url: redactQuery(req.url ?? ''), remoteAddress: req.ip };
}

/** A logger that writes nowhere (for tests and CLI commands that print their own output). */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
