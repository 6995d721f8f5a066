/**
 * A worker's dispatcher: leases licenses one at a time (up to `concurrency` at once) and drains
 * each. Wakes on notifications, and polls as a safety net (backoff ends, a dead worker's lease
 * expires). Stopping finishes the requests in flight and releases every lease at once.
 */
import { randomUUID } from 'node:crypto';
import type { Clock, Logger } from '../lib/index.ts';
import { retryDelayMs } from './backoff-fns.ts';
import type { LicenseDrainer } from './license-drain.ts';
import type { LicenseLease, LicenseLeasesRepo } from './license-leases-repo.ts';
import { LeaseLostError } from './license-leases-repo.ts';
import type { OutboxNotifier } from './outbox-notifier.ts';
import type { OutboxSettings } from './outbox-settings.ts';

export interface Dispatcher {
  /** This worker's lease owner id. */
  readonly owner: string;
  start(): void;
  /** Looks for due work now, as a notification would (a started dispatcher only). */
  wake(): void;
  /** Graceful: no new claims, requests in flight finish, leases released. */
  stop(): Promise<void>;
  /** Claims and drains until nothing is due now (tests and the CLI's `--once`). */
  runUntilIdle(): Promise<void>;
}

export function createDispatcher(deps: {
  leases: LicenseLeasesRepo;
  drainer: Pick<LicenseDrainer, 'drain'>;
  notifier: OutboxNotifier;
  settings: OutboxSettings;
  clock: Clock;
  logger: Logger;
  owner?: string;
}): Dispatcher {
  const { leases, drainer, settings, logger } = deps;
  /** Drains in a row that ended in an unexpected error, per license: how long to leave it. */
  const failures = new Map<number, number>();
  const owner = deps.owner ?? `worker:${process.pid}:${randomUUID().slice(0, 8)}`;
  const active = new Map<number, Promise<void>>();
  let stopping = false;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let pumping: Promise<void> | null = null;
  let again = false;

  async function work(lease: LicenseLease): Promise<void> {
    // Renew while a long request runs, so the lease outlives the request (never by the clock alone).
    const heartbeat = setInterval(
      () => {
        leases.renew(lease, settings.leaseTtlMs).catch(() => {});
      },
      Math.max(1_000, Math.floor(settings.leaseTtlMs / 3)),
    );
    heartbeat.unref();
    try {
      await drainer.drain(lease, () => stopping);
      failures.delete(lease.licenseId);
    } catch (error) {
      if (error instanceof LeaseLostError) {
        logger.warn({ licenseId: lease.licenseId }, 'outbox: lease lost');
      } else {
        // Not Metrc's answer (no vendor key for the state, the database): the license is tried
        // again later, backing off. Released as due, it would be claimed again at once, forever.
        const failed = (failures.get(lease.licenseId) ?? 0) + 1;
        failures.set(lease.licenseId, failed);
        const delayMs = retryDelayMs({
          attempts: failed,
          baseMs: settings.backoffBaseMs,
          maxMs: settings.backoffMaxMs,
        });
        const retryAt = new Date(deps.clock.now().getTime() + delayMs);
        logger.error({ err: error, licenseId: lease.licenseId, retryAt }, 'outbox: drain failed');
        await leases.deferTo(lease, retryAt).catch(() => {});
      }
    } finally {
      clearInterval(heartbeat);
      await leases.release(lease).catch(() => {});
    }
  }

  /** Claims while there is room and work. */
  async function fill(): Promise<number> {
    let claimed = 0;
    while (!stopping && active.size < settings.concurrency) {
      const lease = await leases.claim(owner, settings.leaseTtlMs);
      if (!lease) break;
      claimed++;
      const done = work(lease).finally(() => {
        active.delete(lease.licenseId);
        // A freed slot may serve another license at once.
        if (running) pump();
      });
      active.set(lease.licenseId, done);
    }
    return claimed;
  }

  function pump(): void {
    if (pumping) {
      again = true;
      return;
    }
    pumping = (async () => {
      do {
        again = false;
        try {
          await fill();
        } catch (error) {
          logger.error({ err: error }, 'outbox: claim failed');
        }
      } while (again && !stopping);
    })().finally(() => {
      pumping = null;
    });
  }

  return {
    owner,
    start() {
      if (running) return;
      running = true;
      stopping = false;
      unsubscribe = deps.notifier.subscribe(pump);
      timer = setInterval(pump, settings.pollMs);
      timer.unref();
      pump();
    },
    wake() {
      if (running) pump();
    },
    async stop() {
      stopping = true;
      running = false;
      if (timer) clearInterval(timer);
      unsubscribe?.();
      await pumping;
      await Promise.allSettled([...active.values()]);
    },
    async runUntilIdle() {
      for (;;) {
        const claimed = await fill();
        await Promise.allSettled([...active.values()]);
        if (claimed === 0 && active.size === 0) return;
      }
    },
  };
}
