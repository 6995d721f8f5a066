import { type Clock, toTimestamp } from '../lib/index.ts';
import { authErrors } from './auth-errors.ts';
import type { LoginThrottleRepo } from './login-throttle-repo.ts';

/** The sign-up window: `SIGNUP_MAX_PER_HOUR` attempts per client address in each. */
export const SIGNUP_WINDOW_MS = 3_600_000;

export interface SignupLimiter {
  /**
   * Counts a sign-up attempt against its client address BEFORE anything else happens (no Metrc
   * call, no password hash), and throws `SIGNUP_RATE_LIMITED` over the limit. Every attempt
   * counts, successful or not: each success is a new organization.
   */
  consume(clientAddress: string): Promise<void>;
}

/**
 * Fixed-window sign-up limit per client address, in the login throttle's table (key
 * `signup:<address>`), so every process shares it and the worker's purge clears ended windows.
 *
 * @example
 * const limiter = createSignupLimiter({ repo: createLoginThrottleRepo(db), clock, maxPerHour: 5 });
 * await limiter.consume(request.ip);
 */
export function createSignupLimiter(deps: {
  repo: Pick<LoginThrottleRepo, 'hit'>;
  clock: Clock;
  maxPerHour: number;
}): SignupLimiter {
  return {
    async consume(clientAddress) {
      const now = deps.clock.now();
      const counted = await deps.repo.hit(
        `signup:${clientAddress}`,
        toTimestamp(now),
        toTimestamp(new Date(now.getTime() + SIGNUP_WINDOW_MS)),
      );
      if (counted.attempts > deps.maxPerHour) {
        const waitMs = Date.parse(counted.window_ends_at) - now.getTime();
        throw authErrors.SIGNUP_RATE_LIMITED({
          details: { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) },
        });
      }
    },
  };
}
