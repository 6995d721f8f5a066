import type { PackageQuantity, QuantitySignals } from '../alerts/index.ts';
import type { ExpectedPackageQuantity, PackageLedger } from '../outbox/index.ts';
import type { MirrorSignals, PulledPackageQuantity } from '../sync/index.ts';

/**
 * Quantity drift's two sides: what Tracegate expects after the reports it sent (the outbox's
 * package ledger) and Metrc's quantity (the mirror). A package is compared only once the mirror
 * has pulled past the last report that changed it (`isSettled`), so a report still on its way
 * — or sent but not yet pulled back — never raises an alert. See src/alerts/README.md.
 */
export function createQuantitySignals(deps: {
  ledger: Pick<PackageLedger, 'expectedQuantities' | 'changedSince'>;
  mirror: Pick<MirrorSignals, 'packageQuantities' | 'packagesPulledSince'>;
}): QuantitySignals {
  const key = (p: { licenseId: number; label: string }) => `${p.licenseId}:${p.label}`;
  const mirrored = async (organizationId: number, labels: string[]) =>
    labels.length === 0 ? [] : deps.mirror.packageQuantities(organizationId, labels);
  return {
    async expectedQuantities(organizationId, scope) {
      // Only what changed on either side, and what is already alerted: never the whole history.
      const candidates = new Set([
        ...(await deps.ledger.changedSince(organizationId, scope.since)),
        ...(await deps.mirror.packagesPulledSince(organizationId, scope.since)),
        ...scope.labels,
      ]);
      const expected = await deps.ledger.expectedQuantities(organizationId, [...candidates]);
      const pulled = new Map(
        (await mirrored(organizationId, [...new Set(expected.map((e) => e.label))])).map((m) => [
          key(m),
          m,
        ]),
      );
      return expected
        .filter((e) => isSettled(e, pulled.get(key(e))))
        .map(
          (e): PackageQuantity => ({
            licenseId: e.licenseId,
            label: e.label,
            quantity: e.quantity,
            unitOfMeasure: e.unitOfMeasure,
          }),
        );
    },
    async mirroredQuantities(organizationId, labels) {
      return (await mirrored(organizationId, labels)).flatMap((m): PackageQuantity[] =>
        m.quantity === null
          ? []
          : [
              {
                licenseId: m.licenseId,
                label: m.label,
                quantity: m.quantity,
                unitOfMeasure: m.unit,
              },
            ],
      );
    },
  };
}

/**
 * The mirror has every change Metrc made up to `pulledThrough` (a whole second, the end of the
 * run's window, taken when the run started). A run that started after the last report went out
 * reaches at least the second after the report's own second, so the report is in what it read.
 */
export function isSettled(
  expected: Pick<ExpectedPackageQuantity, 'lastSentAt' | 'unitOfMeasure'>,
  mirrored: PulledPackageQuantity | undefined,
): boolean {
  if (!mirrored?.pulledThrough || mirrored.quantity === null) return false;
  // Metrc converts between units; a package reported in another unit is not compared.
  if (mirrored.unit !== null && mirrored.unit !== expected.unitOfMeasure) return false;
  const sentSecondEnd = Math.ceil(Date.parse(expected.lastSentAt) / 1000) * 1000;
  return Date.parse(mirrored.pulledThrough) >= sentSecondEnd + 1000;
}
