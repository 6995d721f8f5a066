import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Role } from '../auth/index.ts';
import type { AlertDeliveriesTable, AlertRow, DB } from '../db/index.ts';
import { type Clock, toTimestamp } from '../lib/index.ts';
import type { AlertEvent } from './alert-types.ts';
import type { DeliveriesRepo } from './deliveries-repo.ts';
import { type AlertPreference, preferenceMatrix } from './preferences-fns.ts';
import type { PreferencesRepo } from './preferences-repo.ts';
import type { WebhookEndpointsRepo } from './webhook-endpoints-repo.ts';

/** Everything needed to address one organization's alert events, read before the transaction. */
export interface Recipients {
  preferences: AlertPreference[];
  members: Array<{ email: string; role: Role }>;
  endpoints: Array<{ id: number; kinds: string[]; onResolve: boolean }>;
}

/**
 * Decides who hears of an alert event: members whose role's preference has e-mail on for the
 * kind, and enabled webhook endpoints subscribed to it. Resolutions go only where `onResolve` is
 * set. Each (alert, event, channel, target) is planned once, so a message goes once per raise.
 */
export function createDeliveryPlanner(deps: {
  preferences: Pick<PreferencesRepo, 'list'>;
  endpoints: Pick<WebhookEndpointsRepo, 'list'>;
  deliveries: Pick<DeliveriesRepo, 'insertMany'>;
  members(organizationId: number): Promise<Array<{ email: string; role: Role }>>;
  /** False without SMTP: no e-mail is planned, rather than planned to fail. */
  emailEnabled: boolean;
  clock: Clock;
}) {
  async function recipients(organizationId: number): Promise<Recipients> {
    const endpoints = await deps.endpoints.list(organizationId);
    return {
      preferences: preferenceMatrix(await deps.preferences.list(organizationId)),
      members: deps.emailEnabled ? await deps.members(organizationId) : [],
      endpoints: endpoints
        .filter((e) => e.enabled === 1)
        .map((e) => ({
          id: e.id,
          kinds: JSON.parse(e.kinds) as string[],
          onResolve: e.on_resolve === 1,
        })),
    };
  }

  async function plan(
    to: Recipients,
    alert: AlertRow,
    event: AlertEvent,
    executor: Kysely<DB>,
  ): Promise<void> {
    const at = toTimestamp(deps.clock.now());
    const rows: Insertable<AlertDeliveriesTable>[] = [];
    const base = {
      organization_id: alert.organization_id,
      alert_id: alert.id,
      event,
      status: 'pending' as const,
      next_attempt_at: at,
      created_at: at,
    };
    const roles = new Set(
      to.preferences
        .filter((p) => p.kind === alert.kind && p.email && (event === 'raised' || p.onResolve))
        .map((p) => p.role),
    );
    const emails = new Set(to.members.filter((m) => roles.has(m.role)).map((m) => m.email));
    for (const email of emails) {
      rows.push({ ...base, channel: 'email', target: email, message_id: `msg_${randomUUID()}` });
    }
    for (const endpoint of to.endpoints) {
      if (endpoint.kinds.length > 0 && !endpoint.kinds.includes(alert.kind)) continue;
      if (event === 'resolved' && !endpoint.onResolve) continue;
      rows.push({
        ...base,
        channel: 'webhook',
        target: `endpoint:${endpoint.id}`,
        endpoint_id: endpoint.id,
        message_id: `msg_${randomUUID()}`,
      });
    }
    await deps.deliveries.insertMany(rows, executor);
  }

  return { recipients, plan };
}

export type DeliveryPlanner = ReturnType<typeof createDeliveryPlanner>;
