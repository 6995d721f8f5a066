import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { Principal } from '../auth/index.ts';
import type { DB } from '../db/index.ts';
import { type Clock, toTimestamp } from '../lib/index.ts';
import type { AlertEngine } from './alert-engine.ts';
import { ALERT_KINDS, type AlertKind, type AlertView } from './alert-types.ts';
import { alertsErrors } from './alerts-errors.ts';
import { type AlertsRepo, toAlertView } from './alerts-repo.ts';
import type { DeliveriesRepo } from './deliveries-repo.ts';
import type { DeliveryService } from './delivery-service.ts';
import { type AlertPreference, preferenceMatrix } from './preferences-fns.ts';
import type { PreferencesRepo } from './preferences-repo.ts';

/** Who looks at the inbox: it shows the kinds their role's console preferences allow. */
export type Viewer = Pick<Principal, 'organizationId' | 'role'>;

export interface InboxFilter {
  status?: 'open' | 'resolved';
  kind?: string;
  licenseId?: number;
  limit?: number;
  beforeId?: number;
}

/**
 * The alerts inbox and its settings: what each person sees (their role's console preferences),
 * acknowledging, preferences per role and kind, the delivery log, and evaluation on demand.
 */
export function createAlertsService(deps: {
  db: Kysely<DB>;
  repo: AlertsRepo;
  preferences: PreferencesRepo;
  deliveriesRepo: DeliveriesRepo;
  engine: AlertEngine;
  delivery: DeliveryService;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
}) {
  const { db, repo, clock } = deps;

  async function consoleKinds(actor: Viewer): Promise<AlertKind[]> {
    const matrix = preferenceMatrix(await deps.preferences.list(actor.organizationId));
    return matrix.filter((p) => p.role === actor.role && p.console).map((p) => p.kind);
  }

  async function list(actor: Viewer, filter: InboxFilter = {}): Promise<AlertView[]> {
    if (filter.kind !== undefined) checkKind(filter.kind);
    const visible = await consoleKinds(actor);
    const kinds = filter.kind ? visible.filter((k) => k === filter.kind) : visible;
    const rows = await repo.list(actor.organizationId, {
      status: filter.status,
      kinds,
      licenseId: filter.licenseId,
      limit: filter.limit,
      beforeId: filter.beforeId,
    });
    return rows.map(toAlertView);
  }

  async function get(actor: Viewer, id: number): Promise<AlertView> {
    const row = await repo.find(actor.organizationId, id);
    if (!row || !(await consoleKinds(actor)).includes(row.kind as AlertKind)) {
      throw alertsErrors.ALERT_NOT_FOUND();
    }
    return toAlertView(row);
  }

  /** Marks an alert as seen by someone; the first acknowledgement is kept. */
  async function acknowledge(actor: Principal, id: number): Promise<AlertView> {
    await get(actor, id);
    await repo.acknowledge(actor.organizationId, id, actor.userId, toTimestamp(clock.now()));
    return get(actor, id);
  }

  async function getPreferences(organizationId: number): Promise<AlertPreference[]> {
    return preferenceMatrix(await deps.preferences.list(organizationId));
  }

  async function setPreferences(
    actor: Principal,
    changes: AlertPreference[],
  ): Promise<AlertPreference[]> {
    for (const change of changes) checkKind(change.kind);
    const at = toTimestamp(clock.now());
    await db.transaction().execute(async (trx) => {
      for (const change of changes) {
        await deps.preferences.upsert(actor.organizationId, change, at, trx);
      }
      await deps.audit.record(
        {
          organizationId: actor.organizationId,
          actor,
          action: 'alert_preferences.changed',
          details: { changes },
        },
        trx,
      );
    });
    return getPreferences(actor.organizationId);
  }

  async function deliveryLog(
    organizationId: number,
    filter: { alertId?: number; status?: 'pending' | 'delivered' | 'failed'; limit?: number },
  ) {
    const rows = await deps.deliveriesRepo.list(organizationId, filter);
    const attempts = await deps.deliveriesRepo.attemptsOf(
      organizationId,
      rows.map((r) => r.id),
    );
    return rows.map((row) => ({
      id: row.id,
      alertId: row.alert_id,
      event: row.event,
      channel: row.channel,
      target: row.target,
      messageId: row.message_id,
      status: row.status,
      attempts: row.attempts,
      nextAttemptAt: row.next_attempt_at,
      lastError: row.last_error,
      createdAt: row.created_at,
      deliveredAt: row.delivered_at,
      log: attempts
        .filter((a) => a.delivery_id === row.id)
        .map((a) => ({
          attempt: a.attempt,
          attemptedAt: a.attempted_at,
          outcome: a.outcome,
          statusCode: a.status_code,
          error: a.error,
          durationMs: a.duration_ms,
        })),
    }));
  }

  /** "Check now": evaluates one organization and sends what became due. */
  async function evaluateNow(organizationId: number) {
    const report = await deps.engine.evaluate(organizationId);
    const sent = await deps.delivery.deliverDue({ organizationId });
    return { ...report, ...sent };
  }

  /** The worker's job: every organization, then every due delivery. */
  async function runScheduled(): Promise<void> {
    await deps.engine.evaluateAll();
    await deps.delivery.deliverDue();
  }

  return {
    list,
    get,
    acknowledge,
    getPreferences,
    setPreferences,
    deliveryLog,
    evaluateNow,
    runScheduled,
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;

function checkKind(kind: string): asserts kind is AlertKind {
  if (!(ALERT_KINDS as readonly string[]).includes(kind)) {
    throw alertsErrors.ALERT_KIND_UNKNOWN({ details: { kind } });
  }
}
