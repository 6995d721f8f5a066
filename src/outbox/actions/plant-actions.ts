/**
 * Plants: move, change growth phase, destroy. Metrc dates are the license-local date of
 * `occurredAt` (rule 8). Every kind can be looked up on the plant itself after an ambiguous
 * failure: where it is, which phase, whether it is destroyed.
 */
import { z } from 'zod';
import {
  type ChangeGrowthPhaseRow,
  changePlantGrowthPhases,
  type DestroyPlantRow,
  destroyPlants,
  type MovePlantRow,
  movePlants,
} from '../../metrc/index.ts';
import {
  optionalText,
  positiveQuantity,
  requiredText,
  tagLabel,
  unitOfWeight,
} from './action-fields.ts';
import { findPlantByLabel, landed, notLanded, sameName } from './action-lookups.ts';
import { metrcLocalDate } from './action-time-fns.ts';
import type { ActionContext, MetrcObjectRef, OutboxAction } from './action-types.ts';

const BATCH = { maxRows: 100 } as const;

const plant = (label: string): MetrcObjectRef => `plant:${label}`;
const localDate = (context: ActionContext) => metrcLocalDate(context.occurredAt, context.timeZone);

export const movePlantPayload = z.strictObject({
  label: tagLabel,
  location: requiredText(),
  sublocation: optionalText(),
});
export type MovePlantPayload = z.infer<typeof movePlantPayload>;

export const movePlantAction: OutboxAction<MovePlantPayload, MovePlantRow> = {
  kind: 'plants.location',
  family: 'plants',
  title: 'Move a plant to another location',
  payloadSchema: movePlantPayload,
  feature: 'plants',
  batch: BATCH,
  // Each move is a history entry: look before sending again.
  idempotent: false,
  touches: (payload) => [plant(payload.label)],
  toRow: (payload, context) => ({
    Label: payload.label,
    Location: payload.location,
    Sublocation: payload.sublocation ?? null,
    ActualDate: localDate(context),
  }),
  send: (api, input) => movePlants(api, input),
  /** At the target location: landed (later moves of the plant wait behind this one). */
  async lookup(api, input) {
    const found = await findPlantByLabel(api, {
      licenseNumber: input.licenseNumber,
      label: input.row.Label ?? input.payload.label,
      signal: input.signal,
    });
    return found && sameName(found.LocationName, input.row.Location) ? landed(found.Id) : notLanded;
  },
};

export const GROWTH_PHASES = ['Vegetative', 'Flowering'] as const;

export const changeGrowthPhasePayload = z.strictObject({
  label: tagLabel,
  growthPhase: z.enum(GROWTH_PHASES, {
    error: () => `must be one of ${GROWTH_PHASES.join(', ')}`,
  }),
  /** A new plant tag replacing the plant's (Metrc retires the old one). */
  newTag: tagLabel.optional(),
  newLocation: optionalText(),
  newSublocation: optionalText(),
});
export type ChangeGrowthPhasePayload = z.infer<typeof changeGrowthPhasePayload>;

export const changeGrowthPhaseAction: OutboxAction<ChangeGrowthPhasePayload, ChangeGrowthPhaseRow> =
  {
    kind: 'plants.growthphase',
    family: 'plants',
    title: "Change a plant's growth phase",
    payloadSchema: changeGrowthPhasePayload,
    feature: 'plants',
    batch: BATCH,
    // Metrc refuses a plant already in the phase (400): look instead of sending again.
    idempotent: false,
    touches: (payload) =>
      payload.newTag ? [plant(payload.label), plant(payload.newTag)] : [plant(payload.label)],
    toRow: (payload, context) => ({
      Label: payload.label,
      NewTag: payload.newTag ?? null,
      GrowthPhase: payload.growthPhase,
      NewLocation: payload.newLocation ?? null,
      NewSublocation: payload.newSublocation ?? null,
      GrowthDate: localDate(context),
    }),
    send: (api, input) => changePlantGrowthPhases(api, input),
    /**
     * With a new tag, the plant answers to it only once the change landed; without, its phase
     * says so.
     */
    async lookup(api, input) {
      const found = await findPlantByLabel(api, {
        licenseNumber: input.licenseNumber,
        label: input.payload.newTag ?? input.payload.label,
        signal: input.signal,
      });
      return found && sameName(found.GrowthPhase, input.row.GrowthPhase)
        ? landed(found.Id)
        : notLanded;
    },
  };

export const destroyPlantPayload = z.strictObject({
  label: tagLabel,
  /** One of `GET /plants/v2/waste/methods/all`. */
  wasteMethod: requiredText(100),
  wasteMaterialMixed: optionalText(),
  wasteWeight: positiveQuantity,
  wasteUnitOfMeasure: unitOfWeight,
  /** One of `GET /plants/v2/waste/reasons` for the license. */
  wasteReason: requiredText(100),
  reasonNote: optionalText(500),
});
export type DestroyPlantPayload = z.infer<typeof destroyPlantPayload>;

export const destroyPlantAction: OutboxAction<DestroyPlantPayload, DestroyPlantRow> = {
  kind: 'plants.destroy',
  family: 'plants',
  title: 'Destroy a plant',
  payloadSchema: destroyPlantPayload,
  feature: 'plants',
  batch: BATCH,
  idempotent: false,
  touches: (payload) => [plant(payload.label)],
  toRow: (payload, context) => ({
    Label: payload.label,
    WasteMethodName: payload.wasteMethod,
    WasteMaterialMixed: payload.wasteMaterialMixed ?? null,
    WasteWeight: payload.wasteWeight,
    WasteUnitOfMeasureName: payload.wasteUnitOfMeasure,
    WasteReasonName: payload.wasteReason,
    ReasonNote: payload.reasonNote ?? null,
    ActualDate: localDate(context),
  }),
  send: (api, input) => destroyPlants(api, input),
  /** A destroyed plant stays readable by its tag, inactive with a destroyed date. */
  async lookup(api, input) {
    const found = await findPlantByLabel(api, {
      licenseNumber: input.licenseNumber,
      label: input.payload.label,
      signal: input.signal,
    });
    const destroyed = found && (Boolean(found.DestroyedDate) || sameName(found.State, 'Destroyed'));
    return found && destroyed ? landed(found.Id) : notLanded;
  },
};

/** The plants family, in catalogue order. */
export const PLANT_ACTIONS = [
  movePlantAction,
  changeGrowthPhaseAction,
  destroyPlantAction,
] as const;
