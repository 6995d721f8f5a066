import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { z } from 'zod';
import { Secret } from '../lib/secret.ts';
import { ConfigError } from './config-errors.ts';
import { CONFIG_VARS, type ConfigVarName } from './config-spec.ts';
import type { Config } from './config-types.ts';

export const CONFIG_FILE_NAME = 'tracegate.config.json';

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Where relative paths and `tracegate.config.json` are resolved from. */
  cwd?: string;
}

/**
 * Parses configuration once, from the environment over an optional `tracegate.config.json`
 * (or the file named by `TRACEGATE_CONFIG`). Throws `ConfigError` listing every problem.
 *
 * @example
 * const config = loadConfig({ env: { PORT: '9000' } });
 * config.port; // 9000
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const problems: string[] = [];
  const fileValues = readConfigFile(env, cwd, problems);

  const raw: Record<string, unknown> = {};
  for (const name of Object.keys(CONFIG_VARS) as ConfigVarName[]) {
    const fromEnv = env[name];
    raw[name] = fromEnv !== undefined && fromEnv !== '' ? fromEnv : fileValues[name];
  }

  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(CONFIG_VARS)) {
    const value = raw[name] ?? ('default' in spec ? spec.default : undefined);
    const schema: z.ZodType = 'default' in spec ? spec.schema : spec.schema.optional();
    const parsed = schema.safeParse(value);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${name}: ${describeIssue(parsed.error)}`);
  }
  for (const key of Object.keys(fileValues)) {
    if (!(key in CONFIG_VARS)) problems.push(`${key}: unknown setting in ${CONFIG_FILE_NAME}`);
  }
  checkMetrcRateLimitStore(values, problems);
  checkSmtp(values, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return toConfig(values, cwd);
}

function readConfigFile(
  env: NodeJS.ProcessEnv,
  cwd: string,
  problems: string[],
): Record<string, unknown> {
  const explicit = env.TRACEGATE_CONFIG;
  const path = explicit ? resolve(cwd, explicit) : join(cwd, CONFIG_FILE_NAME);
  if (!existsSync(path)) {
    if (explicit) problems.push(`TRACEGATE_CONFIG: file not found: ${path}`);
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
    problems.push(`${path}: must hold a JSON object of settings`);
  } catch {
    problems.push(`${path}: not valid JSON`);
  }
  return {};
}

function describeIssue(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}

function toConfig(v: Record<string, unknown>, cwd: string): Config {
  const dataDir = resolvePath(cwd, v.TRACEGATE_DATA_DIR as string);
  const host = v.HOST as string;
  const port = v.PORT as number;
  const databaseUrl = v.DATABASE_URL as string | undefined;
  return {
    env: v.NODE_ENV as Config['env'],
    host,
    port,
    dataDir,
    database: databaseConfig(databaseUrl, dataDir, cwd),
    logLevel: v.LOG_LEVEL as string,
    publicUrl: v.PUBLIC_URL as string | undefined,
    metrcBaseUrlTemplate: v.METRC_BASE_URL_TEMPLATE as string | undefined,
    masterKey: v.TRACEGATE_MASTER_KEY
      ? new Secret(v.TRACEGATE_MASTER_KEY as string, { scrub: 'lifetime' })
      : undefined,
    bodyLimitBytes: v.BODY_LIMIT_BYTES as number,
    sessionTtlMs: (v.SESSION_TTL_HOURS as number) * 3_600_000,
    loginMaxFailures: v.LOGIN_MAX_FAILURES as number,
    loginWindowSeconds: v.LOGIN_WINDOW_SECONDS as number,
    seedDemo: v.SEED_DEMO as boolean,
    credentialReverifyMs: (v.CREDENTIAL_REVERIFY_HOURS as number) * 3_600_000,
    insightsMinOrganizations: v.INSIGHTS_MIN_ORGANIZATIONS as number,
    signupOpen: v.SIGNUP_OPEN as boolean,
    signupMaxPerHour: v.SIGNUP_MAX_PER_HOUR as number,
    sync: {
      enabled: v.SYNC_ENABLED as boolean,
      frequentIntervalMs: (v.SYNC_FREQUENT_INTERVAL_MINUTES as number) * 60_000,
      nightlyIntervalMs: (v.SYNC_NIGHTLY_INTERVAL_HOURS as number) * 3_600_000,
      backfillDays: v.SYNC_BACKFILL_DAYS as number,
      overlapMs: (v.SYNC_WINDOW_OVERLAP_SECONDS as number) * 1000,
      pagesAhead: v.SYNC_PAGES_AHEAD as number,
      parallelLicenses: v.SYNC_PARALLEL_LICENSES as number,
      leaseTtlMs: (v.SYNC_LEASE_SECONDS as number) * 1000,
    },
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS as number,
    metrc: toMetrcClientConfig(v),
    smtp: v.SMTP_HOST
      ? {
          host: v.SMTP_HOST as string,
          port: v.SMTP_PORT as number,
          secure: v.SMTP_SECURE as boolean,
          user: v.SMTP_USER as string | undefined,
          password: v.SMTP_PASSWORD ? new Secret(v.SMTP_PASSWORD as string) : undefined,
          from: v.SMTP_FROM as string,
        }
      : null,
    alerts: {
      evaluateIntervalMs: (v.ALERTS_EVALUATE_MINUTES as number) * 60_000,
      packageExpiryDays: v.ALERTS_PACKAGE_EXPIRY_DAYS as number,
      webhookAllowPrivate: v.ALERTS_WEBHOOK_ALLOW_PRIVATE as boolean,
    },
    outbox: {
      batchSize: v.OUTBOX_BATCH_SIZE as number,
      writeCapPerVendorKey: v.OUTBOX_WRITE_CAP as number,
      concurrency: v.OUTBOX_WORKER_CONCURRENCY as number,
      leaseTtlMs: v.OUTBOX_LEASE_TTL_MS as number,
      overdueAfterMs: (v.OUTBOX_OVERDUE_HOURS as number) * 3_600_000,
    },
  };
}

function toMetrcClientConfig(v: Record<string, unknown>): Config['metrc'] {
  const windowHours = v.METRC_V2_MAX_WINDOW_HOURS as number;
  return {
    timeoutMs: v.METRC_TIMEOUT_MS as number,
    getMaxAttempts: v.METRC_GET_MAX_ATTEMPTS as number,
    // Processes sharing a PostgreSQL database share its budgets unless told otherwise.
    rateLimitStore: (v.METRC_RATE_LIMIT_STORE ??
      (isPostgresUrl(v.DATABASE_URL) ? 'postgres' : 'memory')) as Config['metrc']['rateLimitStore'],
    redisUrl: v.REDIS_URL ? new Secret(v.REDIS_URL as string, { scrub: 'lifetime' }) : undefined,
    limits: {
      licenseGetsPerSecond: v.METRC_LICENSE_GETS_PER_SECOND as number,
      licenseGetsInFlight: v.METRC_LICENSE_GETS_IN_FLIGHT as number,
      vendorGetsPerSecond: v.METRC_VENDOR_GETS_PER_SECOND as number,
      vendorGetsInFlight: v.METRC_VENDOR_GETS_IN_FLIGHT as number,
      utilization: v.METRC_LIMIT_UTILIZATION as number,
      licenseWritesPerSecond: v.METRC_LICENSE_WRITES_PER_SECOND as number,
    },
    limiterMaxWaitMs: v.METRC_LIMITER_MAX_WAIT_MS as number,
    v2MaxWindowHours: windowHours > 0 ? windowHours : null,
  };
}

/** E-mail needs a sender, and a password needs a user to go with it. */
function checkSmtp(v: Record<string, unknown>, problems: string[]): void {
  if (v.SMTP_HOST && !v.SMTP_FROM) problems.push('SMTP_FROM: required when SMTP_HOST is set');
  if (v.SMTP_PASSWORD && !v.SMTP_USER) problems.push('SMTP_PASSWORD: needs SMTP_USER');
}

/** A shared rate-limit store needs its server. */
function checkMetrcRateLimitStore(v: Record<string, unknown>, problems: string[]): void {
  if (v.METRC_RATE_LIMIT_STORE === 'postgres' && !v.DATABASE_URL) {
    problems.push('METRC_RATE_LIMIT_STORE: `postgres` needs DATABASE_URL (PostgreSQL)');
  }
  if (v.METRC_RATE_LIMIT_STORE === 'redis' && !v.REDIS_URL) {
    problems.push('METRC_RATE_LIMIT_STORE: `redis` needs REDIS_URL');
  }
}

/** `postgres://…`, `sqlite:<path>` (`sqlite:///abs/path.db` too), or the default SQLite file. */
function databaseConfig(url: string | undefined, dataDir: string, cwd: string): Config['database'] {
  if (!url) return { kind: 'sqlite', path: join(dataDir, 'tracegate.db') };
  if (!url.startsWith('sqlite:')) return { kind: 'postgres', url };
  const path = url.startsWith('sqlite://')
    ? url.slice('sqlite://'.length)
    : url.slice('sqlite:'.length);
  return { kind: 'sqlite', path: resolvePath(cwd, path) };
}

/** A DATABASE_URL that names PostgreSQL (anything but `sqlite:…`; see databaseConfig). */
function isPostgresUrl(url: unknown): boolean {
  return typeof url === 'string' && url.length > 0 && !url.startsWith('sqlite:');
}

function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
