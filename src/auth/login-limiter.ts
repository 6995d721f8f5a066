import { type Clock, toTimestamp } from '../lib/index.ts';
import { authErrors } from './auth-errors.ts';
import type { LoginThrottleRepo } from './login-throttle-repo.ts';

/**
 * One address may sign in to several accounts (a shop's shared computer, an office behind one
 * NAT), so it gets this many times the per-e-mail allowance; spraying many accounts still stops.
 */
export const ADDRESS_ALLOWANCE_FACTOR = 4;

export interface LoginAttempt {
  /** Normalised (trimmed, lower-case). */
  email: string;
  clientAddress: string;
}

export interface LoginLimiter {
  /**
   * Counts the attempt against its e-mail and its address BEFORE the password is checked, and
   * throws `AUTH_RATE_LIMITED` when either is over: parallel attempts cannot all slip through.
   */
  consume(attempt: LoginAttempt): Promise<void>;
  /** The password was right: the attempt is given back and the e-mail's failures forgotten. */
  succeeded(attempt: LoginAttempt): Promise<void>;
  /** Lifts an e-mail's lockout (an admin reset the password). */
  clearEmail(email: string): Promise<void>;
  /** Deletes counters whose window ended; the worker schedules it. */
  purgeEnded(): Promise<number>;
}

const emailKey = (email: string) => `email:${email}`;
const addressKey = (address: string) => `address:${address}`;

/**
 * Fixed-window login limits per e-mail and per client address, counted in the database so every
 * process of a deployment shares them (docs/decisions/0009-login-throttle-in-the-database.md).
 */
export function createLoginLimiter(deps: {
  repo: LoginThrottleRepo;
  clock: Clock;
  maxFailures: number;
  windowSeconds: number;
}): LoginLimiter {
  const { repo, clock, maxFailures } = deps;
  const windowMs = deps.windowSeconds * 1000;

  return {
    async consume(attempt) {
      const nowDate = clock.now();
      const now = toTimestamp(nowDate);
      const windowEndsAt = toTimestamp(new Date(nowDate.getTime() + windowMs));
      const checks = [
        { key: emailKey(attempt.email), limit: maxFailures },
        { key: addressKey(attempt.clientAddress), limit: maxFailures * ADDRESS_ALLOWANCE_FACTOR },
      ];
      let waitMs = 0;
      for (const check of checks) {
        const counted = await repo.hit(check.key, now, windowEndsAt);
        if (counted.attempts > check.limit) {
          waitMs = Math.max(waitMs, Date.parse(counted.window_ends_at) - nowDate.getTime());
        }
      }
      if (waitMs > 0) {
        throw authErrors.AUTH_RATE_LIMITED({
          details: { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) },
        });
      }
    },
    async succeeded(attempt) {
      await repo.clear(emailKey(attempt.email));
      await repo.refund(addressKey(attempt.clientAddress));
    },
    async clearEmail(email) {
      await repo.clear(emailKey(email));
    },
    purgeEnded: () => repo.purgeEnded(toTimestamp(clock.now())),
  };
}
