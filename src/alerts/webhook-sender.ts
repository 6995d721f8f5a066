import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { Agent, request } from 'undici';
import type { Secret } from '../lib/index.ts';
import type { WebhookPoster } from './alert-types.ts';
import { alertsErrors } from './alerts-errors.ts';
import { addressRefusal, type HostLookup, hostOf, systemLookup } from './webhook-target.ts';

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

type LookupCallback = (
  error: Error | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * POSTs a signed webhook. Redirects are not followed (a signed message goes only where
 * configured). Unless `allowPrivate`, the host is resolved once per delivery, every address is
 * checked, and the socket connects to a checked address — no second lookup between check and
 * connect (DNS rebinding). An IP literal is checked as it stands.
 *
 * @example
 * const post = createWebhookPoster({ allowPrivate: config.alerts.webhookAllowPrivate });
 * const { status } = await post('https://hooks.example.com/x', body, headers);
 */
export function createWebhookPoster(options: {
  allowPrivate: boolean;
  lookup?: HostLookup;
}): WebhookPoster {
  const resolveHost = options.lookup ?? systemLookup;

  /** `net.connect`'s `lookup` option: the one resolution the connection uses. */
  function checkedLookup(host: string, lookupOptions: LookupOptions, callback: LookupCallback) {
    resolveHost(host).then(
      (found) => {
        const refusal = options.allowPrivate
          ? found.length === 0
            ? alertsErrors.WEBHOOK_HOST_UNRESOLVED({ details: { host } })
            : null
          : addressRefusal(
              host,
              found.map((a) => a.address),
            );
        if (refusal) {
          callback(refusal, '');
          return;
        }
        const first = found[0] as LookupAddress;
        if (lookupOptions.all) callback(null, found);
        else callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, ''),
    );
  }

  return async (url, body, headers) => {
    const host = hostOf(new URL(url));
    const literalRefusal =
      !options.allowPrivate && isIP(host) ? addressRefusal(host, [host]) : null;
    if (literalRefusal) throw literalRefusal;
    // One agent per delivery: a fresh resolution each time, and no idle socket left behind.
    const agent = new Agent({ connect: { lookup: checkedLookup } });
    try {
      const response = await request(url, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Tracegate-Webhooks',
          ...headers,
        },
        dispatcher: agent,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await response.body.dump();
      return { status: response.statusCode };
    } finally {
      await agent.close();
    }
  };
}
