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
   * GET bucket depth in tokens (≥ 1): the client paces by spacing, one GET per 1/rate, and this
   * many may go at once only after a pause. Two: a pump woken late catches up one GET, no more.
   * Metrc's bucket is shallow (the emulator's holds 0.1 s of rate: 5 per license, 15 per vendor
   * key) and judges arrival times, which lag grant times unevenly (a request on a new connection
   * can arrive hundreds of milliseconds after one granted later on a warm connection). Every
   * token of client depth is a token less of that slack, so the depth stays at the minimum that
   * keeps throughput near the rate; see the README's "Pacing" section for the measurements.
   */
  burstTokens: number;
  /** Writes per second per license: Metrc does not limit writes, but floods hurt it. */
  licenseWritesPerSecond: number;
}

export const METRC_LIMITS: Readonly<MetrcLimits> = {
  licenseGetsPerSecond: 50,
  licenseGetsInFlight: 10,
  vendorGetsPerSecond: 150,
  vendorGetsInFlight: 30,
  utilization: 0.95,
  burstTokens: 2,
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
  return {
    key,
    ratePerSecond: perSecond * limits.utilization,
    burst: limits.burstTokens,
    maxInFlight: inFlight,
  };
}

export function validateLimits(limits: MetrcLimits): void {
  const positive = [
    'licenseGetsPerSecond',
    'licenseGetsInFlight',
    'vendorGetsPerSecond',
    'vendorGetsInFlight',
  ] as const;
  for (const name of positive) {
    if (!(limits[name] > 0)) throw new Error(`Metrc limit ${name} must be positive`);
  }
  if (!(limits.burstTokens >= 1)) throw new Error('Metrc limit burstTokens must be 1 or more');
  if (!(limits.utilization > 0 && limits.utilization <= 1)) {
    throw new Error('Metrc limit utilization must be in (0, 1]');
  }
  if (!(limits.licenseWritesPerSecond >= 0)) {
    throw new Error('Metrc limit licenseWritesPerSecond must be 0 or more');
  }
}
