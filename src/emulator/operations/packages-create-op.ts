/**
 * `POST /packages/v2/`: new packages from ingredients (merge: many sources into one tag; split:
 * one source into many tags; repackage: another item or unit). Fact 13.
 */

import { type Row, RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import { findItemCategory, LOCATION_TYPES } from '../state/metrc-catalog.ts';
import type { PackageRecord } from '../state/records.ts';
import { findUnit } from '../state/units-of-measure.ts';
import { isIsoDate } from '../wire/metrc-time.ts';
import { byName, licenseOf, PERMS } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';
import { PackageLedger } from './package-ledger.ts';
import { isActivePackage } from './packages-read-ops.ts';

export interface PlannedPackage {
  row: Row;
  tag: string;
  itemId: number;
  quantity: number;
  unit: string;
  locationId: number | null;
  sources: PackageRecord[];
  /** Harvests it was packaged from (`POST /harvests/v2/packages`). */
  harvestNames?: string[];
}

function createPackages(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const { index } = ctx.state;
  const rows = readRows(ctx);
  const errors = new RowErrors();
  const ledger = new PackageLedger();
  const claimed = new Set<string>();
  const planned: PlannedPackage[] = [];

  for (const row of rows) {
    const before = errors.count;
    const add = (message: string) => errors.add(row.index, message);
    const tag = row.text('Tag')?.toUpperCase();
    if (!tag) add('Tag was not specified.');
    else {
      const record = license.packageTags.get(tag);
      if (!record || record.used || claimed.has(tag)) add(`Tag ${tag} is not available.`);
    }
    if (!isIsoDate(row.text('ActualDate')))
      add('ActualDate must be a date in the format yyyy-mm-dd.');
    const quantity = row.number('Quantity');
    if (quantity === undefined || quantity <= 0) add('Quantity must be greater than zero.');
    const unit = findUnit(row.text('UnitOfMeasure'));
    if (!unit) add(`Unit of Measure "${row.text('UnitOfMeasure') ?? ''}" is not valid.`);

    let locationId: number | null = null;
    const locationName = row.text('Location');
    if (locationName) {
      const location = byName(license.locations.values(), locationName);
      const type = location ? LOCATION_TYPES.find((t) => t.id === location.typeId) : undefined;
      if (!location) add(`Location "${locationName}" does not exist in the current Facility.`);
      else if (!type?.forPackages) add(`Location "${locationName}" cannot hold packages.`);
      else locationId = location.id;
    }

    const sources: PackageRecord[] = [];
    const ingredients = row.list('Ingredients') ?? [];
    if (ingredients.length === 0 && !license.facilityType.CanCreateOpeningBalancePackages) {
      // Standalone creation is an "opening balance": only some facility types may (F8).
      add('Ingredients were not specified.');
    }
    for (const ingredient of ingredients) {
      const label = ingredient.text('Package')?.toUpperCase();
      const source = label ? index.packageByLabel.get(label) : undefined;
      if (!source || source.license !== license.number) {
        add(`Package ${label ?? ''} was not found in the current Facility.`);
        continue;
      }
      if (!isActivePackage(source)) add(`Package ${label} is not active.`);
      if (source.isOnHold) add(`Package ${label} is on hold.`);
      const amount = ingredient.number('Quantity');
      if (amount === undefined || amount <= 0) {
        add(`The ingredient quantity for Package ${label} must be greater than zero.`);
        continue;
      }
      const draw = ledger.change(source, -amount, ingredient.text('UnitOfMeasure'));
      if (!draw.ok) add(draw.message);
      sources.push(source);
    }

    const itemId = resolveItem(ctx, row, sources, add);
    const item = itemId === undefined ? undefined : index.items.get(itemId);
    if (item && unit && findItemCategory(item.category)?.quantityType !== unit.quantityType) {
      add(`Unit of Measure "${unit.name}" is not compatible with Item "${item.name}".`);
    }
    if (errors.count > before || !tag || !unit || quantity === undefined || itemId === undefined)
      continue;
    claimed.add(tag);
    planned.push({ row, tag, itemId, quantity, unit: unit.name, locationId, sources });
  }
  errors.throwIfAny();

  for (const [id, quantity] of ledger.entries()) {
    const source = index.packages.get(id);
    if (!source) continue;
    source.quantity = quantity;
    ctx.state.touch(license.packages, source);
  }
  const ids = planned.map((plan) => addPackage(ctx, plan));
  return writeResult(ctx, ids);
}

function resolveItem(
  ctx: OperationContext,
  row: Row,
  sources: readonly PackageRecord[],
  add: (message: string) => void,
): number | undefined {
  const license = licenseOf(ctx);
  if (row.boolean('UseSameItem')) {
    const itemIds = new Set(sources.map((source) => source.itemId));
    const [only] = itemIds;
    if (itemIds.size !== 1 || only === undefined) {
      add('UseSameItem requires ingredients that all share one item.');
      return undefined;
    }
    return only;
  }
  const name = row.text('Item');
  const item = byName(license.items.values(), name);
  if (!item) {
    add(`Item "${name ?? ''}" does not exist in the current Facility.`);
    return undefined;
  }
  return item.id;
}

/** Creates the planned package on its (now used) tag; returns its id. */
export function addPackage(ctx: OperationContext, plan: PlannedPackage): number {
  const license = licenseOf(ctx);
  const { state } = ctx;
  const tag = license.packageTags.get(plan.tag);
  if (tag) tag.used = true;
  const pkg: PackageRecord = {
    id: state.nextId('package'),
    lastModified: 0,
    license: license.number,
    label: plan.tag,
    packageType: 'Product',
    itemId: plan.itemId,
    quantity: plan.quantity,
    unit: plan.unit,
    originalQuantity: plan.quantity,
    locationId: plan.locationId,
    packagedDate: plan.row.text('ActualDate') ?? '',
    note: plan.row.text('Note') ?? null,
    sourcePackageLabels: [...new Set(plan.sources.map((source) => source.label))],
    sourceHarvestNames: [
      ...new Set([
        ...(plan.harvestNames ?? []),
        ...plan.sources.flatMap((source) => source.sourceHarvestNames),
      ]),
    ],
    patientLicenseNumber: plan.row.text('PatientLicenseNumber') ?? null,
    labTestingState: plan.sources[0]?.labTestingState ?? 'NotSubmitted',
    labTestingStateDate: plan.sources[0]?.labTestingStateDate ?? null,
    isProductionBatch: plan.row.boolean('IsProductionBatch'),
    productionBatchNumber: plan.row.text('ProductionBatchNumber') ?? null,
    isTradeSample: plan.row.boolean('IsTradeSample'),
    isDonation: plan.row.boolean('IsDonation'),
    isTestingSample: false,
    productRequiresRemediation: plan.row.boolean('ProductRequiresRemediation'),
    isOnHold: false,
    receivedFromLicense: null,
    receivedFromManifestNumber: null,
    receivedAt: null,
    finishedDate: null,
    archivedAt: null,
    expirationDate: plan.row.text('ExpirationDate') ?? null,
    sellByDate: plan.row.text('SellByDate') ?? null,
    useByDate: plan.row.text('UseByDate') ?? null,
  };
  state.index.packages.set(pkg.id, pkg);
  state.index.packageByLabel.set(pkg.label, pkg);
  state.touch(license.packages, pkg);
  const item = state.index.items.get(plan.itemId);
  if (item && !item.used) {
    item.used = true;
    state.touch(license.items, item);
  }
  return pkg.id;
}

export const packageCreateOperations: OperationSpec[] = [
  operation(
    'POST',
    '/packages/v2',
    {
      license: 'required',
      permissions: [PERMS.viewPackages, PERMS.createPackages],
      gate: 'derivedPackages',
    },
    createPackages,
  ),
];
