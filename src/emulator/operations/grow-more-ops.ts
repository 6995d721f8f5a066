/**
 * The rarer plant and harvest writes: plant strain and tag changes and waste; additives on
 * plants, by location or on a batch, and their list; harvest rename, move, restore of
 * harvested plants, and removing a waste entry. Every row is checked before anything changes.
 */

import { metrcReplies } from '../http/metrc-replies.ts';
import { RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import type { AdditiveRecord, HarvestRecord, PlantRecord } from '../state/records.ts';
import { roundQuantity } from '../state/units-of-measure.ts';
import {
  BATCHES,
  HARVESTS,
  livePlant,
  PLANTS,
  recordPlantWaste,
  rowBatch,
  rowHarvest,
  strainOf,
  VIEW_PLANTS,
} from './grow-more-rows.ts';
import { positive, requireDate, rowLocation } from './grow-rows.ts';
import { isLivePlant } from './growing-read-ops.ts';
import {
  byName,
  idParam,
  licenseOf,
  listOf,
  RECENT,
  section,
  writeAccess,
} from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';
import { rowWrite } from './row-writes.ts';

/** Additives applied to plants (by label or location) or to a batch. */
const applyAdditives = (target: 'plants' | 'location' | 'batch') => (ctx: OperationContext) => {
  const license = licenseOf(ctx);
  const errors = new RowErrors();
  const plans: Omit<AdditiveRecord, 'id' | 'lastModified'>[] = [];
  for (const row of readRows(ctx)) {
    const before = errors.count;
    const add = (message: string) => errors.add(row.index, message);
    const type = row.text('AdditiveType');
    if (!type || !['fertilizer', 'pesticide', 'other'].includes(type.toLowerCase()))
      add(`Additive Type "${type ?? ''}" is not valid.`);
    const tradeName = row.text('ProductTradeName');
    if (!tradeName) add('ProductTradeName was not specified.');
    const amount = positive(row, 'TotalAmountApplied', add);
    const unit = row.text('TotalAmountUnitOfMeasure');
    if (!unit) add('TotalAmountUnitOfMeasure was not specified.');
    const date = requireDate(row, 'ActualDate', add);
    let plantCount = 0;
    let batchId: number | null = null;
    if (target === 'batch') {
      const batch = rowBatch('PlantBatchName')(ctx, row, add);
      plantCount = batch?.count ?? 0;
      batchId = batch?.id ?? null;
    } else if (target === 'location') {
      const location = rowLocation(ctx, row.text('LocationName'), 'forPlants', add);
      plantCount = [...license.plants.values()].filter(
        (p) => isLivePlant(p) && p.locationId === location?.id,
      ).length;
    } else {
      const labels = (row.raw('PlantLabels') as unknown[] | undefined) ?? [];
      if (labels.length === 0) add('PlantLabels was not specified.');
      for (const label of labels) {
        const plant = ctx.state.index.plantByLabel.get(String(label).toUpperCase());
        if (!plant || plant.license !== license.number || !isLivePlant(plant))
          add(`Plant ${String(label)} was not found in the current Facility.`);
      }
      plantCount = labels.length;
    }
    if (errors.count > before || !type || !tradeName || amount === undefined || !unit || !date)
      continue;
    plans.push({
      license: license.number,
      additiveType: type,
      productTradeName: tradeName,
      epaRegistrationNumber: row.text('EpaRegistrationNumber') ?? null,
      productSupplier: row.text('ProductSupplier') ?? null,
      applicationDevice: row.text('ApplicationDevice') ?? null,
      amountUnit: unit,
      totalAmount: amount,
      plantBatchId: batchId,
      plantCount,
      actualDate: date,
    });
  }
  errors.throwIfAny();
  const ids = plans.map((fields) => {
    const record: AdditiveRecord = { ...fields, id: ctx.state.nextId('additive'), lastModified: 0 };
    ctx.state.touch(license.additives, record);
    return record.id;
  });
  return writeResult(ctx, ids);
};

function wireAdditive(ctx: OperationContext, additive: AdditiveRecord) {
  const batch =
    additive.plantBatchId === null
      ? undefined
      : ctx.state.index.plantBatches.get(additive.plantBatchId);
  return {
    AdditiveTypeName: additive.additiveType,
    ProductTradeName: additive.productTradeName,
    EpaRegistrationNumber: additive.epaRegistrationNumber,
    ProductSupplier: additive.productSupplier,
    ApplicationDevice: additive.applicationDevice,
    AmountUnitOfMeasure: additive.amountUnit,
    TotalAmountApplied: additive.totalAmount,
    PlantBatchId: batch?.id ?? null,
    PlantBatchName: batch?.name ?? null,
    PlantCount: additive.plantCount,
  };
}

/** `DELETE /harvests/v2/waste/{id}`: the waste's weight goes back to the harvest. */
function removeHarvestWaste(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const id = idParam(ctx);
  for (const harvest of license.harvests.values()) {
    const index = harvest.wastes.findIndex((waste) => waste.id === id);
    if (index < 0) continue;
    if (harvest.finishedDate !== null)
      throw metrcReplies.badRequest(`Harvest ${harvest.name} is finished.`);
    const [waste] = harvest.wastes.splice(index, 1);
    if (waste) {
      harvest.wasteWeight = roundQuantity(harvest.wasteWeight - waste.weight);
      harvest.currentWeight = roundQuantity(harvest.currentWeight + waste.weight);
    }
    ctx.state.touch(license.harvests, harvest);
    return writeResult(ctx, [id]);
  }
  throw metrcReplies.objectNotFound(`Harvest waste ${id}`);
}

export const growMoreOperations: OperationSpec[] = [
  operation(
    'PUT',
    '/plants/v2/strain',
    PLANTS,
    rowWrite<PlantRecord>({
      collection: (license) => license.plants,
      find: livePlant,
      check: (ctx, row, _plant, add) => {
        if (!strainOf(ctx, row, 'StrainName'))
          add(`Strain "${row.text('StrainName') ?? ''}" does not exist in the current Facility.`);
      },
      apply: (ctx, row, plant) => {
        plant.strainId = strainOf(ctx, row, 'StrainName')?.id ?? plant.strainId;
      },
    }),
  ),
  operation(
    'PUT',
    '/plants/v2/tag',
    PLANTS,
    rowWrite<PlantRecord>({
      collection: (license) => license.plants,
      find: livePlant,
      check: (ctx, row, _plant, add) => {
        const tag = licenseOf(ctx).plantTags.get(row.text('NewTag')?.toUpperCase() ?? '');
        if (!tag || tag.used) add(`Tag ${row.text('NewTag') ?? ''} is not available.`);
        requireDate(row, 'ReplaceDate', add);
      },
      apply: (ctx, row, plant) => {
        const tag = licenseOf(ctx).plantTags.get(row.text('NewTag')?.toUpperCase() ?? '');
        if (!tag) return;
        tag.used = true;
        ctx.state.index.plantByLabel.delete(plant.label);
        plant.label = tag.label;
        ctx.state.index.plantByLabel.set(plant.label, plant);
      },
    }),
  ),
  operation(
    'POST',
    '/plants/v2/waste',
    writeAccess([VIEW_PLANTS, ['Destroy Veg/Flower Plants']], 'growing'),
    recordPlantWaste(false),
  ),
  operation('POST', '/plants/v2/additives', PLANTS, applyAdditives('plants')),
  operation('POST', '/plants/v2/additives/bylocation', PLANTS, applyAdditives('location')),
  operation('POST', '/plantbatches/v2/additives', BATCHES, applyAdditives('batch')),
  operation(
    'GET',
    '/plants/v2/additives',
    section(VIEW_PLANTS, 'growing'),
    listOf(
      (ctx) => licenseOf(ctx).additives.values(),
      (ctx, additive) => wireAdditive(ctx, additive),
      RECENT,
    ),
  ),
  operation(
    'PUT',
    '/harvests/v2/rename',
    HARVESTS,
    rowWrite<HarvestRecord>({
      collection: (license) => license.harvests,
      find: rowHarvest('Id'),
      check: (ctx, row, harvest, add) => {
        const name = row.text('NewName');
        if (!name) add('NewName was not specified.');
        const clash = name ? byName(licenseOf(ctx).harvests.values(), name) : undefined;
        if (clash && clash.id !== harvest.id) add(`Harvest "${name}" already exists.`);
      },
      apply: (_ctx, row, harvest) => {
        harvest.name = row.text('NewName') ?? harvest.name;
      },
    }),
  ),
  operation(
    'PUT',
    '/harvests/v2/location',
    HARVESTS,
    rowWrite<HarvestRecord>({
      collection: (license) => license.harvests,
      find: rowHarvest('Id'),
      check: (ctx, row, _harvest, add) => {
        rowLocation(ctx, row.text('DryingLocation'), 'forHarvests', add);
        requireDate(row, 'ActualDate', add);
      },
      apply: (ctx, row, harvest) => {
        const location = byName(licenseOf(ctx).locations.values(), row.text('DryingLocation'));
        if (location) harvest.dryingLocationId = location.id;
      },
    }),
  ),
  // Restores harvested (whole-plant) plants to flowering, removing their weight [U].
  operation(
    'PUT',
    '/harvests/v2/restore/harvestedplants',
    HARVESTS,
    rowWrite<HarvestRecord>({
      collection: (license) => license.harvests,
      find: rowHarvest('HarvestId'),
      check: (ctx, row, harvest, add) => {
        const labels = (row.raw('PlantTags') as unknown[] | undefined) ?? [];
        if (labels.length === 0) add('PlantTags was not specified.');
        for (const label of labels) {
          const plant = ctx.state.index.plantByLabel.get(String(label).toUpperCase());
          if (
            !plant ||
            plant.license !== harvest.license ||
            !plant.harvestIds.includes(harvest.id) ||
            plant.harvestedDate === null
          )
            add(`Plant ${String(label)} was not harvested into ${harvest.name}.`);
        }
        if (harvest.finishedDate !== null) add(`Harvest ${harvest.name} is finished.`);
      },
      apply: (ctx, row, harvest) => {
        const license = licenseOf(ctx);
        for (const label of (row.raw('PlantTags') as unknown[] | undefined) ?? []) {
          const plant = ctx.state.index.plantByLabel.get(String(label).toUpperCase());
          if (!plant) continue;
          const weight = plant.harvestedWetWeight ?? 0;
          harvest.wetWeight = roundQuantity(Math.max(0, harvest.wetWeight - weight));
          harvest.currentWeight = roundQuantity(Math.max(0, harvest.currentWeight - weight));
          harvest.plantCount = Math.max(0, harvest.plantCount - 1);
          plant.harvestedDate = null;
          plant.harvestedWetWeight = null;
          plant.harvestedUnit = null;
          plant.harvestIds = plant.harvestIds.filter((id) => id !== harvest.id);
          ctx.state.touch(license.plants, plant);
        }
      },
    }),
  ),
  operation('DELETE', '/harvests/v2/waste/{id}', HARVESTS, removeHarvestWaste),
];
