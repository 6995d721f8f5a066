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
import type { Database } from '../db/index.ts';
import type { Clock, Logger } from '../lib/index.ts';
import { createLicensesRepo, createLicensesService } from '../licenses/index.ts';
import type { Vault } from '../vault/index.ts';

/** What every process is built from. */
export interface CoreDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  /** Opened (and the master key proven) before anything else starts. */
  vault: Vault;
}

/**
 * Wires repositories and services once; the API, the CLI and the worker all use this, so they
 * behave the same.
 */
export function createServices(deps: CoreDeps) {
  const { config, database, clock } = deps;
  const { db, dialect } = database;
  const users = createUsersRepo(db);
  const organizations = createOrganizationsRepo(db);
  const sessionsRepo = createSessionsRepo(db);
  const audit = createAuditService({ db, repo: createAuditRepo(db, dialect), clock });
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
    identity: createIdentityService({
      db,
      users,
      organizations,
      sessions: sessionsRepo,
      audit,
      clock,
    }),
    licenses: createLicensesService({ db, licenses: createLicensesRepo(db), audit, clock }),
  };
}

export type AppServices = ReturnType<typeof createServices>;
