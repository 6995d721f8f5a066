import type { Logger } from '../lib/index.ts';

interface Task {
  name: string;
  intervalMs: number;
  run: () => Promise<void>;
}

/**
 * Runs named tasks on fixed intervals in the worker. A task never overlaps itself; a failure is
 * logged and the task runs again at its next tick.
 */
export function createScheduler(logger: Logger) {
  const tasks: Task[] = [];
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();

  function every(name: string, intervalMs: number, run: () => Promise<void>) {
    tasks.push({ name, intervalMs, run });
  }

  function start() {
    for (const task of tasks) {
      let busy = false;
      const tick = () => {
        if (busy) return;
        busy = true;
        const done = task
          .run()
          .catch((err: unknown) => logger.error({ err, task: task.name }, 'scheduled task failed'))
          .finally(() => {
            busy = false;
            running.delete(done);
          });
        running.add(done);
      };
      const timer = setInterval(tick, task.intervalMs);
      timer.unref();
      timers.push(timer);
    }
  }

  /** Stops scheduling and waits for runs in progress. */
  async function stop() {
    for (const timer of timers) clearInterval(timer);
    await Promise.allSettled([...running]);
  }

  return { every, start, stop };
}

export type Scheduler = ReturnType<typeof createScheduler>;
