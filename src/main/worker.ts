import { toTimestamp } from '../lib/index.ts';
import { createScheduler } from './scheduler.ts';
import type { AppServices } from './services.ts';

const SESSION_PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** Background work of a Tracegate process: housekeeping now; outbox and sync join later. */
export function createWorker(services: AppServices) {
  const scheduler = createScheduler(services.logger);
  scheduler.every('purge-expired-sessions', SESSION_PURGE_INTERVAL_MS, async () => {
    await services.sessionsRepo.deleteExpired(toTimestamp(services.clock.now()));
  });
  return { start: scheduler.start, stop: scheduler.stop };
}
