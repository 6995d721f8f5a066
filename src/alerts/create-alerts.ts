import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { Role } from '../auth/index.ts';
import type { DB } from '../db/index.ts';
import type { Clock, Logger } from '../lib/index.ts';
import type { Vault } from '../vault/index.ts';
import { createAlertEngine } from './alert-engine.ts';
import type { ConditionSource, Mailer, WebhookPoster } from './alert-types.ts';
import { createAlertsRepo } from './alerts-repo.ts';
import { createAlertsService } from './alerts-service.ts';
import { createDeliveriesRepo } from './deliveries-repo.ts';
import { createDeliveryPlanner } from './delivery-planner.ts';
import { createDeliveryService } from './delivery-service.ts';
import { createPreferencesRepo } from './preferences-repo.ts';
import { createWebhookEndpointsRepo } from './webhook-endpoints-repo.ts';
import { createWebhookEndpointsService } from './webhook-endpoints-service.ts';
import { createWebhookPoster } from './webhook-sender.ts';
import type { HostLookup } from './webhook-target.ts';

/**
 * Wires the alerts feature: engine over the given condition sources, delivery planner and
 * sender, webhook endpoints, and the inbox service.
 *
 * @example
 * const alerts = createAlerts({ db, vault, audit, clock, logger, sources, mailer: null,
 *   organizationIds: async () => (await organizations.list()).map((o) => o.id),
 *   members: (orgId) => identity.listMembers(orgId), consoleUrl: 'http://127.0.0.1:8080',
 *   webhooks: { allowPrivate: false } });
 * await alerts.service.runScheduled();
 */
export function createAlerts(deps: {
  db: Kysely<DB>;
  vault: Pick<Vault, 'seal' | 'open' | 'destroy'>;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  logger: Logger;
  sources: readonly ConditionSource[];
  organizationIds(): Promise<number[]>;
  members(organizationId: number): Promise<Array<{ email: string; role: Role }>>;
  mailer: Mailer | null;
  post?: WebhookPoster;
  /** SSRF guard: private addresses only when allowed (ALERTS_WEBHOOK_ALLOW_PRIVATE). */
  webhooks: { allowPrivate: boolean; lookup?: HostLookup };
  consoleUrl: string;
}) {
  const { db, audit, clock, logger } = deps;
  const repo = createAlertsRepo(db);
  const preferences = createPreferencesRepo(db);
  const endpointsRepo = createWebhookEndpointsRepo(db);
  const deliveriesRepo = createDeliveriesRepo(db);
  const endpoints = createWebhookEndpointsService({
    db,
    repo: endpointsRepo,
    vault: deps.vault,
    audit,
    clock,
    ...deps.webhooks,
  });
  const planner = createDeliveryPlanner({
    preferences,
    endpoints: endpointsRepo,
    deliveries: deliveriesRepo,
    members: deps.members,
    emailEnabled: deps.mailer !== null,
    clock,
  });
  const engine = createAlertEngine({
    db,
    repo,
    sources: deps.sources,
    organizationIds: deps.organizationIds,
    planner,
    audit,
    clock,
    logger,
  });
  const delivery = createDeliveryService({
    repo: deliveriesRepo,
    alerts: repo,
    endpoints: endpointsRepo,
    secrets: endpoints,
    mailer: deps.mailer,
    post: deps.post ?? createWebhookPoster(deps.webhooks),
    clock,
    logger,
    consoleUrl: deps.consoleUrl,
  });
  const service = createAlertsService({
    db,
    repo,
    preferences,
    deliveriesRepo,
    engine,
    delivery,
    audit,
    clock,
  });
  return { service, endpoints, engine, delivery };
}

export type Alerts = ReturnType<typeof createAlerts>;
