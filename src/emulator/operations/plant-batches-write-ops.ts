/**
 * Plant batch writes: plantings (`POST /plantbatches/v2/plantings`, new batches of untracked
 * seeds or clones) and destroy (`DELETE /plantbatches/v2` with a JSON body: fact 14). A batch
 * whose untracked count reaches zero becomes inactive.
 */

import { RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import { PLANT_BATCH_TYPES } from '../state/metrc-catalog.ts';
import type { LocationRecord, PlantBatchRecord, StrainRecord } from '../state/records.ts';
import {
  nonNegative,
  requireDate,
  rowLocation,
  wasteMethodAndReason,
  weightUnit,
} from './grow-rows.ts';
import { byName, licenseOf, writeAccess } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';

interface Planting {
  name: string;
  type: PlantBatchRecord['type'];
  count: number;
  strain: StrainRecord;
  location: LocationRecord;
  date: string;
  patient: string | null;
}

function createPlantings(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const errors = new RowErrors();
  const names = new Set<string>();
  const plans: Planting[] = [];
  for (const row of readRows(ctx)) {
    const before = errors.count;
    const add = (message: string) => errors.add(row.index, message);
    const name = row.text('Name');
    if (!name) add('Name was not specified.');
    else if (names.has(name.toLowerCase()) || byName(license.plantBatches.values(), name))
      add(`Plant Batch "${name}" already exists in the current Facility.`);
    const typeName = row.text('Type');
    const type = PLANT_BATCH_TYPES.find((t) => t.toLowerCase() === typeName?.toLowerCase());
    if (!type) add(`Plant Batch Type "${typeName ?? ''}" is not valid.`);
    const count = row.number('Count');
    if (count === undefined || !Number.isInteger(count) || count <= 0)
      add('Count must be a whole number greater than zero.');
    const strainName = row.text('Strain');
    const strain = byName(license.strains.values(), strainName);
    if (!strain) add(`Strain "${strainName ?? ''}" does not exist in the current Facility.`);
    const location = rowLocation(ctx, row.text('Location'), 'forPlantBatches', add);
    const date = requireDate(row, 'ActualDate', add);
    if (errors.count > before || !name || !type || !count || !strain || !location || !date)
      continue;
    names.add(name.toLowerCase());
    const patient = row.text('PatientLicenseNumber') ?? null;
    plans.push({ name, type, count, strain, location, date, patient });
  }
  errors.throwIfAny();
  const ids = plans.map((plan) => {
    const batch: PlantBatchRecord = {
      id: ctx.state.nextId('plantBatch'),
      lastModified: 0,
      license: license.number,
      name: plan.name,
      type: plan.type,
      strainId: plan.strain.id,
      locationId: plan.location.id,
      patientLicenseNumber: plan.patient,
      count: plan.count,
      destroyedCount: 0,
      plantedDate: plan.date,
      archived: false,
    };
    ctx.state.index.plantBatches.set(batch.id, batch);
    ctx.state.touch(license.plantBatches, batch);
    if (!plan.strain.used) {
      plan.strain.used = true;
      ctx.state.touch(license.strains, plan.strain);
    }
    return batch.id;
  });
  return writeResult(ctx, ids);
}

function destroyPlantBatches(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const errors = new RowErrors();
  // Untracked plants left per batch after the rows so far: rows share one budget.
  const remaining = new Map<PlantBatchRecord, number>();
  for (const row of readRows(ctx)) {
    const add = (message: string) => errors.add(row.index, message);
    const name = row.text('PlantBatch');
    const batch = byName(license.plantBatches.values(), name);
    if (!batch) add(`Plant Batch "${name ?? ''}" was not found in the current Facility.`);
    const count = row.number('Count');
    if (count === undefined || !Number.isInteger(count) || count <= 0)
      add('Count must be a whole number greater than zero.');
    // [U] OM's body has no waste fields; TM's 2026 docs do: method and reason are required here.
    wasteMethodAndReason(ctx, row, add);
    if (row.raw('WasteWeight') != null) {
      nonNegative(row, 'WasteWeight', add);
      weightUnit(row, 'WasteUnitOfMeasure', add);
    }
    requireDate(row, 'ActualDate', add);
    if (!batch || !count) continue;
    const left = remaining.get(batch) ?? batch.count;
    if (count > left)
      add(`Plant Batch "${batch.name}" has only ${left} untracked plants to destroy.`);
    else remaining.set(batch, left - count);
  }
  errors.throwIfAny();
  for (const [batch, left] of remaining) {
    batch.destroyedCount += batch.count - left;
    batch.count = left;
    if (left === 0) batch.archived = true;
    ctx.state.touch(license.plantBatches, batch);
  }
  return writeResult(
    ctx,
    [...remaining.keys()].map((batch) => batch.id),
  );
}

const VIEW = ['View Immature Plants'] as const;

export const plantBatchWriteOperations: OperationSpec[] = [
  operation(
    'POST',
    '/plantbatches/v2/plantings',
    writeAccess([VIEW, ['Manage Immature Plants Inventory']], 'growing'),
    createPlantings,
  ),
  operation(
    'DELETE',
    '/plantbatches/v2',
    writeAccess([VIEW, ['Destroy Immature Plants']], 'growing'),
    destroyPlantBatches,
  ),
];
