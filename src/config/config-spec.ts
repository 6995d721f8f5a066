import { z } from 'zod';

/** One configuration variable: how to parse it, its default, and what docs/config.md says. */
export interface ConfigVar {
  schema: z.ZodType;
  description: string;
  default?: string | number | boolean;
  /** Secret values are never printed, and have no default. */
  secret?: boolean;
  example?: string;
}

const booleanText = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();

/**
 * Every setting Tracegate reads, by its environment variable name. The same names are the keys
 * of the optional `tracegate.config.json`; the environment wins over the file.
 */
export const CONFIG_VARS = {
  NODE_ENV: {
    schema: z.enum(['development', 'production', 'test']),
    default: 'development',
    description: 'Runtime mode. `production` makes session cookies `Secure`.',
  },
  HOST: {
    schema: z.string().min(1),
    default: '127.0.0.1',
    description: 'Interface the HTTP server listens on. Use `0.0.0.0` to accept remote clients.',
  },
  PORT: {
    schema: port,
    default: 8080,
    description: 'TCP port of the HTTP server (API, console, docs). `0` picks a free port.',
  },
  TRACEGATE_DATA_DIR: {
    schema: z.string().min(1),
    default: './data',
    description:
      'Directory for local files: the SQLite database (unless `DATABASE_URL` is set) and the master key file.',
  },
  DATABASE_URL: {
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    description:
      'PostgreSQL connection string. When unset, Tracegate uses embedded SQLite at `<TRACEGATE_DATA_DIR>/tracegate.db`.',
    example: 'postgres://postgres@127.0.0.1:5432/tracegate',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
    description: 'Minimum level of the JSON log lines written to stdout.',
  },
  PUBLIC_URL: {
    schema: z.url().optional(),
    description:
      'The URL people use to reach Tracegate, printed at start-up and used in one-time links. Defaults to `http://HOST:PORT`.',
    example: 'https://tracegate.example.com',
  },
  METRC_BASE_URL_TEMPLATE: {
    schema: z
      .string()
      .regex(/^https?:\/\/.*\{state\}/, 'must be an http(s) URL containing {state}')
      .optional(),
    description:
      'Metrc base URL with a `{state}` placeholder. When unset, `tracegate start` runs the built-in emulator and uses it.',
    example: 'https://api-{state}.metrc.com',
  },
  TRACEGATE_MASTER_KEY: {
    schema: z.string().min(1).optional(),
    secret: true,
    description:
      'Master key of the vault that encrypts Metrc keys: base64 of 32 random bytes, or a keyring `2:<b64>,1:<b64>` (first is primary) during a rotation. When unset, a key file `<TRACEGATE_DATA_DIR>/master.key` (mode 0600) is created on first start. Never stored in the database.',
  },
  BODY_LIMIT_BYTES: {
    schema: positiveInt,
    default: 1_048_576,
    description:
      'Largest accepted request body, in bytes. Larger bodies get `413 REQUEST_TOO_LARGE`.',
  },
  SESSION_TTL_HOURS: {
    schema: positiveInt,
    default: 12,
    description: 'How long a console login session lasts before signing in again.',
  },
  LOGIN_MAX_FAILURES: {
    schema: positiveInt,
    default: 5,
    description:
      'Failed logins allowed per e-mail and client address within `LOGIN_WINDOW_SECONDS` before `429 AUTH_RATE_LIMITED`.',
  },
  LOGIN_WINDOW_SECONDS: {
    schema: positiveInt,
    default: 900,
    description: 'Window of the failed-login limit, in seconds.',
  },
  SEED_DEMO: {
    schema: booleanText,
    default: true,
    description:
      'On first start with an empty database, create the demo organization and print its one-time admin password.',
  },
  SHUTDOWN_TIMEOUT_MS: {
    schema: positiveInt,
    default: 10_000,
    description: 'On SIGTERM, how long to wait for in-flight requests before exiting.',
  },
} satisfies Record<string, ConfigVar>;

export type ConfigVarName = keyof typeof CONFIG_VARS;
