import { setMaxListeners } from 'node:events';
import type { JobLeases, Lease } from '../leases/index.ts';
import { type Logger, systemClock, type TimerClock } from '../lib/index.ts';

/** What a run gets: its lease (fencing token) when leased, and a signal to stop early. */
export interface TaskContext {
  /** Null when the scheduler has no leases (one process, e.g. tests). */
  lease: Lease | null;
  /**
   * Aborted when the lease could not be renewed (another process may run the task now) or the
   * scheduler is stopping (shutdown waits for the run: a long one should end at its next step).
   */
  signal: AbortSignal;
}

interface Task {
  name: string;
  intervalMs: number;
  run: (context: TaskContext) => Promise<void>;
}

export interface SchedulerDeps {
  logger: Logger;
  /** Timers and time; a manual clock in tests. Default: the system clock. */
  clock?: TimerClock;
  /**
   * When given, a task runs only in the process holding its lease `job:<name>`, so it runs in
   * one process per deployment. Without, every tick runs (single process).
   */
  leases?: JobLeases;
}

/**
 * A task's lease lasts two intervals: the holder renews it at every tick and keeps it; if the
 * holder dies, another process takes over within two intervals.
 */
const LEASE_INTERVALS = 2;

/** Scheduled ticks never keep a process alive on their own (as before: `setInterval().unref()`). */
const UNREF = { unref: true };

/**
 * Runs named tasks on fixed intervals in the worker. A task never overlaps itself; a failure is
 * logged and the task runs again at its next tick. With leases, one process per deployment runs
 * each task, renewing its lease while a run lasts.
 */
export function createScheduler(deps: SchedulerDeps) {
  const { logger, leases } = deps;
  const clock = deps.clock ?? systemClock;
  const tasks: Task[] = [];
  const cancels: (() => void)[] = [];
  const running = new Set<Promise<void>>();
  /** The signals of runs in progress, aborted by `stop`. */
  const inProgress = new Set<AbortController>();
  const held = new Map<string, Lease>();
  let stopped = false;

  function every(name: string, intervalMs: number, run: (context: TaskContext) => Promise<void>) {
    tasks.push({ name, intervalMs, run });
  }

  /** The task's lease for this tick, or null if another process holds it. */
  async function leaseFor(task: Task): Promise<Lease | null | 'unleased'> {
    if (!leases) return 'unleased';
    const lease = await leases.tryAcquire(`job:${task.name}`, task.intervalMs * LEASE_INTERVALS);
    if (lease) held.set(task.name, lease);
    else held.delete(task.name);
    return lease;
  }

  /** Renews the lease every half interval while a run lasts; aborts the run's signal if lost. */
  function keepRenewing(task: Task, controller: AbortController): () => void {
    let timer: { cancel(): void } | undefined;
    const renew = async () => {
      const lease = held.get(task.name);
      if (!leases || !lease) return;
      const renewed = await leases
        .renew(lease, task.intervalMs * LEASE_INTERVALS)
        .catch((err: unknown) => {
          logger.error({ err, task: task.name }, 'scheduled task lease renewal failed');
          return lease; // keep trying; the lease has an interval of slack
        });
      if (!renewed) {
        held.delete(task.name);
        logger.warn({ task: task.name }, 'scheduled task lost its lease');
        controller.abort();
        return;
      }
      held.set(task.name, renewed);
      schedule();
    };
    const schedule = () => {
      if (!controller.signal.aborted)
        timer = clock.setTimer(() => void renew(), task.intervalMs / 2, UNREF);
    };
    if (leases) schedule();
    return () => timer?.cancel();
  }

  async function runOnce(task: Task): Promise<void> {
    const lease = await leaseFor(task);
    if (lease === null || stopped) return;
    const controller = new AbortController();
    // A run hands its signal to many requests at once (a pull's parallel GETs), each listening
    // until it ends: more than Node's default of 10 listeners is expected, not a leak.
    setMaxListeners(0, controller.signal);
    inProgress.add(controller);
    const stopRenewing = keepRenewing(task, controller);
    try {
      await task.run({ lease: lease === 'unleased' ? null : lease, signal: controller.signal });
    } finally {
      stopRenewing();
      controller.abort();
      inProgress.delete(controller);
    }
  }

  function start() {
    for (const task of tasks) {
      let busy = false;
      let timer: { cancel(): void } | undefined;
      const tick = () => {
        if (stopped) return;
        timer = clock.setTimer(tick, task.intervalMs, UNREF);
        if (busy) return;
        busy = true;
        const done = runOnce(task)
          .catch((err: unknown) => logger.error({ err, task: task.name }, 'scheduled task failed'))
          .finally(() => {
            busy = false;
            running.delete(done);
          });
        running.add(done);
      };
      timer = clock.setTimer(tick, task.intervalMs, UNREF);
      cancels.push(() => timer?.cancel());
    }
  }

  /** Stops scheduling, tells runs in progress to stop, waits for them, gives up held leases. */
  async function stop() {
    stopped = true;
    for (const cancel of cancels) cancel();
    for (const controller of inProgress) controller.abort();
    await Promise.allSettled([...running]);
    if (leases) {
      await Promise.allSettled([...held.values()].map((lease) => leases.release(lease)));
    }
    held.clear();
  }

  /** Resolves once the runs (and lease checks) in progress have finished; for tests. */
  async function settled(): Promise<void> {
    await Promise.allSettled([...running]);
  }

  return { every, start, stop, settled };
}

export type Scheduler = ReturnType<typeof createScheduler>;
