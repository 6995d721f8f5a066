import {
  createAlerts,
  createCredentialSource,
  createLicenseSyncSource,
  createSmtpMailer,
} from '../alerts/index.ts';
import { createAuditRepo, createAuditService } from '../audit/index.ts';
import {
  createApiTokenService,
  createApiTokensRepo,
  createIdentityService,
  createLoginLimiter,
  createLoginThrottleRepo,
  createOrganizationsRepo,
  createSessionService,
  createSessionsRepo,
  createUsersRepo,
} from '../auth/index.ts';
import type { Config } from '../config/index.ts';
import {
  createCredentialHealthService,
  createCredentialsRepo,
  createCredentialsService,
  createIntakeLinksRepo,
  createIntakeLinksService,
  createKeyCheck,
  createOnboardingService,
  createVendorKeysRepo,
  createVendorKeysService,
  hashCredentialKeys,
  type MetrcKeyProbe,
  resealLegacyCredentials,
} from '../credentials/index.ts';
import type { Database } from '../db/index.ts';
import { createIdempotencyRepo, createIdempotencyService } from '../idempotency/index.ts';
import {
  createInsightsRepo,
  createInsightsService,
  EMPTY_INSIGHTS_SOURCE,
} from '../insights/index.ts';
import { createJobLeases } from '../leases/index.ts';
import type { Clock, Logger } from '../lib/index.ts';
import { createLicensesRepo, createLicensesService } from '../licenses/index.ts';
import type { MetrcClient } from '../metrc/index.ts';
import { createMirrorQueries, createMirrorSignals, createSyncService } from '../sync/index.ts';
import type { Vault } from '../vault/index.ts';
import { openDatabaseVault } from './open-vault.ts';

/** What every process is built from. */
export interface CoreDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  /** Opened (and the master key proven) before anything else starts. */
  vault: Vault;
  /** The Metrc calls that verify keys (facilities list, section probes), through the limiter. */
  metrcProbe: MetrcKeyProbe;
  /** The shared Metrc client for pull sync; absent in processes without Metrc. */
  metrc?: MetrcClient | null;
}

/**
 * Wires repositories and services once; the API, the CLI and the worker all use this, so they
 * behave the same.
 */
export function createServices(deps: CoreDeps) {
  const { config, database, clock, vault, logger } = deps;
  const { db, dialect } = database;
  const users = createUsersRepo(db);
  const organizations = createOrganizationsRepo(db);
  const sessionsRepo = createSessionsRepo(db);
  const audit = createAuditService({ db, repo: createAuditRepo(db, dialect), clock });
  const licensesRepo = createLicensesRepo(db);
  const credentialsRepo = createCredentialsRepo(db);
  const vendorKeys = createVendorKeysService({
    db,
    repo: createVendorKeysRepo(db),
    vault,
    audit,
    clock,
    probe: deps.metrcProbe,
  });
  const credentials = createCredentialsService({
    db,
    repo: credentialsRepo,
    licenses: licensesRepo,
    users,
    vault,
    vendorKeys,
    probe: deps.metrcProbe,
    audit,
    clock,
  });
  const apiTokensRepo = createApiTokensRepo(db);
  const loginLimiter = createLoginLimiter({
    repo: createLoginThrottleRepo(db),
    clock,
    maxFailures: config.loginMaxFailures,
    windowSeconds: config.loginWindowSeconds,
  });
  const identity = createIdentityService({
    db,
    users,
    organizations,
    sessions: sessionsRepo,
    audit,
    clock,
    loginLimiter,
    tokens: apiTokensRepo,
  });
  // Submission and mirror sources join here when the outbox and sync features land (src/alerts/README.md).
  const alerts = createAlerts({
    db,
    vault,
    audit,
    clock,
    logger,
    sources: [
      createCredentialSource({ credentials: credentialsRepo }),
      createLicenseSyncSource({ licenses: licensesRepo, syncByLicense: credentials.syncByLicense }),
    ],
    organizationIds: async () => (await organizations.list()).map((o) => o.id),
    members: (organizationId) => identity.listMembers(organizationId),
    mailer: config.smtp ? createSmtpMailer(config.smtp) : null,
    consoleUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
  });
  const credentialHealth = createCredentialHealthService({
    db,
    repo: credentialsRepo,
    vault,
    vendorKeys,
    probe: deps.metrcProbe,
    audit,
    clock,
    logger,
    reverifyIntervalMs: config.credentialReverifyMs,
  });
  return {
    ...deps,
    audit,
    organizations,
    sessions: createSessionService({
      users,
      organizations,
      sessions: sessionsRepo,
      limiter: loginLimiter,
      clock,
      sessionTtlMs: config.sessionTtlMs,
    }),
    sessionsRepo,
    apiTokens: createApiTokenService({ db, tokens: apiTokensRepo, audit, clock }),
    identity,
    loginLimiter,
    onboarding: createOnboardingService({ credentials, identity, clock, users }),
    licenses: createLicensesService({ db, licenses: licensesRepo, audit, clock }),
    vendorKeys,
    credentials,
    credentialHealth,
    intakeLinks: createIntakeLinksService({
      repo: createIntakeLinksRepo(db),
      users,
      credentials,
      credentialsRepo,
      audit,
      clock,
      publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
    }),
    /** One holder per name across the deployment (periodic jobs; the outbox's per-license leases). */
    leases: createJobLeases({ db, dialect, clock }),
    idempotency: createIdempotencyService({ repo: createIdempotencyRepo(db), clock }),
    alerts: alerts.service,
    webhookEndpoints: alerts.endpoints,
    // The mirror's facts replace the empty source when the sync feature lands (src/insights/README.md).
    insights: createInsightsService({
      db,
      repo: createInsightsRepo(db),
      source: EMPTY_INSIGHTS_SOURCE,
      audit,
      clock,
      minOrganizations: config.insightsMinOrganizations,
    }),
    keyCheck: createKeyCheck({ vendorKeys, probe: deps.metrcProbe, clock }),
    sync: createSyncService({
      db,
      dialect,
      clock,
      logger,
      vault,
      vendorKeys,
      health: credentialHealth,
      metrc: deps.metrc ?? null,
      settings: { ...config.sync, backoffMs: 60_000 },
    }),
    mirror: createMirrorQueries(db),
    mirrorSignals: createMirrorSignals(db),
  };
}

export type AppServices = ReturnType<typeof createServices>;

/**
 * Proves the master key (the vault opens before anything else), then wires the services.
 *
 * @example
 * const services = await openServices({ config, database, clock, logger, metrcProbe });
 */
export async function openServices(deps: Omit<CoreDeps, 'vault'>): Promise<AppServices> {
  const vault = await openDatabaseVault(deps);
  // Rows sealed before keys were bound to their organization (migration 0005, ADR 0013).
  await resealLegacyCredentials({ db: deps.database.db, vault, logger: deps.logger });
  await hashCredentialKeys({ db: deps.database.db, vault, logger: deps.logger });
  return createServices({ ...deps, vault });
}
