/**
 * Adapts the sync mirror's rows (`createMirrorSignals`) to the alerts feature's port: the two
 * features were built in parallel, so their shapes differ only in naming (`unit` vs
 * `unitOfMeasure`, null vs absent). Kept here, at the wiring, so neither feature imports the other.
 */
import type { Kysely } from 'kysely';
import type { MirroredPackage, MirrorSignals } from '../alerts/index.ts';
import type { DB } from '../db/index.ts';
import { createMirrorSignals, type PackageSignal } from '../sync/index.ts';

const toMirrored = (p: PackageSignal): MirroredPackage => ({
  licenseId: p.licenseId,
  label: p.label,
  itemName: p.itemName,
  holdReason: p.status,
  expirationDate: p.expirationDate,
  ...(p.quantity !== null ? { quantity: p.quantity } : {}),
  unitOfMeasure: p.unit,
});

export function createMirrorAlertSignals(db: Kysely<DB>): MirrorSignals {
  const mirror = createMirrorSignals(db);
  return {
    packagesOnHold: async (org) => (await mirror.packagesOnHold(org)).map(toMirrored),
    packagesExpiringBefore: async (org, before) =>
      (await mirror.packagesExpiringBefore(org, before)).map(toMirrored),
    failedLabResults: async (org) =>
      (await mirror.failedLabResults(org)).map((r) => ({
        licenseId: r.licenseId,
        packageLabel: r.label ?? String(r.packageId ?? ''),
        testName: r.testTypeName,
        resultId: r.label ?? String(r.packageId ?? ''),
        testedAt: r.testedOn,
      })),
  };
}
