/**
 * Harvests: a whole plant harvested, or a plant manicured (part taken, the plant stays). One
 * submission per plant, batched by Metrc's arrays; a harvest of many plants is many
 * submissions naming the same harvest. `ActualDate` is the license-local date of `occurredAt`.
 */
import { z } from 'zod';
import {
  type HarvestPlantRow,
  harvestPlants,
  type ManicurePlantRow,
  manicurePlants,
} from '../../metrc/index.ts';
import {
  optionalText,
  positiveCount,
  positiveQuantity,
  requiredText,
  tagLabel,
  unitOfWeight,
} from './action-fields.ts';
import { findPlantByLabel, landed, notLanded, sameName } from './action-lookups.ts';
import { metrcLocalDate } from './action-time-fns.ts';
import type { ActionContext, MetrcObjectRef, OutboxAction } from './action-types.ts';

const BATCH = { maxRows: 100 } as const;

const localDate = (context: ActionContext) => metrcLocalDate(context.occurredAt, context.timeZone);

const harvestFields = {
  plantLabel: tagLabel,
  /** Wet weight taken from this plant. */
  weight: positiveQuantity,
  unitOfWeight,
  dryingLocation: requiredText(),
  dryingSublocation: optionalText(),
  /**
   * Required here although Metrc would invent one: the name is how later work on the harvest
   * (packages, waste) finds it and waits behind it.
   */
  harvestName: requiredText(),
  patientLicenseNumber: optionalText(),
};

export const harvestPlantPayload = z.strictObject(harvestFields);
export type HarvestPlantPayload = z.infer<typeof harvestPlantPayload>;

export const manicurePlantPayload = z.strictObject({
  ...harvestFields,
  plantCount: positiveCount.optional(),
});
export type ManicurePlantPayload = z.infer<typeof manicurePlantPayload>;

const touchesOf = (payload: HarvestPlantPayload): MetrcObjectRef[] => [
  `plant:${payload.plantLabel}`,
  `harvest:${payload.harvestName}`,
];

function harvestRow(payload: HarvestPlantPayload, context: ActionContext): HarvestPlantRow {
  return {
    Plant: payload.plantLabel,
    Weight: payload.weight,
    UnitOfWeight: payload.unitOfWeight,
    DryingLocation: payload.dryingLocation,
    DryingSublocation: payload.dryingSublocation ?? null,
    HarvestName: payload.harvestName,
    PatientLicenseNumber: payload.patientLicenseNumber ?? null,
    // Rule 8: the day it was cut, in the license's zone.
    ActualDate: localDate(context),
  };
}

export const harvestPlantAction: OutboxAction<HarvestPlantPayload, HarvestPlantRow> = {
  kind: 'harvests.harvest',
  family: 'harvests',
  title: 'Harvest a whole plant',
  payloadSchema: harvestPlantPayload,
  feature: 'harvests',
  batch: BATCH,
  idempotent: false,
  touches: touchesOf,
  toRow: harvestRow,
  send: (api, input) => harvestPlants(api, input),
  /** A harvested plant stays readable by its tag, with a harvested date. */
  async lookup(api, input) {
    const found = await findPlantByLabel(api, {
      licenseNumber: input.licenseNumber,
      label: input.row.Plant,
      signal: input.signal,
    });
    const harvested = found && (Boolean(found.HarvestedDate) || sameName(found.State, 'Harvested'));
    return found && harvested ? landed(found.Id) : notLanded;
  },
};

export const manicurePlantAction: OutboxAction<ManicurePlantPayload, ManicurePlantRow> = {
  kind: 'harvests.manicure',
  family: 'harvests',
  title: 'Manicure a plant (harvest part of it)',
  payloadSchema: manicurePlantPayload,
  feature: 'harvests',
  batch: BATCH,
  /*
   * No lookup is possible: a manicure leaves the plant as it was and adds weight to a harvest
   * that may already hold other manicures, and Metrc shows no per-manicure history. Not
   * idempotent either (sent twice, the weight counts twice). So after an ambiguous failure the
   * engine fails it as OUTBOX_IN_DOUBT for a person to check in Metrc, then retry or dismiss.
   */
  idempotent: false,
  touches: touchesOf,
  toRow: (payload, context) => ({
    ...harvestRow(payload, context),
    PlantCount: payload.plantCount ?? null,
  }),
  send: (api, input) => manicurePlants(api, input),
};

/** The harvests family, in catalogue order. */
export const HARVEST_ACTIONS = [harvestPlantAction, manicurePlantAction] as const;
