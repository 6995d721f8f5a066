/**
 * Row lookups and access shared by the rarer grow writes (grow-more-ops.ts,
 * plant-batches-more-ops.ts): live plants, batches by id or name, harvests, strains, the next
 * free plant tags, a new batch, and recording plant or batch waste.
 */

import { type Row, RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import type { LicenseRecord, PlantBatchRecord, TagRecord } from '../state/records.ts';
import {
  type AddError,
  positive,
  requireDate,
  rowPlant,
  wasteMethodAndReason,
  weightUnit,
} from './grow-rows.ts';
import { isLivePlant } from './growing-read-ops.ts';
import { byName, licenseOf, writeAccess } from './operation-helpers.ts';
import type { OperationContext } from './operation-types.ts';

export const VIEW_PLANTS = ['View Veg/Flower Plants'] as const;
export const MANAGE_PLANTS = ['Manage Veg/Flower Plants Inventory'] as const;
export const VIEW_BATCHES = ['View Immature Plants'] as const;
export const MANAGE_BATCHES = ['Manage Immature Plants Inventory'] as const;
export const VIEW_HARVESTS = ['View Harvests'] as const;
export const MANAGE_HARVESTS = ['Manage Harvests'] as const;
export const PLANTS = writeAccess([VIEW_PLANTS, MANAGE_PLANTS], 'growing');
export const BATCHES = writeAccess([VIEW_BATCHES, MANAGE_BATCHES], 'growing');
export const HARVESTS = writeAccess([VIEW_HARVESTS, MANAGE_HARVESTS], 'growing');

export const livePlant = (ctx: OperationContext, row: Row, add: AddError, labelField = 'Label') => {
  const plant = rowPlant(ctx, row, add, labelField);
  if (plant && !isLivePlant(plant)) {
    add(`Plant ${plant.label} is not active.`);
    return undefined;
  }
  return plant;
};

/** A batch of the license by `Id`, or by name in `field`. */
export const rowBatch =
  (field = 'Name') =>
  (ctx: OperationContext, row: Row, add: AddError): PlantBatchRecord | undefined => {
    const license = licenseOf(ctx);
    const id = row.number('Id');
    const batch =
      id !== undefined
        ? ctx.state.index.plantBatches.get(id)
        : byName(license.plantBatches.values(), row.text(field));
    if (!batch || batch.license !== license.number || batch.archived) {
      add(`Plant Batch ${row.text(field) ?? id ?? ''} was not found in the current Facility.`);
      return undefined;
    }
    return batch;
  };

export const rowHarvest =
  (field = 'Id') =>
  (ctx: OperationContext, row: Row, add: AddError) => {
    const id = row.number(field);
    const harvest = id === undefined ? undefined : ctx.state.index.harvests.get(id);
    if (!harvest || harvest.license !== licenseOf(ctx).number) {
      add(`Harvest ${id ?? ''} was not found in the current Facility.`);
      return undefined;
    }
    return harvest;
  };

export const strainOf = (ctx: OperationContext, row: Row, field: string) =>
  byName(licenseOf(ctx).strains.values(), row.text(field));

/** The next `count` available plant tags of the license, starting at `first`. */
export function tagsFrom(
  license: LicenseRecord,
  first: string | undefined,
  count: number,
): TagRecord[] {
  const available = [...license.plantTags.values()]
    .filter((tag) => !tag.used)
    .sort((a, b) => a.label.localeCompare(b.label));
  const start = available.findIndex((tag) => tag.label === first);
  return start < 0 ? [] : available.slice(start, start + count);
}

export function newBatch(
  ctx: OperationContext,
  fields: Omit<PlantBatchRecord, 'id' | 'lastModified' | 'license' | 'destroyedCount' | 'archived'>,
): PlantBatchRecord {
  const license = licenseOf(ctx);
  const batch: PlantBatchRecord = {
    ...fields,
    id: ctx.state.nextId('plantBatch'),
    lastModified: 0,
    license: license.number,
    destroyedCount: 0,
    archived: false,
  };
  ctx.state.index.plantBatches.set(batch.id, batch);
  ctx.state.touch(license.plantBatches, batch);
  return batch;
}

/** Waste of plants or a batch: checked, and the weight recorded nowhere readable [U]. */
export const recordPlantWaste = (batch: boolean) => (ctx: OperationContext) => {
  const errors = new RowErrors();
  const ids: number[] = [];
  for (const row of readRows(ctx)) {
    const add = (message: string) => errors.add(row.index, message);
    wasteMethodAndReason(ctx, row, add);
    positive(row, 'WasteWeight', add);
    weightUnit(row, 'UnitOfMeasureName', add);
    requireDate(row, 'WasteDate', add);
    if (batch) {
      const found = rowBatch('PlantBatchName')(ctx, row, add);
      if (found) ids.push(found.id);
    } else {
      for (const label of (row.raw('PlantLabels') as unknown[] | undefined) ?? []) {
        const plant = ctx.state.index.plantByLabel.get(String(label).toUpperCase());
        if (!plant || plant.license !== licenseOf(ctx).number)
          add(`Plant ${String(label)} was not found in the current Facility.`);
        else ids.push(plant.id);
      }
    }
  }
  errors.throwIfAny();
  return writeResult(ctx, ids);
};
