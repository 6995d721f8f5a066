import type {
  AlertCondition,
  ConditionSource,
  MirrorSignals,
  QuantitySignals,
} from './alert-types.ts';

const DAY_MS = 86_400_000;
/**
 * How far back the drift check looks for packages that changed (a report sent, or the mirror
 * pulling a change). Far longer than a nightly sync, so a report is compared once it is pulled
 * back; a package with an open drift alert is checked whatever its age.
 */
export const QUANTITY_DRIFT_LOOKBACK_MS = 7 * DAY_MS;
/** Quantities closer than this are equal: Metrc rounds to 4 decimals, floats add noise. */
export const QUANTITY_TOLERANCE = 0.0001;

/** Package on hold or recalled, and failed lab test: one alert per package or lab result. */
export function createPackageHoldSource(deps: {
  mirror: Pick<MirrorSignals, 'packagesOnHold' | 'failedLabResults'>;
}): ConditionSource {
  return {
    name: 'mirror-holds',
    kinds: ['package_on_hold', 'lab_test_failed'],
    async collect(organizationId) {
      const conditions: AlertCondition[] = [];
      for (const p of await deps.mirror.packagesOnHold(organizationId)) {
        const recalled = /recall/i.test(p.holdReason ?? '');
        conditions.push({
          kind: 'package_on_hold',
          subjectKey: `package:${p.label}`,
          licenseId: p.licenseId,
          severity: recalled ? 'critical' : 'warning',
          title: `Package ${p.label} is ${recalled ? 'recalled' : 'on hold'}: it cannot be sold`,
          details: {
            label: p.label,
            itemName: p.itemName ?? null,
            holdReason: p.holdReason ?? null,
          },
        });
      }
      for (const r of await deps.mirror.failedLabResults(organizationId)) {
        conditions.push({
          kind: 'lab_test_failed',
          subjectKey: `lab:${r.resultId}`,
          licenseId: r.licenseId,
          severity: 'critical',
          title: `Package ${r.packageLabel} failed ${r.testName ?? 'a lab test'}`,
          details: {
            label: r.packageLabel,
            testName: r.testName ?? null,
            resultId: r.resultId,
            testedAt: r.testedAt ?? null,
          },
        });
      }
      return conditions;
    },
  };
}

/** Package expiring within N days (already expired is critical). One alert per package. */
export function createPackageExpirySource(deps: {
  mirror: Pick<MirrorSignals, 'packagesExpiringBefore'>;
  withinDays: number;
}): ConditionSource {
  return {
    name: 'mirror-expiry',
    kinds: ['package_expiring'],
    async collect(organizationId, now) {
      const before = new Date(now.getTime() + deps.withinDays * DAY_MS);
      const today = now.toISOString().slice(0, 10);
      return (await deps.mirror.packagesExpiringBefore(organizationId, before)).map((p) => {
        const expired = !!p.expirationDate && p.expirationDate.slice(0, 10) < today;
        return {
          kind: 'package_expiring',
          subjectKey: `package:${p.label}`,
          licenseId: p.licenseId,
          severity: expired ? 'critical' : 'warning',
          title: expired
            ? `Package ${p.label} expired on ${p.expirationDate?.slice(0, 10)}`
            : `Package ${p.label} expires on ${p.expirationDate?.slice(0, 10) ?? 'soon'}`,
          details: {
            label: p.label,
            itemName: p.itemName ?? null,
            expirationDate: p.expirationDate ?? null,
            quantity: p.quantity ?? null,
            unitOfMeasure: p.unitOfMeasure ?? null,
          },
        };
      });
    },
  };
}

/**
 * Quantity drift: the quantity Tracegate expects after the reports it sent differs from Metrc's.
 * A package the mirror has not seen yet is not drift (it may not be synced); one per package.
 */
export function createQuantityDriftSource(deps: { quantities: QuantitySignals }): ConditionSource {
  return {
    name: 'quantity-drift',
    kinds: ['quantity_drift'],
    async collect(organizationId, now, open) {
      const expected = await deps.quantities.expectedQuantities(organizationId, {
        since: new Date(now.getTime() - QUANTITY_DRIFT_LOOKBACK_MS),
        labels: (open?.subjectKeys ?? [])
          .filter((key) => key.startsWith('package:'))
          .map((key) => key.slice('package:'.length)),
      });
      if (expected.length === 0) return [];
      const mirrored = new Map(
        (
          await deps.quantities.mirroredQuantities(
            organizationId,
            expected.map((e) => e.label),
          )
        ).map((m) => [`${m.licenseId}:${m.label}`, m]),
      );
      const conditions: AlertCondition[] = [];
      for (const e of expected) {
        const m = mirrored.get(`${e.licenseId}:${e.label}`);
        if (!m || Math.abs(m.quantity - e.quantity) < QUANTITY_TOLERANCE) continue;
        conditions.push({
          kind: 'quantity_drift',
          subjectKey: `package:${e.label}`,
          licenseId: e.licenseId,
          severity: 'warning',
          title: `Package ${e.label}: Metrc has ${m.quantity}, Tracegate expects ${e.quantity}`,
          details: {
            label: e.label,
            expected: e.quantity,
            metrc: m.quantity,
            difference: Number((m.quantity - e.quantity).toFixed(4)),
            unitOfMeasure: e.unitOfMeasure ?? m.unitOfMeasure ?? null,
          },
        });
      }
      return conditions;
    },
  };
}
