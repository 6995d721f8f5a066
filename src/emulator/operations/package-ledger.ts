/**
 * Plans quantity changes across the rows of one write so that two rows drawing on the same
 * package are checked together: a batch either fits entirely or changes nothing.
 */
import type { PackageRecord } from '../state/records.ts';
import { convertQuantity, findUnit, roundQuantity } from '../state/units-of-measure.ts';

/** Tolerance for float noise when comparing quantities. */
const EPSILON = 1e-9;

export type Draw = { ok: true; amount: number } | { ok: false; message: string };

export class PackageLedger {
  readonly #remaining = new Map<number, number>();

  /** What the package would hold after the changes planned so far. */
  remaining(pkg: PackageRecord): number {
    return this.#remaining.get(pkg.id) ?? pkg.quantity;
  }

  /**
   * Plans a change of `quantity` (in `unitName`) to the package, converted to the package's
   * unit. Refuses incompatible units and anything that would leave the package negative.
   */
  change(pkg: PackageRecord, quantity: number, unitName: string | undefined): Draw {
    const unit = findUnit(unitName);
    const own = findUnit(pkg.unit);
    if (!unit) return { ok: false, message: `Unit of Measure "${unitName ?? ''}" is not valid.` };
    if (!own) return { ok: false, message: `Package ${pkg.label} has an unknown unit of measure.` };
    const amount = convertQuantity(quantity, unit, own);
    if (amount === undefined) {
      return {
        ok: false,
        message: `Unit of Measure "${unit.name}" is not compatible with the unit of Package ${pkg.label} (${own.name}).`,
      };
    }
    const after = roundQuantity(this.remaining(pkg) + amount);
    if (after < -EPSILON) {
      return {
        ok: false,
        message: `Package ${pkg.label} does not have enough quantity: ${roundQuantity(this.remaining(pkg))} ${own.name} available.`,
      };
    }
    this.#remaining.set(pkg.id, Math.max(0, after));
    return { ok: true, amount };
  }

  /** The planned quantities, to apply once every row passed. */
  entries(): IterableIterator<[number, number]> {
    return this.#remaining.entries();
  }
}
