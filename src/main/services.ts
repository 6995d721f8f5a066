import { createAlerts, createSmtpMailer } from '../alerts/index.ts';
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
  createSignupLimiter,
  createUsersRepo,
} from '../auth/index.ts';
import type { Config } from '../config/index.ts';
import {
  createCredentialEvents,
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
import { createInsightsRepo, createInsightsService } from '../insights/index.ts';
import { createJobLeases } from '../leases/index.ts';
import type { Clock, Logger } from '../lib/index.ts';
import { createLicensesRepo, createLicensesService } from '../licenses/index.ts';
import type { MetrcClient } from '../metrc/index.ts';
import {
  createLocalNotifier,
  createOutbox,
  createPackageLedger,
  createPostgresNotifier,
} from '../outbox/index.ts';
import {
  createMirrorFacts,
  createMirrorQueries,
  createMirrorSignals,
  createSyncService,
} from '../sync/index.ts';
import type { Vault } from '../vault/index.ts';
import { createAlertSources } from './alert-sources.ts';
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
  // Credentials tell the outbox about saved keys without importing it.
  const credentialEvents = createCredentialEvents(logger);
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
    events: credentialEvents,
  });
  const apiTokensRepo = createApiTokensRepo(db);
  // Login and sign-up attempts are counted in one table, under different keys.
  const throttleRepo = createLoginThrottleRepo(db);
  const loginLimiter = createLoginLimiter({
    repo: throttleRepo,
    clock,
    maxFailures: config.loginMaxFailures,
    windowSeconds: config.loginWindowSeconds,
  });
  const signupLimiter = createSignupLimiter({
    repo: throttleRepo,
    clock,
    maxPerHour: config.signupMaxPerHour,
  });
  const outbox = createOutbox({
    db,
    dialect,
    clock,
    logger,
    audit,
    vault,
    users,
    licenses: licensesRepo,
    credentials: credentialsRepo,
    notifier:
      config.database.kind === 'postgres'
        ? createPostgresNotifier({ db, url: config.database.url, logger })
        : createLocalNotifier(),
    settings: config.outbox,
  });
  credentialEvents.subscribe((event) => outbox.service.onKeySaved(event));
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
  // Keys, syncing, submissions and the Metrc mirror, adapted in alert-sources.ts.
  const mirrorSignals = createMirrorSignals(db);
  const alerts = createAlerts({
    db,
    vault,
    audit,
    clock,
    logger,
    sources: createAlertSources({
      config,
      credentialsRepo,
      credentials,
      licensesRepo,
      outbox: outbox.service,
      mirror: mirrorSignals,
      ledger: createPackageLedger(db),
    }),
    organizationIds: async () => (await organizations.list()).map((o) => o.id),
    members: (organizationId) => identity.listMembers(organizationId),
    mailer: config.smtp ? createSmtpMailer(config.smtp) : null,
    webhooks: { allowPrivate: config.alerts.webhookAllowPrivate },
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
    events: credentialEvents,
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
    signupLimiter,
    onboarding: createOnboardingService({ credentials, identity, clock, users }),
    licenses: createLicensesService({ db, licenses: licensesRepo, audit, clock }),
    vendorKeys,
    credentials,
    credentialHealth,
    outbox,
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
    // Insights aggregate the mirror's facts (src/sync/mirror-facts.ts).
    insights: createInsightsService({
      db,
      repo: createInsightsRepo(db),
      source: createMirrorFacts(db),
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
    mirrorSignals,
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
