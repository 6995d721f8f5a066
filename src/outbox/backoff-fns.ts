/**
 * When to try again after a failure that stays at the head of the line: capped exponential
 * backoff with jitter, never sooner than Metrc's Retry-After.
 *
 * @example
 * retryDelayMs({ attempts: 3, retryAfterMs: 10_000, baseMs: 2_000, maxMs: 300_000 }, () => 0.5); // 10_000
 */
export function retryDelayMs(
  input: { attempts: number; retryAfterMs?: number | undefined; baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(input.attempts - 1, 0), 20);
  const capped = Math.min(input.maxMs, input.baseMs * 2 ** exponent);
  // ±20 % so that licenses failing together do not retry together.
  const jittered = capped * (0.8 + 0.4 * random());
  return Math.round(Math.max(jittered, input.retryAfterMs ?? 0));
}
