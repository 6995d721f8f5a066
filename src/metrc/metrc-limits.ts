/**
 * Metrc's published limits (metrc-api.md §4) and the rules the limiter derives from them. GETs
 * are limited per license and per vendor key, never per host; writes get a gentle pace.
 */
import type { LimitRule } from './rate-limit-store.ts';

export interface MetrcLimits {
  /** GETs per second per license (`licenseNumber`). Metrc: 50. */
  licenseGetsPerSecond: number;
  /** Concurrent GETs per license. Metrc: 10. */
  licenseGetsInFlight: number;
  /** GETs per second per vendor key, all licenses together. Metrc: 150. */
  vendorGetsPerSecond: number;
  /** Concurrent GETs per vendor key. Metrc: 30. */
  vendorGetsInFlight: number;
  /**
   * Fraction of the per-second rates actually used (0–1]. Metrc's bucket and ours tick on
   * different clocks and requests arrive with jitter; 5 % headroom keeps 429s at zero.
   */
  utilization: number;
  /**
   * Bucket depth in seconds of rate (at least 2 tokens): small, so that no one-second span ever
   * holds more than the rate, yet enough that a pump woken a few milliseconds late loses nothing.
   */
  burstSeconds: number;
  /** Writes per second per license: Metrc does not limit writes, but floods hurt it. */
  licenseWritesPerSecond: number;
}

/** Two tokens: a second request may follow at once when the first was granted late. */
export const MIN_BURST_TOKENS = 2;

export const METRC_LIMITS: Readonly<MetrcLimits> = {
  licenseGetsPerSecond: 50,
  licenseGetsInFlight: 10,
  vendorGetsPerSecond: 150,
  vendorGetsInFlight: 30,
  utilization: 0.95,
  burstSeconds: 0.035,
  licenseWritesPerSecond: 5,
};

export type LimitedRequestKind = 'get' | 'write';

export interface LimitedRequest {
  kind: LimitedRequestKind;
  /** `vendorKeyIdentity(vendorKey)`: a hash, never the key. */
  vendorKeyId: string;
  /** Lower-case state code. */
  state: string;
  /** Absent for license-less calls (facilities, units): only the vendor budget applies. */
  licenseNumber?: string | undefined;
}

/** The budgets one request draws from. */
export function rulesFor(limits: MetrcLimits, request: LimitedRequest): LimitRule[] {
  const license = request.licenseNumber?.trim().toUpperCase();
  if (request.kind === 'write') {
    if (!license || limits.licenseWritesPerSecond <= 0) return [];
    return [
      {
        key: `write:license:${request.state}:${license}`,
        ratePerSecond: limits.licenseWritesPerSecond,
        burst: 1,
        maxInFlight: 0,
      },
    ];
  }
  const rules = [
    bucket(
      `get:vendor:${request.vendorKeyId}`,
      limits.vendorGetsPerSecond,
      limits.vendorGetsInFlight,
      limits,
    ),
  ];
  if (license) {
    // Metrc counts a facility's GETs whatever the vendor key: the license key has no vendor part.
    rules.push(
      bucket(
        `get:license:${request.state}:${license}`,
        limits.licenseGetsPerSecond,
        limits.licenseGetsInFlight,
        limits,
      ),
    );
  }
  return rules;
}

function bucket(key: string, perSecond: number, inFlight: number, limits: MetrcLimits): LimitRule {
  const rate = perSecond * limits.utilization;
  return {
    key,
    ratePerSecond: rate,
    burst: Math.max(MIN_BURST_TOKENS, rate * limits.burstSeconds),
    maxInFlight: inFlight,
  };
}

export function validateLimits(limits: MetrcLimits): void {
  const positive = [
    'licenseGetsPerSecond',
    'licenseGetsInFlight',
    'vendorGetsPerSecond',
    'vendorGetsInFlight',
    'burstSeconds',
  ] as const;
  for (const name of positive) {
    if (!(limits[name] > 0)) throw new Error(`Metrc limit ${name} must be positive`);
  }
  if (!(limits.utilization > 0 && limits.utilization <= 1)) {
    throw new Error('Metrc limit utilization must be in (0, 1]');
  }
  if (!(limits.licenseWritesPerSecond >= 0)) {
    throw new Error('Metrc limit licenseWritesPerSecond must be 0 or more');
  }
}
