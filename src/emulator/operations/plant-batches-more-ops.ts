/**
 * Plant batch writes beyond plantings and destroy: growth phase (tracked plants with new tags
 * out of a batch's count), split, plantings from a mother plant or from a package, location,
 * strain, count adjustments and waste. Every row is checked before anything changes.
 */

import { type Row, RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import { PLANT_BATCH_TYPES } from '../state/metrc-catalog.ts';
import type { PlantBatchRecord, PlantRecord, TagRecord } from '../state/records.ts';
import { byLookupName, lookupsFor } from '../state/state-lookups.ts';
import {
  BATCHES,
  livePlant,
  MANAGE_BATCHES,
  newBatch,
  PLANTS,
  recordPlantWaste,
  rowBatch,
  strainOf,
  tagsFrom,
  VIEW_BATCHES,
} from './grow-more-rows.ts';
import { requireDate, rowLocation } from './grow-rows.ts';
import { byName, licenseOf, writeAccess } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';
import { PackageLedger } from './package-ledger.ts';
import { rowWrite } from './row-writes.ts';

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

export const plantBatchMoreOperations: OperationSpec[] = [
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
];
