/**
 * Metrc's GET limits (metrc-api.md §4): a token bucket and an in-flight cap per license
 * (`licenseNumber`) and per vendor key. Writes are not limited. A refused GET consumes nothing.
 * Buckets refill on the emulator's clock, so a test that moves the clock refills them and one
 * that does not sees no refill from the machine's real time.
 */
import type { EmulatorLimits } from '../emulator-config.ts';

export type Release = () => void;

export interface GetLimiter {
  /** Admits one GET, returning its release, or undefined when a limit refuses it (→ 429). */
  tryAcquire(vendorKeyId: string, licenseKey: string | undefined): Release | undefined;
  /** Forgets all buckets and counters (after a config change or scenario load). */
  reset(): void;
}

interface Bucket {
  tokens: number;
  /** Milliseconds, emulator clock. */
  refilledAt: number;
}

export function createGetLimiter(
  limits: () => EmulatorLimits,
  /** Milliseconds on the emulator's clock. */
  now: () => number,
): GetLimiter {
  const buckets = new Map<string, Bucket>();
  const inFlight = new Map<string, number>();

  /** Refills and returns the bucket; full when first seen. */
  const bucket = (key: string, rate: number, burstSeconds: number): Bucket => {
    const capacity = Math.max(1, rate * burstSeconds);
    const t = now();
    const found = buckets.get(key);
    if (!found) {
      const fresh = { tokens: capacity, refilledAt: t };
      buckets.set(key, fresh);
      return fresh;
    }
    // A clock stepped backwards (the machine's, not the emulator's offset) refills nothing.
    const elapsed = Math.max(0, t - found.refilledAt);
    found.tokens = Math.min(capacity, found.tokens + (elapsed * rate) / 1000);
    found.refilledAt = Math.max(t, found.refilledAt);
    return found;
  };

  return {
    tryAcquire(vendorKeyId, licenseKey) {
      const l = limits();
      const vendorKey = `vendor:${vendorKeyId}`;
      const licenseBucketKey = licenseKey === undefined ? undefined : `license:${licenseKey}`;
      if ((inFlight.get(vendorKey) ?? 0) >= l.vendorGetsInFlight) return undefined;
      if (licenseBucketKey && (inFlight.get(licenseBucketKey) ?? 0) >= l.licenseGetsInFlight)
        return undefined;
      const vendorBucket = bucket(vendorKey, l.vendorGetsPerSecond, l.burstSeconds);
      const licenseBucket = licenseBucketKey
        ? bucket(licenseBucketKey, l.licenseGetsPerSecond, l.burstSeconds)
        : undefined;
      if (vendorBucket.tokens < 1 || (licenseBucket && licenseBucket.tokens < 1)) return undefined;
      vendorBucket.tokens -= 1;
      if (licenseBucket) licenseBucket.tokens -= 1;
      const held = licenseBucketKey ? [vendorKey, licenseBucketKey] : [vendorKey];
      for (const key of held) inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        for (const key of held) {
          const count = (inFlight.get(key) ?? 1) - 1;
          if (count <= 0) inFlight.delete(key);
          else inFlight.set(key, count);
        }
      };
    },
    reset() {
      buckets.clear();
      inFlight.clear();
    },
  };
}
