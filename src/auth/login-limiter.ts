import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface LoginLimiter {
  /** Seconds to wait if `key` is blocked, else 0. */
  blockedFor(key: string): Promise<number>;
  recordFailure(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

/**
 * Counts failed logins per key (e-mail + client address) in a fixed window. In memory: a
 * deployment of several processes multiplies the allowance by the process count, which still
 * defeats online guessing at scrypt speed.
 */
export function createLoginLimiter(options: {
  maxFailures: number;
  windowSeconds: number;
}): LoginLimiter {
  const limiter = new RateLimiterMemory({
    points: options.maxFailures,
    duration: options.windowSeconds,
  });
  return {
    async blockedFor(key) {
      const state = await limiter.get(key);
      if (!state || state.consumedPoints < options.maxFailures) return 0;
      return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    },
    async recordFailure(key) {
      try {
        await limiter.consume(key);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}
