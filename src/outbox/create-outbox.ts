/**
 * Wires the outbox of one process from narrowed dependencies: the service (API, CLI) always;
 * the dispatcher when the process is a worker.
 */
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { UsersRepo } from '../auth/index.ts';
import type { CredentialHealthService, CredentialsRepo } from '../credentials/index.ts';
import type { DB, Dialect } from '../db/index.ts';
import type { Clock, Logger } from '../lib/index.ts';
import type { LicensesRepo } from '../licenses/index.ts';
import type { MetrcClient } from '../metrc/index.ts';
import type { Vault } from '../vault/index.ts';
import { createDispatcher, type Dispatcher } from './dispatcher.ts';
import { createKeyPoliciesRepo } from './key-policies-repo.ts';
import { createKeyRouter } from './key-router.ts';
import { createLicenseDrainer } from './license-drain.ts';
import { createLicenseLeasesRepo } from './license-leases-repo.ts';
import type { OutboxNotifier } from './outbox-notifier.ts';
import { createOutboxService } from './outbox-service.ts';
import { DEFAULT_OUTBOX_SETTINGS, type OutboxSettings } from './outbox-settings.ts';
import { createRouteReadsRepo } from './route-reads-repo.ts';
import { createStateCircuits } from './state-circuits.ts';
import { createSubmissionSettler } from './submission-settler.ts';
import { createSubmissionsRepo } from './submissions-repo.ts';
import { createWriteCap } from './write-cap.ts';

export interface OutboxDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  vault: Pick<Vault, 'open'>;
  users: Pick<UsersRepo, 'membership' | 'memberByExternalRef' | 'setExternalRef'>;
  licenses: Pick<LicensesRepo, 'find' | 'findByNumberInAnyState'>;
  credentials: CredentialsRepo;
  notifier: OutboxNotifier;
  settings?: Partial<OutboxSettings>;
}

/** What a worker adds: Metrc and key health (vendor keys are read with each route). */
export interface DispatcherDeps {
  /** `limiter.store` also holds the write cap's slots, so the cap is shared as widely. */
  metrc: Pick<MetrcClient, 'forKeys' | 'limiter'>;
  health: Pick<CredentialHealthService, 'reportUnauthorized'>;
  /** Lease owner id (default: pid and a random suffix). */
  owner?: string;
  random?: () => number;
}

/**
 * @example
 * const outbox = createOutbox({ db, dialect, clock, logger, audit, vault, users, licenses, credentials, notifier });
 * await outbox.service.enqueue(principal, { license: 'C10-0000106-LIC', kind: 'sales.receipt.create', payload });
 * const dispatcher = outbox.createDispatcher({ metrc, health });
 * dispatcher.start();
 */
export function createOutbox(deps: OutboxDeps) {
  const settings: OutboxSettings = { ...DEFAULT_OUTBOX_SETTINGS, ...deps.settings };
  const submissions = createSubmissionsRepo(deps.db, { dialect: deps.dialect });
  const leases = createLicenseLeasesRepo(deps);
  const policies = createKeyPoliciesRepo(deps.db);
  const router = createKeyRouter({ reads: createRouteReadsRepo(deps.db), vault: deps.vault });
  const service = createOutboxService({
    db: deps.db,
    submissions,
    leases,
    policies,
    router,
    licenses: deps.licenses,
    users: deps.users,
    audit: deps.audit,
    clock: deps.clock,
    notifier: deps.notifier,
    settings,
  });

  function createOutboxDispatcher(worker: DispatcherDeps): Dispatcher {
    const settle = createSubmissionSettler({
      db: deps.db,
      dialect: deps.dialect,
      submissions,
      leases,
      credentials: deps.credentials,
      audit: deps.audit,
      clock: deps.clock,
      leaseTtlMs: settings.leaseTtlMs,
    });
    const drainer = createLicenseDrainer({
      submissions,
      leases,
      licenses: deps.licenses,
      credentials: deps.credentials,
      router,
      vault: deps.vault,
      metrc: worker.metrc,
      health: worker.health,
      audit: deps.audit,
      settle,
      writeCap: createWriteCap({
        limit: settings.writeCapPerVendorKey,
        store: worker.metrc.limiter.store,
        leaseMs: settings.writeCapLeaseMs,
        maxWaitMs: settings.writeCapMaxWaitMs,
      }),
      circuits: createStateCircuits({
        clock: deps.clock,
        threshold: settings.circuitThreshold,
        probeMs: settings.circuitProbeMs,
        maxMs: settings.backoffMaxMs,
      }),
      clock: deps.clock,
      logger: deps.logger.child({ component: 'outbox' }),
      settings,
      random: worker.random,
    });
    return createDispatcher({
      leases,
      drainer,
      notifier: deps.notifier,
      settings,
      clock: deps.clock,
      logger: deps.logger.child({ component: 'outbox' }),
      owner: worker.owner,
    });
  }

  return { service, settings, createDispatcher: createOutboxDispatcher };
}

export type Outbox = ReturnType<typeof createOutbox>;
