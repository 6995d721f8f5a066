/**
 * Plant writes: move (`PUT /plants/v2/location`), change growth phase, and destroy
 * (`DELETE /plants/v2` with a JSON body: fact 14). Growers only; every row is checked before
 * anything changes.
 */

import { RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import { GROWTH_PHASES } from '../state/metrc-catalog.ts';
import type { LocationRecord, PlantRecord, TagRecord } from '../state/records.ts';
import {
  type AddError,
  nonNegative,
  requireDate,
  rowLocation,
  rowPlant,
  wasteMethodAndReason,
  weightUnit,
} from './grow-rows.ts';
import { isLivePlant } from './growing-read-ops.ts';
import { licenseOf, writeAccess } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';

/** A live plant, once per request (a second change of the same plant is refused). */
function livePlant(
  ctx: OperationContext,
  row: Parameters<typeof rowPlant>[1],
  add: AddError,
  seen: Set<number>,
): PlantRecord | undefined {
  const plant = rowPlant(ctx, row, add);
  if (!plant) return undefined;
  if (!isLivePlant(plant)) add(`Plant ${plant.label} is not active.`);
  else if (seen.has(plant.id)) add(`Plant ${plant.label} appears more than once.`);
  else {
    seen.add(plant.id);
    return plant;
  }
  return undefined;
}

/** Applies `change` to each planned plant and answers with their ids. */
function applyToPlants<P extends { plant: PlantRecord }>(
  ctx: OperationContext,
  plans: P[],
  change: (plan: P) => void,
) {
  const license = licenseOf(ctx);
  for (const plan of plans) {
    change(plan);
    ctx.state.touch(license.plants, plan.plant);
  }
  return writeResult(
    ctx,
    plans.map((plan) => plan.plant.id),
  );
}

function movePlants(ctx: OperationContext) {
  const errors = new RowErrors();
  const seen = new Set<number>();
  const plans: { plant: PlantRecord; location: LocationRecord }[] = [];
  for (const row of readRows(ctx)) {
    const add = (message: string) => errors.add(row.index, message);
    const plant = livePlant(ctx, row, add, seen);
    const location = rowLocation(ctx, row.text('Location'), 'forPlants', add);
    requireDate(row, 'ActualDate', add);
    if (plant && location) plans.push({ plant, location });
  }
  errors.throwIfAny();
  return applyToPlants(ctx, plans, ({ plant, location }) => {
    plant.locationId = location.id;
  });
}

interface PhasePlan {
  plant: PlantRecord;
  phase: PlantRecord['growthPhase'];
  date: string;
  location: LocationRecord | undefined;
  tag: TagRecord | undefined;
}

function changeGrowthPhases(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const errors = new RowErrors();
  const seen = new Set<number>();
  const claimed = new Set<string>();
  const plans: PhasePlan[] = [];
  for (const row of readRows(ctx)) {
    const before = errors.count;
    const add = (message: string) => errors.add(row.index, message);
    const plant = livePlant(ctx, row, add, seen);
    const phaseName = row.text('GrowthPhase');
    const phase = GROWTH_PHASES.find((p) => p.toLowerCase() === phaseName?.toLowerCase());
    if (!phase) add(`Growth Phase "${phaseName ?? ''}" is not valid.`);
    else if (plant?.growthPhase === phase)
      add(`Plant ${plant.label} is already in the ${phase} phase.`);
    // A new tag replaces the plant's; it must be one of the facility's unused plant tags.
    const newTag = row.text('NewTag')?.toUpperCase();
    const tag = newTag === undefined ? undefined : license.plantTags.get(newTag);
    if (newTag !== undefined && (!tag || tag.used || claimed.has(newTag)))
      add(`Tag ${newTag} is not available.`);
    const locationName = row.text('NewLocation');
    const location =
      locationName === undefined ? undefined : rowLocation(ctx, locationName, 'forPlants', add);
    const date = requireDate(row, 'GrowthDate', add);
    if (errors.count > before || !plant || !phase || !date) continue;
    if (newTag) claimed.add(newTag);
    plans.push({ plant, phase, date, location, tag });
  }
  errors.throwIfAny();
  const { plantByLabel } = ctx.state.index;
  return applyToPlants(ctx, plans, ({ plant, phase, date, location, tag }) => {
    plant.growthPhase = phase;
    if (phase === 'Flowering') plant.floweringDate = date;
    else plant.vegetativeDate = date;
    if (location) plant.locationId = location.id;
    if (tag) {
      // The old tag is retired with the plant's old label; lookups use the new one.
      tag.used = true;
      plantByLabel.delete(plant.label);
      plant.label = tag.label;
      plantByLabel.set(plant.label, plant);
    }
  });
}

interface DestroyPlan {
  plant: PlantRecord;
  date: string;
  note: string;
}

function destroyPlants(ctx: OperationContext) {
  const errors = new RowErrors();
  const seen = new Set<number>();
  const plans: DestroyPlan[] = [];
  for (const row of readRows(ctx)) {
    const before = errors.count;
    const add = (message: string) => errors.add(row.index, message);
    const plant = livePlant(ctx, row, add, seen);
    const { reason } = wasteMethodAndReason(ctx, row, add);
    nonNegative(row, 'WasteWeight', add);
    weightUnit(row, 'WasteUnitOfMeasureName', add);
    const count = row.number('Count');
    if (count !== undefined && count < 0) add('Count must not be negative.');
    const date = requireDate(row, 'ActualDate', add);
    if (errors.count > before || !plant || !date || !reason) continue;
    plans.push({ plant, date, note: row.text('ReasonNote') ?? reason });
  }
  errors.throwIfAny();
  return applyToPlants(ctx, plans, ({ plant, date, note }) => {
    plant.destroyedDate = date;
    plant.destroyedNote = note;
    plant.destroyedBy = ctx.user.name;
  });
}

const VIEW = ['View Veg/Flower Plants'] as const;
const MANAGE = ['Manage Veg/Flower Plants Inventory'] as const;

export const plantWriteOperations: OperationSpec[] = [
  operation('PUT', '/plants/v2/location', writeAccess([VIEW, MANAGE], 'growing'), movePlants),
  operation(
    'PUT',
    '/plants/v2/growthphase',
    writeAccess([VIEW, MANAGE], 'growing'),
    changeGrowthPhases,
  ),
  operation(
    'DELETE',
    '/plants/v2',
    writeAccess([VIEW, ['Destroy Veg/Flower Plants']], 'growing'),
    destroyPlants,
  ),
];
