/**
 * Metrc's GET limits (metrc-api.md §4): a token bucket and an in-flight cap per license
 * (`licenseNumber`) and per vendor key. Writes are not limited. A refused GET consumes nothing.
 */
import { performance } from 'node:perf_hooks';
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
  /** Milliseconds (monotonic). */
  refilledAt: number;
}

export function createGetLimiter(
  limits: () => EmulatorLimits,
  now: () => number = () => performance.now(),
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
    found.tokens = Math.min(capacity, found.tokens + ((t - found.refilledAt) * rate) / 1000);
    found.refilledAt = t;
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
