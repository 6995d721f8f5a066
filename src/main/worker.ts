import { toTimestamp } from '../lib/index.ts';
import type { MetrcClient } from '../metrc/index.ts';
import { createScheduler } from './scheduler.ts';
import type { AppServices } from './services.ts';

const SESSION_PURGE_INTERVAL_MS = 60 * 60 * 1000;
/** Keys live 24 h; an hourly purge keeps the table to about a day of writes. */
const IDEMPOTENCY_PURGE_INTERVAL_MS = 60 * 60 * 1000;
/** How often the worker looks for keys whose last verification is older than the interval. */
const CREDENTIAL_HEALTH_TICK_MS = 5 * 60 * 1000;

/** How often the worker looks for due syncs and "refresh now" requests. */
const SYNC_TICK_MS = 15 * 1000;

/**
 * Background work of a Tracegate process: the outbox dispatcher, key health, alerts, pull sync
 * and housekeeping. Every periodic task is leased, so it runs in one process of the deployment
 * however many run a worker; the dispatcher leases licenses one at a time.
 */
export function createWorker(services: AppServices, options: { metrc?: MetrcClient } = {}) {
  const scheduler = createScheduler({ logger: services.logger, leases: services.leases });
  // The outbox dispatcher: leases licenses and reports their submissions to Metrc.
  const dispatcher = options.metrc
    ? services.outbox.createDispatcher({
        metrc: options.metrc,
        health: services.credentialHealth,
      })
    : null;
  scheduler.every('credential-health', CREDENTIAL_HEALTH_TICK_MS, async ({ signal }) => {
    const { checked, failed } = await services.credentialHealth.runDue({ signal });
    if (checked > 0) services.logger.info({ checked, failed }, 'credentials re-verified');
  });
  scheduler.every(
    'alerts',
    services.config.alerts.evaluateIntervalMs,
    services.alerts.runScheduled,
  );
  if (services.config.sync.enabled) {
    // Each tick pulls what is due (and refresh requests) under per-license leases.
    scheduler.every('pull-sync', SYNC_TICK_MS, async ({ signal }) => {
      // A first pull can take minutes: shutdown stops it (pages stored so far stay stored).
      const results = await services.sync.runDue({ signal });
      if (results.length > 0)
        services.logger.info(
          {
            licenses: results.length,
            failed: results.filter((r) => r.status !== 'ok' && r.status !== 'stopped').length,
            stopped: results.filter((r) => r.status === 'stopped').length,
          },
          'pull sync ran',
        );
    });
  }
  scheduler.every('purge-expired-sessions', SESSION_PURGE_INTERVAL_MS, async () => {
    await services.sessionsRepo.deleteExpired(toTimestamp(services.clock.now()));
  });
  scheduler.every('purge-login-throttle', SESSION_PURGE_INTERVAL_MS, async () => {
    await services.loginLimiter.purgeEnded();
  });
  scheduler.every('purge-idempotency-keys', IDEMPOTENCY_PURGE_INTERVAL_MS, async () => {
    const purged = await services.idempotency.purgeExpired();
    if (purged > 0) services.logger.info({ purged }, 'expired idempotency keys purged');
  });
  return {
    start: () => {
      scheduler.start();
      dispatcher?.start();
    },
    stop: async () => {
      await dispatcher?.stop();
      await scheduler.stop();
    },
    dispatcher,
  };
}
