import { Webhook } from 'standardwebhooks';
import type { Secret } from '../lib/index.ts';
import type { WebhookPoster } from './alert-types.ts';

/** Longest wait for a receiver; Standard Webhooks receivers should answer within seconds. */
export const WEBHOOK_TIMEOUT_MS = 15_000;

/**
 * The three Standard Webhooks headers for one message. `msgId` stays the same across retries so
 * a receiver can drop a duplicate; the timestamp is the attempt's, as the scheme expects.
 */
export function signWebhook(
  secret: Secret,
  msgId: string,
  at: Date,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret.reveal()).sign(msgId, at, body),
  };
}

/** POSTs with fetch; redirects are not followed (a signed message goes only where configured). */
export const fetchWebhookPoster: WebhookPoster = async (url, body, headers) => {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'user-agent': 'Tracegate-Webhooks', ...headers },
    redirect: 'manual',
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  await response.body?.cancel();
  return { status: response.status };
};
