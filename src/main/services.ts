import { createAuditRepo, createAuditService } from '../audit/index.ts';
import {
  createApiTokenService,
  createApiTokensRepo,
  createIdentityService,
  createLoginLimiter,
  createOrganizationsRepo,
  createSessionService,
  createSessionsRepo,
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
  createOnboardingService,
  createVendorKeysRepo,
  createVendorKeysService,
  type MetrcKeyProbe,
} from '../credentials/index.ts';
import type { Database } from '../db/index.ts';
import type { Clock, Logger } from '../lib/index.ts';
import { createLicensesRepo, createLicensesService } from '../licenses/index.ts';
import { createLocalNotifier, createOutbox, createPostgresNotifier } from '../outbox/index.ts';
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
  });
  return {
    ...deps,
    audit,
    organizations,
    sessions: createSessionService({
      users,
      organizations,
      sessions: sessionsRepo,
      limiter: createLoginLimiter({
        maxFailures: config.loginMaxFailures,
        windowSeconds: config.loginWindowSeconds,
      }),
      clock,
      sessionTtlMs: config.sessionTtlMs,
    }),
    sessionsRepo,
    apiTokens: createApiTokenService({ db, tokens: createApiTokensRepo(db), audit, clock }),
    identity,
    onboarding: createOnboardingService({ credentials, identity, clock }),
    licenses: createLicensesService({ db, licenses: licensesRepo, audit, clock }),
    vendorKeys,
    credentials,
    credentialHealth: createCredentialHealthService({
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
    }),
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
  return createServices({ ...deps, vault: await openDatabaseVault(deps) });
}
