import {
  type MirrorSignals as AlertMirrorSignals,
  type ConditionSource,
  createCredentialSource,
  createLicenseSyncSource,
  createPackageExpirySource,
  createPackageHoldSource,
  createQuantityDriftSource,
  createSubmissionSource,
  type MirroredLabResult,
  type MirroredPackage,
  type OutboxSignals,
  type SubmissionSignal,
} from '../alerts/index.ts';
import type { Config } from '../config/index.ts';
import type { CredentialsRepo, CredentialsService } from '../credentials/index.ts';
import type { LicensesRepo } from '../licenses/index.ts';
import type { OutboxService, PackageLedger, SubmissionView } from '../outbox/index.ts';
import type { LabResultSignal, MirrorSignals, PackageSignal } from '../sync/index.ts';
import { createQuantitySignals } from './quantity-signals.ts';

/**
 * The alert engine's condition sources, adapted from the features that know the facts: keys
 * (credentials), syncing (licenses), submissions (outbox) and the Metrc mirror (sync). Alerts
 * imports none of them; this file is where their shapes meet.
 */
export function createAlertSources(deps: {
  config: Pick<Config, 'alerts' | 'outbox'>;
  credentialsRepo: CredentialsRepo;
  credentials: Pick<CredentialsService, 'syncByLicense'>;
  licensesRepo: LicensesRepo;
  outbox: Pick<OutboxService, 'listOverdue' | 'listNeedingAttention'>;
  mirror: MirrorSignals;
  /** The outbox's sent package reports (quantity drift). */
  ledger: Pick<PackageLedger, 'expectedQuantities' | 'changedSince'>;
}): ConditionSource[] {
  const mirror = mirrorForAlerts(deps.mirror);
  return [
    createCredentialSource({ credentials: deps.credentialsRepo }),
    createLicenseSyncSource({
      licenses: deps.licensesRepo,
      syncByLicense: deps.credentials.syncByLicense,
    }),
    createSubmissionSource({
      outbox: outboxForAlerts(deps.outbox),
      overdueAfterMs: deps.config.outbox.overdueAfterMs,
    }),
    createPackageHoldSource({ mirror }),
    createPackageExpirySource({ mirror, withinDays: deps.config.alerts.packageExpiryDays }),
    createQuantityDriftSource({
      quantities: createQuantitySignals({ ledger: deps.ledger, mirror: deps.mirror }),
    }),
  ];
}

function outboxForAlerts(
  outbox: Pick<OutboxService, 'listOverdue' | 'listNeedingAttention'>,
): OutboxSignals {
  const toSignal = (s: SubmissionView): SubmissionSignal => ({
    id: s.id,
    licenseId: s.licenseId,
    status: s.status,
    action: s.kind,
    createdAt: s.createdAt,
    lastError: s.lastError?.message ?? null,
  });
  return {
    listOverdue: async (input) => (await outbox.listOverdue(input)).map(toSignal),
    listNeedingAttention: async (input) => (await outbox.listNeedingAttention(input)).map(toSignal),
  };
}

function mirrorForAlerts(mirror: MirrorSignals): AlertMirrorSignals {
  const toPackage = (p: PackageSignal, hold: boolean): MirroredPackage => ({
    licenseId: p.licenseId,
    label: p.label,
    itemName: p.itemName,
    // Held packages come back on hold or recalled (`IsOnRecall`); a recall is critical.
    holdReason: hold ? (p.status === 'onhold' ? 'On hold' : 'Recalled') : null,
    expirationDate: p.expirationDate,
    ...(p.quantity === null ? {} : { quantity: p.quantity }),
    unitOfMeasure: p.unit,
  });
  const toLabResult = (r: LabResultSignal): MirroredLabResult => ({
    licenseId: r.licenseId,
    packageLabel: r.label ?? `package ${r.packageId ?? '?'}`,
    testName: r.testTypeName,
    resultId: r.label ?? String(r.packageId),
    testedAt: r.testedOn,
  });
  return {
    packagesOnHold: async (org) =>
      (await mirror.packagesOnHold(org)).map((p) => toPackage(p, true)),
    packagesExpiringBefore: async (org, before) =>
      (await mirror.packagesExpiringBefore(org, before)).map((p) => toPackage(p, false)),
    failedLabResults: async (org) => (await mirror.failedLabResults(org)).map(toLabResult),
  };
}
