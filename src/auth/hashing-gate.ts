/**
 * Caps how many password hashes run at once in this process. scrypt runs on libuv's pool (four
 * threads by default): a flood of logins would otherwise queue behind each other there and
 * starve every other file and crypto call of the process.
 */
export function createHashingGate(maxConcurrent: number) {
  let inFlight = 0;
  let peak = 0;
  const waiting: Array<() => void> = [];

  async function run<T>(work: () => Promise<T>): Promise<T> {
    if (inFlight >= maxConcurrent) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      inFlight++;
    }
    peak = Math.max(peak, inFlight);
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      // Hand the slot straight to the next waiter, so inFlight never exceeds the cap.
      if (next) next();
      else inFlight--;
    }
  }

  return {
    run,
    /** For tests and metrics: hashes running now, and the most ever at once. */
    stats: () => ({ inFlight, peak, waiting: waiting.length }),
  };
}

export type HashingGate = ReturnType<typeof createHashingGate>;
