import { toTimestamp } from '../lib/index.ts';
import type { MetrcClient } from '../metrc/index.ts';
import { createScheduler } from './scheduler.ts';
import type { AppServices } from './services.ts';

const SESSION_PURGE_INTERVAL_MS = 60 * 60 * 1000;
/** How often the worker looks for keys whose last verification is older than the interval. */
const CREDENTIAL_HEALTH_TICK_MS = 5 * 60 * 1000;

/** Background work of a Tracegate process: key health and housekeeping; outbox and sync join later. */
export function createWorker(services: AppServices, options: { metrc?: MetrcClient } = {}) {
  const scheduler = createScheduler(services.logger);
  // The outbox dispatcher: leases licenses and reports their submissions to Metrc.
  const dispatcher = options.metrc
    ? services.outbox.createDispatcher({
        metrc: options.metrc,
        vendorKeys: services.vendorKeys,
        health: services.credentialHealth,
      })
    : null;
  scheduler.every('credential-health', CREDENTIAL_HEALTH_TICK_MS, async () => {
    const { checked, failed } = await services.credentialHealth.runDue();
    if (checked > 0) services.logger.info({ checked, failed }, 'credentials re-verified');
  });
  scheduler.every('purge-expired-sessions', SESSION_PURGE_INTERVAL_MS, async () => {
    await services.sessionsRepo.deleteExpired(toTimestamp(services.clock.now()));
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
