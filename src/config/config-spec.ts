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
const positiveNumber = z.coerce.number().positive();

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
      .regex(
        /^(postgres(ql)?:\/\/|sqlite:)/,
        'must start with postgres://, postgresql:// or sqlite:',
      )
      .optional(),
    description:
      'PostgreSQL connection string, or `sqlite:<path>` for an SQLite file elsewhere. When unset, Tracegate uses embedded SQLite at `<TRACEGATE_DATA_DIR>/tracegate.db`. With PostgreSQL on the same host, prefer its Unix socket (`postgres://postgres@localhost/tracegate?host=/var/run/postgresql`): every statement costs less CPU than over TCP.',
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
      'Login attempts allowed per e-mail (and four times as many per client address) within `LOGIN_WINDOW_SECONDS` before `429 AUTH_RATE_LIMITED`. Attempts are counted before the password is checked, in the database, so every process shares them; a correct password gives its attempt back.',
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
  // Metrc client (src/metrc): deadlines, retries and the shared rate limiter.
  METRC_TIMEOUT_MS: {
    schema: positiveInt,
    default: 60_000,
    description:
      'Deadline of one HTTP exchange with Metrc, in milliseconds. A write that times out after it was sent is reconciled before it is sent again.',
  },
  METRC_GET_MAX_ATTEMPTS: {
    schema: positiveInt,
    default: 4,
    description:
      'Attempts of a Metrc GET (the first included) on 429, 5xx, timeouts and network errors, with capped exponential backoff. Writes are never retried by the client.',
  },
  METRC_RATE_LIMIT_STORE: {
    schema: z.enum(['memory', 'postgres', 'redis']),
    description:
      'Where the Metrc rate limiter (and the outbox write cap) keeps its budgets. `memory` for one process; `postgres` (uses `DATABASE_URL`) or `redis` (uses `REDIS_URL`) so every process of a deployment shares one budget per vendor key and license. Unset: `postgres` when `DATABASE_URL` is PostgreSQL (several processes may share it), otherwise `memory`.',
  },
  REDIS_URL: {
    schema: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    secret: true,
    description:
      'Redis for `METRC_RATE_LIMIT_STORE=redis`, e.g. `redis://127.0.0.1:6379`. Treated as a secret (it may hold a password).',
  },
  METRC_LICENSE_GETS_PER_SECOND: {
    schema: positiveNumber,
    default: 50,
    description: "Metrc's GET rate per license (`licenseNumber`).",
  },
  METRC_LICENSE_GETS_IN_FLIGHT: {
    schema: positiveInt,
    default: 10,
    description: "Metrc's concurrent GETs per license.",
  },
  METRC_VENDOR_GETS_PER_SECOND: {
    schema: positiveNumber,
    default: 150,
    description: "Metrc's GET rate per vendor (integrator) key, all licenses together.",
  },
  METRC_VENDOR_GETS_IN_FLIGHT: {
    schema: positiveInt,
    default: 30,
    description: "Metrc's concurrent GETs per vendor key.",
  },
  METRC_LIMIT_UTILIZATION: {
    schema: z.coerce.number().gt(0).max(1),
    default: 0.95,
    description:
      'Fraction of the per-second GET rates the limiter uses; the rest absorbs clock and network jitter so Metrc never answers 429.',
  },
  METRC_LICENSE_WRITES_PER_SECOND: {
    schema: z.coerce.number().min(0),
    default: 5,
    description:
      'Pace of writes (POST/PUT/DELETE) per license. Metrc does not limit writes, but floods hurt it. `0` turns the pace off.',
  },
  METRC_LIMITER_MAX_WAIT_MS: {
    schema: positiveInt,
    default: 120_000,
    description:
      'Longest a Metrc request waits for room in the rate limiter before failing with `METRC_LIMITER_TIMEOUT` (nothing is sent).',
  },
  METRC_V2_MAX_WINDOW_HOURS: {
    schema: z.coerce.number().min(0),
    default: 24,
    description:
      'Longest lastModified window of one v2 list request; longer ranges are split into chronological windows. `0` = no limit. v1 endpoints always use 24.',
  },
  CREDENTIAL_REVERIFY_HOURS: {
    schema: z.coerce.number().positive(),
    default: 6,
    description:
      'How often every saved Metrc key is re-verified in the background (a 401 seen anywhere re-verifies at once).',
  },
  SYNC_ENABLED: {
    schema: booleanText,
    default: true,
    description:
      'Whether the worker pulls every license with a facility key into the mirror (pull sync). `false` leaves only `tracegate sync` and refresh requests to a process that has it on.',
  },
  SYNC_FREQUENT_INTERVAL_MINUTES: {
    schema: positiveNumber,
    default: 10,
    description: 'How often packages, sales receipts and transfers are pulled (incremental).',
  },
  SYNC_NIGHTLY_INTERVAL_HOURS: {
    schema: positiveNumber,
    default: 24,
    description:
      'How often the other resources (facilities, employees, items, strains, locations, plants, plant batches, harvests, lab results) are pulled.',
  },
  SYNC_BACKFILL_DAYS: {
    schema: positiveNumber,
    default: 30,
    description:
      'How far back the first pull (backfill) of a license reaches; `tracegate sync --since` overrides it per run.',
  },
  SYNC_WINDOW_OVERLAP_SECONDS: {
    schema: z.coerce.number().int().min(0).max(3600),
    default: 300,
    description:
      'Each incremental pull starts this long before the last stored window ended, for records stamped late or at a seam (re-reading them never duplicates).',
  },
  SYNC_PAGES_AHEAD: {
    schema: z.coerce.number().int().min(1).max(10),
    default: 2,
    description: 'Pages of one window fetched at once per license (the limiter still paces them).',
  },
  SYNC_PARALLEL_LICENSES: {
    schema: z.coerce.number().int().min(1).max(100),
    default: 20,
    description: 'Licenses one worker process pulls at once.',
  },
  SYNC_LEASE_SECONDS: {
    schema: positiveInt,
    default: 120,
    description:
      'How long a process holds a license’s sync lease without storing a page; a crashed process’s licenses are taken over after this.',
  },
  OUTBOX_BATCH_SIZE: {
    schema: z.coerce.number().int().min(1).max(500),
    default: 50,
    description:
      'Submissions per Metrc request where Metrc takes arrays (sales receipts, package adjustments, …); each kind may cap it lower. A 400 splits a batch to isolate the rejected rows.',
  },
  OUTBOX_WRITE_CAP: {
    schema: positiveInt,
    default: 30,
    description:
      'Writes in flight per vendor key (Metrc allows 30 concurrent requests per vendor key), shared by every worker process that shares the Metrc rate-limit store (METRC_RATE_LIMIT_STORE=postgres or redis); with the memory store, per process.',
  },
  OUTBOX_WORKER_CONCURRENCY: {
    schema: positiveInt,
    default: 32,
    description: 'Licenses one worker process drains at once (each license strictly in order).',
  },
  OUTBOX_LEASE_TTL_MS: {
    schema: z.coerce.number().int().min(1_000),
    default: 30_000,
    description:
      "How long a worker's lease on a license lasts without renewal. A killed worker's licenses are taken over after this long; live workers renew while they work.",
  },
  OUTBOX_OVERDUE_HOURS: {
    schema: positiveNumber,
    default: 24,
    description:
      'A submission not reported to Metrc after this long counts as overdue: the `submission_overdue` alert and the console’s Overdue view.',
  },
  INSIGHTS_MIN_ORGANIZATIONS: {
    schema: positiveInt,
    default: 5,
    description:
      'Aggregates across organizations are published only for groups of at least this many organizations (k-anonymity).',
  },
  SMTP_HOST: {
    schema: z.string().min(1).optional(),
    description:
      'SMTP server that sends alert e-mails. When unset, alerts are not e-mailed (console and webhooks still work).',
    example: 'smtp.example.com',
  },
  SMTP_PORT: {
    schema: port,
    default: 587,
    description: 'Port of the SMTP server (587 submission with STARTTLS, 465 implicit TLS).',
  },
  SMTP_SECURE: {
    schema: booleanText,
    default: false,
    description:
      'Connect with TLS from the start (port 465). When false, STARTTLS is used if the server offers it.',
  },
  SMTP_USER: {
    schema: z.string().min(1).optional(),
    description: 'SMTP user name, if the server needs authentication.',
  },
  SMTP_PASSWORD: {
    schema: z.string().min(1).optional(),
    secret: true,
    description: 'SMTP password for `SMTP_USER`. Never logged.',
  },
  SMTP_FROM: {
    schema: z.string().min(3).optional(),
    description: 'Sender of alert e-mails; required with `SMTP_HOST`.',
    example: 'Tracegate <alerts@example.com>',
  },
  ALERTS_EVALUATE_MINUTES: {
    schema: positiveNumber,
    default: 5,
    description:
      'How often the worker re-evaluates alert conditions for every organization and sends due notifications.',
  },
  ALERTS_PACKAGE_EXPIRY_DAYS: {
    schema: positiveInt,
    default: 30,
    description: 'A package raises an "expiring" alert this many days before its expiration date.',
  },
  ALERTS_WEBHOOK_ALLOW_PRIVATE: {
    schema: booleanText,
    default: false,
    description:
      'Allow webhook endpoints on loopback, private (RFC 1918), link-local and other non-public addresses. Off in production: a webhook URL could otherwise reach internal services or cloud metadata (SSRF). The demo with the built-in emulator turns it on, so a receiver on 127.0.0.1 works.',
  },
  SIGNUP_OPEN: {
    schema: booleanText,
    default: true,
    description:
      'Whether anyone may create an organization from the console sign-up page (`POST /api/signup`). Sign-up still needs a Metrc key holding an active license in a state with a vendor key (rule 11); set `false` to let only platform admins create organizations.',
  },
  SIGNUP_MAX_PER_HOUR: {
    schema: positiveInt,
    default: 5,
    description:
      'Public sign-up attempts allowed per client address per hour, successful or not, before `429 SIGNUP_RATE_LIMITED`. Counted in the database (the login throttle table), so every process shares them.',
  },
  SHUTDOWN_TIMEOUT_MS: {
    schema: positiveInt,
    default: 10_000,
    description: 'On SIGTERM, how long to wait for in-flight requests before exiting.',
  },
} satisfies Record<string, ConfigVar>;

export type ConfigVarName = keyof typeof CONFIG_VARS;
