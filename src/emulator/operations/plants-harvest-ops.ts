/**
 * `PUT /plants/v2/harvest` (whole plant: the plant leaves the live lists) and
 * `POST /plants/v2/manicure` (product: the plant keeps growing). Each row creates a harvest or
 * extends an active one of the same name; without `HarvestName` Metrc names it —
 * `yyyy-mm-dd-<drying location>-H|M` here, after Metrc's sample "2014-11-19-Harvest Location-M" [U].
 */

import { RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import type { HarvestRecord, LocationRecord, PlantRecord } from '../state/records.ts';
import {
  convertQuantity,
  findUnit,
  roundQuantity,
  type UnitOfMeasure,
} from '../state/units-of-measure.ts';
import { positive, requireDate, rowLocation, rowPlant, weightUnit } from './grow-rows.ts';
import { isLivePlant } from './growing-read-ops.ts';
import { licenseOf, writeAccess } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';

type Mode = 'whole' | 'manicure';

/** A harvest as this request will leave it: an existing one, or one it creates. */
interface HarvestTarget {
  existing: HarvestRecord | undefined;
  name: string;
  location: LocationRecord;
  unit: UnitOfMeasure;
  startDate: string;
}

interface HarvestPlan {
  plant: PlantRecord;
  target: HarvestTarget;
  /** In the target's unit. */
  weight: number;
  /** As submitted, for the plant's own record. */
  rowWeight: number;
  rowUnit: UnitOfMeasure;
  date: string;
}

function harvestPlants(mode: Mode) {
  const harvestType: HarvestRecord['harvestType'] = mode === 'whole' ? 'WholePlant' : 'Product';
  return (ctx: OperationContext) => {
    const license = licenseOf(ctx);
    const errors = new RowErrors();
    const wholeSeen = new Set<number>();
    const targets = new Map<string, HarvestTarget>();
    const plans: HarvestPlan[] = [];
    for (const row of readRows(ctx)) {
      const before = errors.count;
      const add = (message: string) => errors.add(row.index, message);
      const plant = rowPlant(ctx, row, add, 'Plant');
      if (plant) {
        // [U] Metrc offers Harvest and Manicure on flowering plants only.
        if (!isLivePlant(plant)) add(`Plant ${plant.label} is not active.`);
        else if (plant.growthPhase !== 'Flowering')
          add(`Plant ${plant.label} is not in the Flowering phase.`);
        else if (plant.isOnHold) add(`Plant ${plant.label} is on hold.`);
        else if (mode === 'whole' && wholeSeen.has(plant.id))
          add(`Plant ${plant.label} appears more than once.`);
      }
      const weight = positive(row, 'Weight', add);
      const unit = weightUnit(row, 'UnitOfWeight', add);
      const location = rowLocation(ctx, row.text('DryingLocation'), 'forHarvests', add);
      const date = requireDate(row, 'ActualDate', add);
      const plantCount = row.raw('PlantCount');
      if (plantCount != null && !(Number.isInteger(plantCount) && (plantCount as number) > 0))
        add('PlantCount must be a whole number greater than zero.');
      if (errors.count > before || !plant || !weight || !unit || !location || !date) continue;

      const name =
        row.text('HarvestName') ?? `${date}-${location.name}-${mode === 'whole' ? 'H' : 'M'}`;
      const key = name.toLowerCase();
      let target = targets.get(key);
      if (!target) {
        const existing = [...license.harvests.values()].find((h) => h.name.toLowerCase() === key);
        if (existing?.finishedDate) add(`Harvest "${existing.name}" is finished.`);
        else if (existing && existing.harvestType !== harvestType)
          add(`Harvest "${existing.name}" is a ${existing.harvestType} harvest.`);
        const existingUnit = existing ? findUnit(existing.unitOfWeight) : undefined;
        if (errors.count > before) continue;
        target = { existing, name, location, unit: existingUnit ?? unit, startDate: date };
        targets.set(key, target);
      }
      const converted = convertQuantity(weight, unit, target.unit);
      if (converted === undefined) {
        add(`Unit of Measure "${unit.name}" is not compatible with Harvest "${target.name}".`);
        continue;
      }
      if (mode === 'whole') wholeSeen.add(plant.id);
      plans.push({ plant, target, weight: converted, rowWeight: weight, rowUnit: unit, date });
    }
    errors.throwIfAny();

    const harvests = new Map<HarvestTarget, HarvestRecord>();
    for (const plan of plans) {
      let harvest = harvests.get(plan.target) ?? plan.target.existing;
      if (!harvest) harvest = createHarvest(ctx, plan.target, harvestType);
      harvests.set(plan.target, harvest);
      addPlant(harvest, plan, ctx);
      if (mode === 'whole') {
        plan.plant.harvestedDate = plan.date;
        plan.plant.harvestedWetWeight = plan.rowWeight;
        plan.plant.harvestedUnit = plan.rowUnit.name;
      }
      ctx.state.touch(license.plants, plan.plant);
      ctx.state.touch(license.harvests, harvest);
    }
    return writeResult(
      ctx,
      [...harvests.values()].map((h) => h.id),
    );
  };
}

function createHarvest(
  ctx: OperationContext,
  target: HarvestTarget,
  harvestType: HarvestRecord['harvestType'],
): HarvestRecord {
  const harvest: HarvestRecord = {
    id: ctx.state.nextId('harvest'),
    lastModified: 0,
    license: licenseOf(ctx).number,
    name: target.name,
    harvestType,
    dryingLocationId: target.location.id,
    strainNames: [],
    plantCount: 0,
    wetWeight: 0,
    currentWeight: 0,
    wasteWeight: 0,
    packagedWeight: 0,
    packageCount: 0,
    unitOfWeight: target.unit.name,
    startDate: target.startDate,
    finishedDate: null,
    isOnHold: false,
    wastes: [],
  };
  ctx.state.index.harvests.set(harvest.id, harvest);
  return harvest;
}

function addPlant(harvest: HarvestRecord, plan: HarvestPlan, ctx: OperationContext): void {
  harvest.wetWeight = roundQuantity(harvest.wetWeight + plan.weight);
  harvest.currentWeight = roundQuantity(harvest.currentWeight + plan.weight);
  if (!plan.plant.harvestIds.includes(harvest.id)) {
    harvest.plantCount += 1;
    plan.plant.harvestIds.push(harvest.id);
  }
  const strain = ctx.state.index.strains.get(plan.plant.strainId)?.name;
  if (strain && !harvest.strainNames.includes(strain)) harvest.strainNames.push(strain);
}

const ACCESS = writeAccess(
  [['View Veg/Flower Plants'], ['Manicure/Harvest Veg/Flower Plants']],
  'growing',
);

export const plantHarvestOperations: OperationSpec[] = [
  operation('PUT', '/plants/v2/harvest', ACCESS, harvestPlants('whole')),
  operation('POST', '/plants/v2/manicure', ACCESS, harvestPlants('manicure')),
];
