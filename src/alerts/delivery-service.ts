import type { AlertDeliveryRow } from '../db/index.ts';
import { type Clock, isAppError, type Logger, toTimestamp } from '../lib/index.ts';
import type { AlertView, Mailer, WebhookPoster } from './alert-types.ts';
import { type AlertsRepo, toAlertView } from './alerts-repo.ts';
import type { DeliveriesRepo } from './deliveries-repo.ts';
import { alertEmail } from './email-fns.ts';
import type { WebhookEndpointsRepo } from './webhook-endpoints-repo.ts';
import type { WebhookEndpointsService } from './webhook-endpoints-service.ts';
import { signWebhook } from './webhook-sender.ts';

/** Wait before retry n (after attempt n failed); after the last, the delivery is `failed`. */
export const DELIVERY_BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000, 6 * 3_600_000] as const;
/** How long one attempt holds a delivery before another worker may try it. */
export const DELIVERY_LEASE_MS = 60_000;
/** Deliveries taken per pass. */
export const DELIVERY_BATCH = 100;
/** Longest error text kept in the log (a receiver's body is not kept at all). */
const MAX_ERROR_LENGTH = 300;

/**
 * Sends planned deliveries: e-mail through the mailer, webhooks signed per Standard Webhooks.
 * A delivery owns its retry state (attempts, next_attempt_at, last_error); every attempt is
 * logged with its outcome; failures back off per `DELIVERY_BACKOFF_MS`, then give up.
 */
export function createDeliveryService(deps: {
  repo: DeliveriesRepo;
  alerts: Pick<AlertsRepo, 'find'>;
  endpoints: Pick<WebhookEndpointsRepo, 'find'>;
  secrets: Pick<WebhookEndpointsService, 'secretOf'>;
  /** Null when SMTP is not configured: e-mail deliveries fail with a clear error. */
  mailer: Mailer | null;
  post: WebhookPoster;
  clock: Clock;
  logger: Logger;
  /** The console's address, for links in e-mails. */
  consoleUrl: string;
}) {
  const { repo, clock, logger } = deps;

  async function send(delivery: AlertDeliveryRow, alert: AlertView): Promise<number | null> {
    if (delivery.channel === 'email') {
      if (!deps.mailer) throw new Error('SMTP is not configured (SMTP_HOST)');
      await deps.mailer.send(alertEmail(delivery.target, alert, delivery.event, deps.consoleUrl));
      return null;
    }
    const endpoint =
      delivery.endpoint_id === null
        ? undefined
        : await deps.endpoints.find(delivery.organization_id, delivery.endpoint_id);
    if (!endpoint) throw new Error('webhook endpoint was deleted');
    const at = clock.now();
    const body = JSON.stringify({
      type: `alert.${delivery.event}`,
      timestamp: at.toISOString(),
      data: alert,
    });
    const headers = signWebhook(
      await deps.secrets.secretOf(endpoint),
      delivery.message_id,
      at,
      body,
    );
    const { status } = await deps.post(endpoint.url, body, headers);
    if (status < 200 || status >= 300) throw new DeliveryHttpError(status);
    return status;
  }

  async function attempt(delivery: AlertDeliveryRow): Promise<boolean> {
    const started = clock.now();
    const attemptNo = delivery.attempts + 1;
    let statusCode: number | null = null;
    let error: string | null = null;
    const alertRow = await deps.alerts.find(delivery.organization_id, delivery.alert_id);
    try {
      if (!alertRow) throw new Error('alert was deleted');
      statusCode = await send(delivery, toAlertView(alertRow));
    } catch (caught) {
      statusCode = caught instanceof DeliveryHttpError ? caught.status : null;
      error = describe(caught);
    }
    const finished = clock.now();
    const at = toTimestamp(finished);
    const wait = DELIVERY_BACKOFF_MS[attemptNo - 1];
    const delivered = error === null;
    await repo.settle(
      delivery.id,
      delivered
        ? {
            status: 'delivered',
            attempts: attemptNo,
            next_attempt_at: null,
            last_error: null,
            delivered_at: at,
          }
        : {
            status: wait === undefined ? 'failed' : 'pending',
            attempts: attemptNo,
            next_attempt_at:
              wait === undefined ? null : toTimestamp(new Date(finished.getTime() + wait)),
            last_error: error,
            delivered_at: null,
          },
      {
        delivery_id: delivery.id,
        organization_id: delivery.organization_id,
        attempt: attemptNo,
        attempted_at: toTimestamp(started),
        outcome: delivered ? 'delivered' : 'failed',
        status_code: statusCode,
        error,
        duration_ms: Math.max(0, finished.getTime() - started.getTime()),
      },
    );
    if (!delivered) {
      logger.warn(
        { deliveryId: delivery.id, channel: delivery.channel, attempt: attemptNo, statusCode },
        'alert delivery failed',
      );
    }
    return delivered;
  }

  /** One pass over due deliveries (of one organization, or all). */
  async function deliverDue(
    options: { organizationId?: number } = {},
  ): Promise<{ delivered: number; failed: number }> {
    const now = clock.now();
    const due = await repo.listDue(toTimestamp(now), DELIVERY_BATCH, options.organizationId);
    let delivered = 0;
    let failed = 0;
    const lease = toTimestamp(new Date(now.getTime() + DELIVERY_LEASE_MS));
    for (const delivery of due) {
      if (!(await repo.claim(delivery, lease))) continue;
      if (await attempt(delivery)) delivered++;
      else failed++;
    }
    return { delivered, failed };
  }

  return { deliverDue };
}

export type DeliveryService = ReturnType<typeof createDeliveryService>;

class DeliveryHttpError extends Error {
  constructor(readonly status: number) {
    super(`receiver answered HTTP ${status}`);
  }
}

/** What the log keeps of a failure: a code or short message, never a body or a secret. */
function describe(error: unknown): string {
  if (isAppError(error)) return error.code;
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  const text = [e?.code ?? e?.cause?.code, e?.message].filter(Boolean).join(': ');
  return (text || String(error)).slice(0, MAX_ERROR_LENGTH);
}
