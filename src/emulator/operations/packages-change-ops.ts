/**
 * Package changes: adjust (+ reasons), move, finish/unfinish and discontinue (DELETE). Every
 * write checks all rows before changing anything.
 */

import { metrcReplies } from '../http/metrc-replies.ts';
import { type Row, RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import { LOCATION_TYPES } from '../state/metrc-catalog.ts';
import type { AdjustmentRecord, PackageRecord } from '../state/records.ts';
import { byLookupName, lookupsFor } from '../state/state-lookups.ts';
import { roundQuantity } from '../state/units-of-measure.ts';
import { isIsoDate } from '../wire/metrc-time.ts';
import { byName, idParam, licenseOf, ownedRecord, PERMS } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';
import { PackageLedger } from './package-ledger.ts';
import { isActivePackage } from './packages-read-ops.ts';

/** The row's package by `Label`, owned by the license; adds a row error otherwise. */
export function rowPackage(
  ctx: OperationContext,
  row: Row,
  errors: RowErrors,
): PackageRecord | undefined {
  const label = row.text('Label')?.toUpperCase();
  const pkg = label ? ctx.state.index.packageByLabel.get(label) : undefined;
  if (!pkg || pkg.license !== licenseOf(ctx).number) {
    errors.add(row.index, `Package ${label ?? ''} was not found in the current Facility.`);
    return undefined;
  }
  return pkg;
}

/** `POST /packages/v2/adjust` adds a signed quantity; `PUT` sets the final quantity. */
function adjust(mode: 'delta' | 'final') {
  return (ctx: OperationContext) => {
    const license = licenseOf(ctx);
    const rows = readRows(ctx);
    const errors = new RowErrors();
    const ledger = new PackageLedger();
    const history: Omit<AdjustmentRecord, 'id' | 'lastModified'>[] = [];
    for (const row of rows) {
      const add = (message: string) => errors.add(row.index, message);
      const pkg = rowPackage(ctx, row, errors);
      const quantity = row.number('Quantity');
      const reasonName = row.text('AdjustmentReason');
      const reason = byLookupName(lookupsFor(ctx.metrcState).adjustReasons, reasonName);
      if (!reason) add(`Adjustment Reason "${reasonName ?? ''}" is not valid.`);
      else if (reason.requiresNote && !row.text('ReasonNote'))
        add(`A note is required for the reason "${reason.name}".`);
      if (!isIsoDate(row.text('AdjustmentDate')))
        add('AdjustmentDate must be a date in the format yyyy-mm-dd.');
      if (quantity === undefined) add('Quantity was not specified.');
      else if (mode === 'delta' && quantity === 0) add('Quantity must not be zero.');
      else if (mode === 'final' && quantity < 0) add('Quantity must not be negative.');
      if (!pkg || quantity === undefined) continue;
      if (!isActivePackage(pkg)) add(`Package ${pkg.label} is not active.`);
      // For a final quantity, plan the difference from what the package would hold.
      const before = ledger.remaining(pkg);
      const draw =
        mode === 'delta'
          ? ledger.change(pkg, quantity, row.text('UnitOfMeasure'))
          : finalDifference(ledger, pkg, quantity, row.text('UnitOfMeasure'));
      if (!draw.ok) add(draw.message);
      else if (reason)
        history.push({
          license: license.number,
          packageId: pkg.id,
          label: pkg.label,
          itemId: pkg.itemId,
          quantity: roundQuantity(ledger.remaining(pkg) - before),
          unit: pkg.unit,
          reason: reason.name,
          note: row.text('ReasonNote') ?? null,
          date: row.text('AdjustmentDate') ?? '',
          by: ctx.user.name,
        });
    }
    errors.throwIfAny();
    for (const entry of history) {
      const record = { ...entry, id: ctx.state.nextId('adjustment'), lastModified: 0 };
      ctx.state.touch(license.adjustments, record);
    }
    const ids: number[] = [];
    for (const [id, quantity] of ledger.entries()) {
      const pkg = ctx.state.index.packages.get(id);
      if (!pkg) continue;
      pkg.quantity = quantity;
      ctx.state.touch(license.packages, pkg);
      ids.push(id);
    }
    return writeResult(ctx, ids);
  };
}

function finalDifference(
  ledger: PackageLedger,
  pkg: PackageRecord,
  target: number,
  unit: string | undefined,
) {
  // Zero the planned quantity, then add the target in the row's unit.
  const zeroed = ledger.change(pkg, -ledger.remaining(pkg), pkg.unit);
  return zeroed.ok ? ledger.change(pkg, target, unit) : zeroed;
}

/** A write that applies one change per row after every row passed `check`. */
export function perRow(
  check: (
    ctx: OperationContext,
    row: Row,
    pkg: PackageRecord,
    add: (message: string) => void,
  ) => void,
  apply: (ctx: OperationContext, row: Row, pkg: PackageRecord) => void,
) {
  return (ctx: OperationContext) => {
    const license = licenseOf(ctx);
    const rows = readRows(ctx);
    const errors = new RowErrors();
    const targets: [Row, PackageRecord][] = [];
    for (const row of rows) {
      const pkg = rowPackage(ctx, row, errors);
      if (!pkg) continue;
      check(ctx, row, pkg, (message) => errors.add(row.index, message));
      targets.push([row, pkg]);
    }
    errors.throwIfAny();
    for (const [row, pkg] of targets) {
      apply(ctx, row, pkg);
      ctx.state.touch(license.packages, pkg);
    }
    return writeResult(
      ctx,
      targets.map(([, pkg]) => pkg.id),
    );
  };
}

const move = perRow(
  (ctx, row, pkg, add) => {
    if (!isActivePackage(pkg)) add(`Package ${pkg.label} is not active.`);
    const name = row.text('Location');
    const location = byName(licenseOf(ctx).locations.values(), name);
    const type = location ? LOCATION_TYPES.find((t) => t.id === location.typeId) : undefined;
    if (!location) add(`Location "${name ?? ''}" does not exist in the current Facility.`);
    else if (!type?.forPackages) add(`Location "${name}" cannot hold packages.`);
    if (!isIsoDate(row.text('MoveDate'))) add('MoveDate must be a date in the format yyyy-mm-dd.');
  },
  (ctx, row, pkg) => {
    pkg.locationId = byName(licenseOf(ctx).locations.values(), row.text('Location'))?.id ?? null;
  },
);

const finish = perRow(
  (_ctx, row, pkg, add) => {
    if (!isActivePackage(pkg)) add(`Package ${pkg.label} is not active.`);
    // [U] Metrc finishes only empty packages; stricter is safer for clients.
    else if (pkg.quantity !== 0)
      add(`Package ${pkg.label} cannot be finished while its quantity is not zero.`);
    if (!isIsoDate(row.text('ActualDate')))
      add('ActualDate must be a date in the format yyyy-mm-dd.');
  },
  (_ctx, row, pkg) => {
    pkg.finishedDate = row.text('ActualDate') ?? null;
  },
);

const unfinish = perRow(
  (_ctx, _row, pkg, add) => {
    if (pkg.finishedDate === null || pkg.archivedAt !== null)
      add(`Package ${pkg.label} is not finished.`);
  },
  (_ctx, _row, pkg) => {
    pkg.finishedDate = null;
  },
);

/** `DELETE /packages/v2/{id}`: discontinue; the package moves to inactive. */
function discontinue(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const pkg = ownedRecord(ctx, ctx.state.index.packages, idParam(ctx), `Package ${ctx.params.id}`);
  if (!isActivePackage(pkg)) throw metrcReplies.badRequest(`Package ${pkg.label} is not active.`);
  pkg.archivedAt = ctx.now;
  ctx.state.touch(license.packages, pkg);
  return writeResult(ctx, [pkg.id]);
}

const inventory = {
  license: 'required',
  permissions: [PERMS.viewPackages, PERMS.managePackagesInventory],
} as const;
const creating = {
  license: 'required',
  permissions: [PERMS.viewPackages, PERMS.createPackages],
} as const;

export const packageChangeOperations: OperationSpec[] = [
  operation('POST', '/packages/v2/adjust', inventory, adjust('delta')),
  operation('PUT', '/packages/v2/adjust', inventory, adjust('final')),
  operation('PUT', '/packages/v2/location', { ...creating, gate: 'inventoryPlaces' }, move),
  operation('PUT', '/packages/v2/finish', inventory, finish),
  operation('PUT', '/packages/v2/unfinish', inventory, unfinish),
  operation('DELETE', '/packages/v2/{id}', creating, discontinue),
];
