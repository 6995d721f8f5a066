/**
 * Harvest writes: packages from harvest weight, waste, finish and unfinish. Weight drawn by
 * packages and waste is planned across all rows first, so a harvest never goes negative and a
 * failing row changes nothing.
 */

import { type Row, RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import { findItemCategory, HARVEST_WASTE_TYPES } from '../state/metrc-catalog.ts';
import type { HarvestRecord } from '../state/records.ts';
import {
  convertQuantity,
  findUnit,
  roundQuantity,
  type UnitOfMeasure,
} from '../state/units-of-measure.ts';
import { type AddError, positive, requireDate, rowLocation, weightUnit } from './grow-rows.ts';
import { byName, licenseOf, PERMS, writeAccess } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';
import { addPackage } from './packages-create-op.ts';

/** Harvest weight left after the draws planned so far, in each harvest's own unit. */
class HarvestLedger {
  readonly remaining = new Map<HarvestRecord, number>();

  draw(
    harvest: HarvestRecord,
    weight: number,
    unit: UnitOfMeasure,
    add: AddError,
  ): number | undefined {
    const own = findUnit(harvest.unitOfWeight);
    const amount = own ? convertQuantity(weight, unit, own) : undefined;
    if (!own || amount === undefined) {
      add(`Unit of Measure "${unit.name}" is not compatible with Harvest "${harvest.name}".`);
      return undefined;
    }
    const left = this.remaining.get(harvest) ?? harvest.currentWeight;
    if (amount > left + 1e-9) {
      add(
        `Harvest "${harvest.name}" does not have enough weight: ${roundQuantity(left)} ${own.name} available.`,
      );
      return undefined;
    }
    this.remaining.set(harvest, Math.max(0, roundQuantity(left - amount)));
    return amount;
  }
}

/** An active (unfinished) harvest of the license, by `Id`/`HarvestId` or `HarvestName`. */
function rowHarvest(ctx: OperationContext, row: Row, add: AddError, idField = 'Id') {
  const license = licenseOf(ctx);
  const id = row.number(idField);
  const name = row.text('HarvestName');
  const harvest =
    id !== undefined
      ? ctx.state.index.harvests.get(id)
      : [...license.harvests.values()].find((h) => h.name.toLowerCase() === name?.toLowerCase());
  if (!harvest || harvest.license !== license.number) {
    add(`Harvest ${id ?? name ?? ''} was not found in the current Facility.`);
    return undefined;
  }
  return harvest;
}

function activeHarvest(ctx: OperationContext, row: Row, add: AddError, idField = 'Id') {
  const harvest = rowHarvest(ctx, row, add, idField);
  if (harvest?.finishedDate) add(`Harvest "${harvest.name}" is finished.`);
  else if (harvest?.isOnHold) add(`Harvest "${harvest.name}" is on hold.`);
  else return harvest;
  return undefined;
}

function createHarvestPackages(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const errors = new RowErrors();
  const ledger = new HarvestLedger();
  const claimed = new Set<string>();
  const packaged: { harvest: HarvestRecord; amount: number }[] = [];
  const plans: Parameters<typeof addPackage>[1][] = [];
  for (const row of readRows(ctx)) {
    const before = errors.count;
    const add = (message: string) => errors.add(row.index, message);
    const tag = row.text('Tag')?.toUpperCase();
    const tagRecord = tag ? license.packageTags.get(tag) : undefined;
    if (!tag) add('Tag was not specified.');
    else if (!tagRecord || tagRecord.used || claimed.has(tag)) add(`Tag ${tag} is not available.`);
    const locationName = row.text('Location');
    const location =
      locationName === undefined ? undefined : rowLocation(ctx, locationName, 'forPackages', add);
    const itemName = row.text('Item');
    const item = byName(license.items.values(), itemName);
    const unit = weightUnit(row, 'UnitOfWeight', add);
    if (!item) add(`Item "${itemName ?? ''}" does not exist in the current Facility.`);
    else if (findItemCategory(item.category)?.quantityType !== 'WeightBased')
      add(`Item "${item.name}" is not weight-based and cannot be packaged from a harvest.`);
    requireDate(row, 'ActualDate', add);
    const ingredients = row.list('Ingredients') ?? [];
    if (ingredients.length === 0) add('Ingredients were not specified.');
    let quantity = 0;
    const names: string[] = [];
    for (const ingredient of ingredients) {
      const harvest = activeHarvest(ctx, ingredient, add, 'HarvestId');
      const weight = positive(ingredient, 'Weight', add);
      const from = weightUnit(ingredient, 'UnitOfWeight', add);
      if (!harvest || !weight || !from) continue;
      const amount = ledger.draw(harvest, weight, from, add);
      if (amount === undefined || !unit) continue;
      quantity += convertQuantity(weight, from, unit) ?? 0;
      names.push(harvest.name);
      packaged.push({ harvest, amount });
    }
    if (errors.count > before || !tag || !item || !unit) continue;
    claimed.add(tag);
    plans.push({
      row,
      tag,
      itemId: item.id,
      quantity: roundQuantity(quantity),
      unit: unit.name,
      locationId: location?.id ?? null,
      sources: [],
      harvestNames: names,
    });
  }
  errors.throwIfAny();
  for (const { harvest, amount } of packaged) {
    harvest.packagedWeight = roundQuantity(harvest.packagedWeight + amount);
    harvest.packageCount += 1;
  }
  applyLedger(ctx, ledger);
  const ids = plans.map((plan) => {
    const id = addPackage(ctx, plan);
    const pkg = ctx.state.index.packages.get(id);
    if (pkg) pkg.labTestingState = 'NotSubmitted';
    return id;
  });
  return writeResult(ctx, ids);
}

function applyLedger(ctx: OperationContext, ledger: HarvestLedger) {
  for (const [harvest, left] of ledger.remaining) {
    harvest.currentWeight = left;
    ctx.state.touch(licenseOf(ctx).harvests, harvest);
  }
}

function recordWaste(ctx: OperationContext) {
  const errors = new RowErrors();
  const ledger = new HarvestLedger();
  const wastes: {
    harvest: HarvestRecord;
    type: string;
    weight: number;
    unit: string;
    date: string;
  }[] = [];
  for (const row of readRows(ctx)) {
    const before = errors.count;
    const add = (message: string) => errors.add(row.index, message);
    const harvest = activeHarvest(ctx, row, add);
    const typeName = row.text('WasteType');
    const type = HARVEST_WASTE_TYPES.find((t) => t.toLowerCase() === typeName?.toLowerCase());
    if (!type) add(`Waste Type "${typeName ?? ''}" is not valid.`);
    const weight = positive(row, 'WasteWeight', add);
    const unit = weightUnit(row, 'UnitOfWeight', add);
    const date = requireDate(row, 'ActualDate', add);
    if (!harvest || !weight || !unit) continue;
    const amount = ledger.draw(harvest, weight, unit, add);
    if (errors.count > before || amount === undefined || !type || !date) continue;
    wastes.push({ harvest, type, weight: amount, unit: harvest.unitOfWeight, date });
  }
  errors.throwIfAny();
  const ids = wastes.map(({ harvest, type, weight, unit, date }) => {
    const id = ctx.state.nextId('harvestWaste');
    harvest.wastes.push({
      id,
      harvestId: harvest.id,
      wasteType: type,
      weight,
      unit,
      actualDate: date,
    });
    harvest.wasteWeight = roundQuantity(harvest.wasteWeight + weight);
    return id;
  });
  applyLedger(ctx, ledger);
  return writeResult(ctx, ids);
}

/** Finish (what is left is moisture loss, so weight may remain) or unfinish. */
function finishing(finish: boolean) {
  return (ctx: OperationContext) => {
    const errors = new RowErrors();
    const plans: { harvest: HarvestRecord; date: string | null }[] = [];
    const seen = new Set<HarvestRecord>();
    for (const row of readRows(ctx)) {
      const add = (message: string) => errors.add(row.index, message);
      const harvest = rowHarvest(ctx, row, add);
      const date = finish ? requireDate(row, 'ActualDate', add) : null;
      if (!harvest) continue;
      if (seen.has(harvest)) add(`Harvest "${harvest.name}" appears more than once.`);
      else if (finish && harvest.finishedDate)
        add(`Harvest "${harvest.name}" is already finished.`);
      else if (!finish && !harvest.finishedDate) add(`Harvest "${harvest.name}" is not finished.`);
      else if (date !== undefined) plans.push({ harvest, date });
      seen.add(harvest);
    }
    errors.throwIfAny();
    for (const { harvest, date } of plans) {
      harvest.finishedDate = date;
      ctx.state.touch(licenseOf(ctx).harvests, harvest);
    }
    return writeResult(
      ctx,
      plans.map((plan) => plan.harvest.id),
    );
  };
}

const VIEW = ['View Harvests'] as const;
const MANAGE = ['Manage Harvests'] as const;
const FINISH = ['Finish/Discontinue Harvests'] as const;

export const harvestWriteOperations: OperationSpec[] = [
  operation(
    'POST',
    '/harvests/v2/packages',
    writeAccess([VIEW, MANAGE, PERMS.viewPackages, PERMS.createPackages], 'growing'),
    createHarvestPackages,
  ),
  operation('POST', '/harvests/v2/waste', writeAccess([VIEW, MANAGE], 'growing'), recordWaste),
  operation('PUT', '/harvests/v2/finish', writeAccess([VIEW, FINISH], 'growing'), finishing(true)),
  operation(
    'PUT',
    '/harvests/v2/unfinish',
    writeAccess([VIEW, FINISH], 'growing'),
    finishing(false),
  ),
];
