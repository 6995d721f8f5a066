import type { Secret } from '../lib/index.ts';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** Settings of the Metrc client (src/metrc): see the METRC_* variables in docs/config.md. */
export interface MetrcClientConfig {
  timeoutMs: number;
  getMaxAttempts: number;
  rateLimitStore: 'memory' | 'postgres' | 'redis';
  redisUrl: Secret | undefined;
  limits: {
    licenseGetsPerSecond: number;
    licenseGetsInFlight: number;
    vendorGetsPerSecond: number;
    vendorGetsInFlight: number;
    utilization: number;
    licenseWritesPerSecond: number;
  };
  limiterMaxWaitMs: number;
  /** Null = no limit. */
  v2MaxWindowHours: number | null;
}

/** Alert e-mail over SMTP; null when SMTP_HOST is unset. */
export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: Secret | undefined;
  from: string;
}

/** Alert evaluation and thresholds (ALERTS_* variables). */
export interface AlertsConfig {
  evaluateIntervalMs: number;
  packageExpiryDays: number;
  /** Webhooks may target non-public addresses (tests, the demo); refused by default (SSRF). */
  webhookAllowPrivate: boolean;
}

/** The parsed configuration every process is built from (see docs/config.md). */
export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  logLevel: string;
  publicUrl: string | undefined;
  metrcBaseUrlTemplate: string | undefined;
  /** From TRACEGATE_MASTER_KEY; undefined means the key file in `dataDir`. */
  masterKey: Secret | undefined;
  bodyLimitBytes: number;
  sessionTtlMs: number;
  loginMaxFailures: number;
  loginWindowSeconds: number;
  seedDemo: boolean;
  credentialReverifyMs: number;
  insightsMinOrganizations: number;
  /** Anyone may sign up an organization with a Metrc key (rule 11). */
  signupOpen: boolean;
  /** Sign-up attempts per client address per hour (SIGNUP_MAX_PER_HOUR). */
  signupMaxPerHour: number;
  sync: SyncConfig;
  shutdownTimeoutMs: number;
  smtp: SmtpConfig | null;
  alerts: AlertsConfig;
  metrc: MetrcClientConfig;
  /** The outbox's tunables (OUTBOX_* variables). */
  outbox: {
    batchSize: number;
    writeCapPerVendorKey: number;
    concurrency: number;
    leaseTtlMs: number;
    overdueAfterMs: number;
  };
}

/** Pull sync settings (SYNC_*). */
export interface SyncConfig {
  enabled: boolean;
  frequentIntervalMs: number;
  nightlyIntervalMs: number;
  backfillDays: number;
  overlapMs: number;
  pagesAhead: number;
  parallelLicenses: number;
  leaseTtlMs: number;
}
