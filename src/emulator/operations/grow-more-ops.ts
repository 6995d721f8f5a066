/**
 * The rarer grow writes: plant strain and tag changes, waste; plant batch location, strain,
 * adjust, split, growth phase (tracked plants from a batch), waste, plantings from plants or
 * packages; harvest rename, move, restore of harvested plants, removing a waste entry; additives
 * and their list. Every row is checked before anything changes.
 */
import { metrcReplies } from '../http/metrc-replies.ts';
import { type Row, RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import { PLANT_BATCH_TYPES } from '../state/metrc-catalog.ts';
import type {
  AdditiveRecord,
  HarvestRecord,
  LicenseRecord,
  PlantBatchRecord,
  PlantRecord,
  TagRecord,
} from '../state/records.ts';
import { byLookupName, lookupsFor } from '../state/state-lookups.ts';
import { roundQuantity } from '../state/units-of-measure.ts';
import {
  type AddError,
  positive,
  requireDate,
  rowLocation,
  rowPlant,
  wasteMethodAndReason,
  weightUnit,
} from './grow-rows.ts';
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
import { PackageLedger } from './package-ledger.ts';
import { rowWrite } from './row-writes.ts';

const VIEW_PLANTS = ['View Veg/Flower Plants'] as const;
const MANAGE_PLANTS = ['Manage Veg/Flower Plants Inventory'] as const;
const VIEW_BATCHES = ['View Immature Plants'] as const;
const MANAGE_BATCHES = ['Manage Immature Plants Inventory'] as const;
const VIEW_HARVESTS = ['View Harvests'] as const;
const MANAGE_HARVESTS = ['Manage Harvests'] as const;
const PLANTS = writeAccess([VIEW_PLANTS, MANAGE_PLANTS], 'growing');
const BATCHES = writeAccess([VIEW_BATCHES, MANAGE_BATCHES], 'growing');
const HARVESTS = writeAccess([VIEW_HARVESTS, MANAGE_HARVESTS], 'growing');

const livePlant = (ctx: OperationContext, row: Row, add: AddError, labelField = 'Label') => {
  const plant = rowPlant(ctx, row, add, labelField);
  if (plant && !isLivePlant(plant)) {
    add(`Plant ${plant.label} is not active.`);
    return undefined;
  }
  return plant;
};

/** A batch of the license by `Id`, or by name in `field`. */
const rowBatch =
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

const rowHarvest =
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

const strainOf = (ctx: OperationContext, row: Row, field: string) =>
  byName(licenseOf(ctx).strains.values(), row.text(field));

/** The next `count` available plant tags of the license, starting at `first`. */
function tagsFrom(license: LicenseRecord, first: string | undefined, count: number): TagRecord[] {
  const available = [...license.plantTags.values()]
    .filter((tag) => !tag.used)
    .sort((a, b) => a.label.localeCompare(b.label));
  const start = available.findIndex((tag) => tag.label === first);
  return start < 0 ? [] : available.slice(start, start + count);
}

function newBatch(
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

/** `POST /plantbatches/v2/growthphase`: tracked plants (new tags) out of a batch's count. */
function batchGrowthPhase(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const errors = new RowErrors();
  const plans: {
    batch: PlantBatchRecord;
    tags: TagRecord[];
    phase: 'Vegetative' | 'Flowering';
    locationId: number;
    date: string;
  }[] = [];
  const claimed = new Set<string>();
  const drawn = new Map<number, number>();
  for (const row of readRows(ctx)) {
    const before = errors.count;
    const add = (message: string) => errors.add(row.index, message);
    const batch = rowBatch('Name')(ctx, row, add);
    const count = row.number('Count');
    if (count === undefined || !Number.isInteger(count) || count <= 0)
      add('Count must be a whole number greater than zero.');
    const phase = (['Vegetative', 'Flowering'] as const).find(
      (p) => p.toLowerCase() === row.text('GrowthPhase')?.toLowerCase(),
    );
    if (!phase) add(`Growth Phase "${row.text('GrowthPhase') ?? ''}" is not valid.`);
    const location = rowLocation(ctx, row.text('NewLocation'), 'forPlants', add);
    const date = requireDate(row, 'GrowthDate', add);
    const tags = count ? tagsFrom(license, row.text('StartingTag')?.toUpperCase(), count) : [];
    if (count && (tags.length < count || tags.some((t) => claimed.has(t.label))))
      add(`Tags from ${row.text('StartingTag') ?? ''} are not available for ${count} plants.`);
    if (batch && count) {
      const left = batch.count - (drawn.get(batch.id) ?? 0);
      if (count > left) add(`Plant Batch ${batch.name} has only ${left} plants.`);
    }
    if (errors.count > before || !batch || !count || !phase || !location || !date) continue;
    drawn.set(batch.id, (drawn.get(batch.id) ?? 0) + count);
    for (const tag of tags) claimed.add(tag.label);
    plans.push({ batch, tags, phase, locationId: location.id, date });
  }
  errors.throwIfAny();
  const ids: number[] = [];
  for (const plan of plans) {
    plan.batch.count -= plan.tags.length;
    if (plan.batch.count === 0) plan.batch.archived = true;
    ctx.state.touch(license.plantBatches, plan.batch);
    for (const tag of plan.tags) {
      tag.used = true;
      const plant: PlantRecord = {
        id: ctx.state.nextId('plant'),
        lastModified: 0,
        license: license.number,
        label: tag.label,
        growthPhase: plan.phase,
        plantBatchId: plan.batch.id,
        strainId: plan.batch.strainId,
        locationId: plan.locationId,
        patientLicenseNumber: plan.batch.patientLicenseNumber,
        plantedDate: plan.batch.plantedDate,
        vegetativeDate: plan.date,
        floweringDate: plan.phase === 'Flowering' ? plan.date : null,
        isOnHold: false,
        harvestIds: [],
        harvestedDate: null,
        harvestedWetWeight: null,
        harvestedUnit: null,
        destroyedDate: null,
        destroyedNote: null,
        destroyedBy: null,
      };
      ctx.state.index.plants.set(plant.id, plant);
      ctx.state.index.plantByLabel.set(plant.label, plant);
      ctx.state.touch(license.plants, plant);
      ids.push(plant.id);
    }
  }
  return writeResult(ctx, ids);
}

/** `POST /plantbatches/v2/split`: a new batch of `Count` plants taken from another. */
function splitBatches(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const errors = new RowErrors();
  const names = new Set<string>();
  const drawn = new Map<number, number>();
  const plans: {
    source: PlantBatchRecord;
    row: Row;
    count: number;
    locationId: number;
    strainId: number;
    date: string;
  }[] = [];
  for (const row of readRows(ctx)) {
    const before = errors.count;
    const add = (message: string) => errors.add(row.index, message);
    const source = rowBatch('PlantBatch')(ctx, row, add);
    const name = row.text('GroupName');
    if (!name) add('GroupName was not specified.');
    else if (names.has(name.toLowerCase()) || byName(license.plantBatches.values(), name))
      add(`Plant Batch "${name}" already exists in the current Facility.`);
    const count = row.number('Count');
    if (count === undefined || !Number.isInteger(count) || count <= 0)
      add('Count must be a whole number greater than zero.');
    const location = rowLocation(ctx, row.text('Location'), 'forPlantBatches', add);
    const strain = row.text('Strain') ? strainOf(ctx, row, 'Strain') : undefined;
    if (row.text('Strain') && !strain) add(`Strain "${row.text('Strain')}" does not exist.`);
    const date = requireDate(row, 'ActualDate', add);
    if (source && count) {
      const left = source.count - (drawn.get(source.id) ?? 0);
      if (count > left) add(`Plant Batch ${source.name} has only ${left} plants.`);
    }
    if (errors.count > before || !source || !name || !count || !location || !date) continue;
    names.add(name.toLowerCase());
    drawn.set(source.id, (drawn.get(source.id) ?? 0) + count);
    plans.push({
      source,
      row,
      count,
      locationId: location.id,
      strainId: strain?.id ?? source.strainId,
      date,
    });
  }
  errors.throwIfAny();
  const ids = plans.map((plan) => {
    plan.source.count -= plan.count;
    if (plan.source.count === 0) plan.source.archived = true;
    ctx.state.touch(license.plantBatches, plan.source);
    return newBatch(ctx, {
      name: plan.row.text('GroupName') ?? '',
      type: plan.source.type,
      strainId: plan.strainId,
      locationId: plan.locationId,
      patientLicenseNumber: plan.row.text('PatientLicenseNumber') ?? null,
      count: plan.count,
      plantedDate: plan.date,
    }).id;
  });
  return writeResult(ctx, ids);
}

/** `POST /plants/v2/plantings`: a new batch of clones or seeds taken from a mother plant. */
function plantingsFromPlants(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const errors = new RowErrors();
  const names = new Set<string>();
  const plans: {
    row: Row;
    strainId: number;
    locationId: number;
    count: number;
    date: string;
    type: PlantBatchRecord['type'];
  }[] = [];
  for (const row of readRows(ctx)) {
    const before = errors.count;
    const add = (message: string) => errors.add(row.index, message);
    const plant = livePlant(ctx, row, add, 'PlantLabel');
    const name = row.text('PlantBatchName');
    if (!name) add('PlantBatchName was not specified.');
    else if (names.has(name.toLowerCase()) || byName(license.plantBatches.values(), name))
      add(`Plant Batch "${name}" already exists in the current Facility.`);
    const type = PLANT_BATCH_TYPES.find(
      (t) => t.toLowerCase() === row.text('PlantBatchType')?.toLowerCase(),
    );
    if (!type) add(`Plant Batch Type "${row.text('PlantBatchType') ?? ''}" is not valid.`);
    const count = row.number('PlantCount');
    if (count === undefined || !Number.isInteger(count) || count <= 0)
      add('PlantCount must be a whole number greater than zero.');
    const location = rowLocation(ctx, row.text('LocationName'), 'forPlantBatches', add);
    const date = requireDate(row, 'ActualDate', add);
    if (errors.count > before || !plant || !name || !type || !count || !location || !date) continue;
    names.add(name.toLowerCase());
    const strain = strainOf(ctx, row, 'StrainName');
    plans.push({
      row,
      strainId: strain?.id ?? plant.strainId,
      locationId: location.id,
      count,
      date,
      type,
    });
  }
  errors.throwIfAny();
  const ids = plans.map(
    (plan) =>
      newBatch(ctx, {
        name: plan.row.text('PlantBatchName') ?? '',
        type: plan.type,
        strainId: plan.strainId,
        locationId: plan.locationId,
        patientLicenseNumber: plan.row.text('PatientLicenseNumber') ?? null,
        count: plan.count,
        plantedDate: plan.date,
      }).id,
  );
  return writeResult(ctx, ids);
}

/** `POST /packages/v2/plantings`: a batch from a package of immature plants or seeds. */
function plantingsFromPackages(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const errors = new RowErrors();
  const ledger = new PackageLedger();
  const names = new Set<string>();
  const plans: {
    row: Row;
    count: number;
    locationId: number;
    strainId: number;
    date: string;
    type: PlantBatchRecord['type'];
  }[] = [];
  for (const row of readRows(ctx)) {
    const before = errors.count;
    const add = (message: string) => errors.add(row.index, message);
    const label = row.text('PackageLabel')?.toUpperCase();
    const pkg = label ? ctx.state.index.packageByLabel.get(label) : undefined;
    if (!pkg || pkg.license !== license.number)
      add(`Package ${label ?? ''} was not found in the current Facility.`);
    const name = row.text('PlantBatchName');
    if (!name) add('PlantBatchName was not specified.');
    else if (names.has(name.toLowerCase()) || byName(license.plantBatches.values(), name))
      add(`Plant Batch "${name}" already exists in the current Facility.`);
    const type = PLANT_BATCH_TYPES.find(
      (t) => t.toLowerCase() === row.text('PlantBatchType')?.toLowerCase(),
    );
    if (!type) add(`Plant Batch Type "${row.text('PlantBatchType') ?? ''}" is not valid.`);
    const count = row.number('PlantCount');
    if (count === undefined || !Number.isInteger(count) || count <= 0)
      add('PlantCount must be a whole number greater than zero.');
    const location = rowLocation(ctx, row.text('LocationName'), 'forPlantBatches', add);
    const strain = strainOf(ctx, row, 'StrainName');
    if (!strain)
      add(`Strain "${row.text('StrainName') ?? ''}" does not exist in the current Facility.`);
    const date = requireDate(row, 'PlantedDate', add);
    const quantity = row.number('PackageAdjustmentAmount') ?? count;
    const draw =
      pkg && quantity !== undefined
        ? ledger.change(pkg, -quantity, row.text('PackageAdjustmentUnitOfMeasureName') ?? pkg.unit)
        : undefined;
    if (draw && !draw.ok) add(draw.message);
    if (
      errors.count > before ||
      !pkg ||
      !name ||
      !type ||
      !count ||
      !location ||
      !strain ||
      !date ||
      !draw?.ok
    )
      continue;
    names.add(name.toLowerCase());
    plans.push({ row, count, locationId: location.id, strainId: strain.id, date, type });
  }
  errors.throwIfAny();
  for (const [id, quantity] of ledger.entries()) {
    const pkg = ctx.state.index.packages.get(id);
    if (!pkg) continue;
    pkg.quantity = quantity;
    ctx.state.touch(license.packages, pkg);
  }
  const ids = plans.map(
    (plan) =>
      newBatch(ctx, {
        name: plan.row.text('PlantBatchName') ?? '',
        type: plan.type,
        strainId: plan.strainId,
        locationId: plan.locationId,
        patientLicenseNumber: plan.row.text('PatientLicenseNumber') ?? null,
        count: plan.count,
        plantedDate: plan.date,
      }).id,
  );
  return writeResult(ctx, ids);
}

/** Waste of plants or a batch: checked, and the weight recorded nowhere readable [U]. */
const recordPlantWaste = (batch: boolean) => (ctx: OperationContext) => {
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
  operation('POST', '/plants/v2/plantings', PLANTS, plantingsFromPlants),
  operation(
    'POST',
    '/packages/v2/plantings',
    writeAccess([['View Packages'], ['Manage Packages Inventory'], MANAGE_BATCHES], 'growing'),
    plantingsFromPackages,
  ),
  operation(
    'PUT',
    '/plantbatches/v2/location',
    BATCHES,
    rowWrite<PlantBatchRecord>({
      collection: (license) => license.plantBatches,
      find: rowBatch('Name'),
      check: (ctx, row, _batch, add) => {
        rowLocation(ctx, row.text('Location'), 'forPlantBatches', add);
        requireDate(row, 'MoveDate', add);
      },
      apply: (ctx, row, batch) => {
        const location = byName(licenseOf(ctx).locations.values(), row.text('Location'));
        if (location) batch.locationId = location.id;
      },
    }),
  ),
  operation(
    'PUT',
    '/plantbatches/v2/strain',
    BATCHES,
    rowWrite<PlantBatchRecord>({
      collection: (license) => license.plantBatches,
      find: rowBatch('Name'),
      check: (ctx, row, _batch, add) => {
        if (!strainOf(ctx, row, 'StrainName'))
          add(`Strain "${row.text('StrainName') ?? ''}" does not exist in the current Facility.`);
      },
      apply: (ctx, row, batch) => {
        batch.strainId = strainOf(ctx, row, 'StrainName')?.id ?? batch.strainId;
      },
    }),
  ),
  operation(
    'POST',
    '/plantbatches/v2/adjust',
    BATCHES,
    rowWrite<PlantBatchRecord>({
      collection: (license) => license.plantBatches,
      find: rowBatch('PlantBatchName'),
      check: (ctx, row, batch, add) => {
        const quantity = row.number('Quantity');
        if (quantity === undefined || !Number.isInteger(quantity) || quantity === 0)
          add('Quantity must be a whole number other than zero.');
        else if (batch.count + quantity < 0)
          add(`Plant Batch ${batch.name} has only ${batch.count} plants.`);
        const reason = row.text('AdjustmentReason');
        if (!byLookupName(lookupsFor(ctx.metrcState).adjustReasons, reason))
          add(`Adjustment Reason "${reason ?? ''}" is not valid.`);
        requireDate(row, 'AdjustmentDate', add);
      },
      apply: (_ctx, row, batch) => {
        batch.count += row.number('Quantity') ?? 0;
        if (batch.count === 0) batch.archived = true;
      },
    }),
  ),
  operation('POST', '/plantbatches/v2/split', BATCHES, splitBatches),
  operation('POST', '/plantbatches/v2/growthphase', BATCHES, batchGrowthPhase),
  operation(
    'POST',
    '/plantbatches/v2/waste',
    writeAccess([VIEW_BATCHES, ['Destroy Immature Plants']], 'growing'),
    recordPlantWaste(true),
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
