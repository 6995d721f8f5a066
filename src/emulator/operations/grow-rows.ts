/** Row checks shared by the plant, plant batch and harvest writes. */

import type { Row } from '../http/write-rows.ts';
import { LOCATION_TYPES, WASTE_METHODS } from '../state/metrc-catalog.ts';
import type { LocationRecord, PlantRecord } from '../state/records.ts';
import { byLookupName, lookupsFor } from '../state/state-lookups.ts';
import { findUnit, type UnitOfMeasure } from '../state/units-of-measure.ts';
import { isIsoDate } from '../wire/metrc-time.ts';
import { byName, licenseOf } from './operation-helpers.ts';
import type { OperationContext } from './operation-types.ts';

export type AddError = (message: string) => void;

/**
 * The row's plant by `Id` or `Label` (Metrc takes either; tag and label are synonyms), owned by
 * the license. Both given must name the same plant.
 */
export function rowPlant(
  ctx: OperationContext,
  row: Row,
  add: AddError,
  labelField = 'Label',
): PlantRecord | undefined {
  const license = licenseOf(ctx).number;
  const { plants, plantByLabel } = ctx.state.index;
  const id = row.number('Id');
  const label = row.text(labelField)?.toUpperCase();
  if (id === undefined && label === undefined) {
    add(
      labelField === 'Label' ? 'Plant Id or Label was not specified.' : 'Plant was not specified.',
    );
    return undefined;
  }
  const byId = id === undefined ? undefined : plants.get(id);
  const byLabel = label === undefined ? undefined : plantByLabel.get(label);
  const plant = byId ?? byLabel;
  if (!plant || plant.license !== license || (byId && byLabel && byId !== byLabel)) {
    add(`Plant ${label ?? id} was not found in the current Facility.`);
    return undefined;
  }
  return plant;
}

export type LocationUse = 'forPlants' | 'forPlantBatches' | 'forHarvests' | 'forPackages';

const USE_TEXT: Record<LocationUse, string> = {
  forPlants: 'plants',
  forPlantBatches: 'plant batches',
  forHarvests: 'harvests',
  forPackages: 'packages',
};

/** A named location of the license whose type allows `use`; undefined (+ error) otherwise. */
export function rowLocation(
  ctx: OperationContext,
  name: string | undefined,
  use: LocationUse,
  add: AddError,
): LocationRecord | undefined {
  if (name === undefined) {
    add('Location was not specified.');
    return undefined;
  }
  const location = byName(licenseOf(ctx).locations.values(), name);
  const type = location ? LOCATION_TYPES.find((t) => t.id === location.typeId) : undefined;
  if (!location) add(`Location "${name}" does not exist in the current Facility.`);
  else if (!type?.[use]) add(`Location "${name}" cannot hold ${USE_TEXT[use]}.`);
  else return location;
  return undefined;
}

/** A required `yyyy-mm-dd` date field. */
export function requireDate(row: Row, field: string, add: AddError): string | undefined {
  const value = row.text(field);
  if (!isIsoDate(value)) {
    add(`${field} must be a date in the format yyyy-mm-dd.`);
    return undefined;
  }
  return value;
}

/** A unit of weight (grams, ounces…); volumes and counts are not. */
export function weightUnit(row: Row, field: string, add: AddError): UnitOfMeasure | undefined {
  const name = row.text(field);
  const unit = findUnit(name);
  if (!unit) add(`Unit of Measure "${name ?? ''}" is not valid.`);
  else if (unit.quantityType !== 'WeightBased')
    add(`Unit of Measure "${unit.name}" is not a unit of weight.`);
  else return unit;
  return undefined;
}

/** Waste method and reason from the lookups; the reason's note when it requires one. */
export function wasteMethodAndReason(
  ctx: OperationContext,
  row: Row,
  add: AddError,
): { method?: string; reason?: string } {
  const methodName = row.text('WasteMethodName');
  const method = WASTE_METHODS.find((m) => m.toLowerCase() === methodName?.toLowerCase());
  if (!method) add(`Waste Method "${methodName ?? ''}" is not valid.`);
  const reasonName = row.text('WasteReasonName');
  const reason = byLookupName(lookupsFor(ctx.metrcState).wasteReasons, reasonName);
  if (!reason) add(`Waste Reason "${reasonName ?? ''}" is not valid.`);
  else if (reason.requiresNote && !row.text('ReasonNote'))
    add(`A note is required for the reason "${reason.name}".`);
  return { method, reason: reason?.name };
}

/** A weight that may be zero but never negative. */
export function nonNegative(row: Row, field: string, add: AddError): number | undefined {
  const value = row.number(field);
  if (value === undefined) add(`${field} was not specified.`);
  else if (value < 0) add(`${field} must not be negative.`);
  else return value;
  return undefined;
}

/** A weight that must be greater than zero. */
export function positive(row: Row, field: string, add: AddError): number | undefined {
  const value = row.number(field);
  if (value === undefined || value <= 0) add(`${field} must be greater than zero.`);
  else return value;
  return undefined;
}
