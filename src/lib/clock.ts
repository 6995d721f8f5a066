import { performance } from 'node:perf_hooks';

/** Time as a dependency, so tests can move it. */
export interface Clock {
  now(): Date;
}

/** A pending timer of a `TimerClock`. */
export interface ClockTimer {
  /** Stops it; harmless after it fired. */
  cancel(): void;
}

/**
 * A clock that also measures durations and wakes callers up: what schedulers and limiters need.
 * On the system clock these are `performance.now()` and `setTimeout`; a manual clock fires its
 * timers only when a test moves it, so tests never sleep.
 */
export interface TimerClock extends Clock {
  /** Milliseconds on a clock that never goes backwards (durations, deadlines). */
  monotonicMs(): number;
  /**
   * Calls `fn` once, `ms` from now (by `monotonicMs`). Like `setTimeout`, a pending timer keeps
   * the process alive unless `unref` is set (background ticks that must not block an exit).
   */
  setTimer(fn: () => void, ms: number, options?: { unref?: boolean }): ClockTimer;
}

export const systemClock: TimerClock = {
  now: () => new Date(),
  monotonicMs: () => performance.now(),
  setTimer(fn, ms, options) {
    const timer = setTimeout(fn, Math.max(0, ms));
    if (options?.unref) timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** A clock tests can set and advance; its timers fire only as it is advanced. */
export function createManualClock(start = new Date('2026-01-01T00:00:00.000Z')) {
  let current = start.getTime();
  let elapsed = 0;
  let nextId = 0;
  const timers = new Map<number, { due: number; fn: () => void }>();

  /** The earliest timer due at or before `until` (ties in creation order). */
  const nextDue = (until: number) => {
    let found: [number, { due: number; fn: () => void }] | undefined;
    for (const entry of timers) {
      if (entry[1].due <= until && (!found || entry[1].due < found[1].due)) found = entry;
    }
    return found;
  };

  const moveTo = (target: number) => {
    current += target - elapsed;
    elapsed = target;
  };

  /** Moves time forward, firing due timers in order, each at its own time. */
  function advance(ms: number) {
    const target = elapsed + ms;
    for (let due = nextDue(target); due; due = nextDue(target)) {
      timers.delete(due[0]);
      moveTo(Math.max(elapsed, due[1].due));
      due[1].fn();
    }
    moveTo(target);
  }

  return {
    now: () => new Date(current),
    monotonicMs: () => elapsed,
    setTimer(fn: () => void, ms: number): ClockTimer {
      const id = nextId++;
      timers.set(id, { due: elapsed + Math.max(0, ms), fn });
      return { cancel: () => timers.delete(id) };
    },
    /** Sets the wall clock (timers and `monotonicMs` are not moved). */
    set: (date: Date) => {
      current = date.getTime();
    },
    advance,
    /**
     * Like `advance`, but lets promise chains and I/O callbacks run after each timer fires, so
     * async work a timer starts (and the timers it sets) happens before time moves on.
     */
    async advanceAsync(ms: number) {
      const target = elapsed + ms;
      await settle();
      for (let due = nextDue(target); due; due = nextDue(target)) {
        timers.delete(due[0]);
        moveTo(Math.max(elapsed, due[1].due));
        due[1].fn();
        await settle();
      }
      moveTo(target);
      await settle();
    },
    /** Timers not yet fired. */
    pendingTimers: () => timers.size,
  } satisfies TimerClock & Record<string, unknown>;
}

export type ManualClock = ReturnType<typeof createManualClock>;

/** One macrotask turn: pending microtasks and ready I/O callbacks run first. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The one timestamp format stored everywhere: ISO-8601 UTC with milliseconds (sorts as text). */
export function toTimestamp(date: Date): string {
  return date.toISOString();
}
