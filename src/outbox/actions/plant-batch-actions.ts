/**
 * Plant batches: new plantings (seeds or clones) and destroying plants of a batch. A batch is
 * named by the business; the name is its identity in `touches` and in the lookup. Licenses
 * that grow have plant batches, so the feature is `plants`.
 */
import { z } from 'zod';
import {
  createPlantings,
  type DestroyPlantBatchRow,
  destroyPlantBatches,
  findPlantBatchByName,
  type PlantingRow,
  RECONCILE_MARGIN_MS,
} from '../../metrc/index.ts';
import {
  optionalText,
  positiveCount,
  positiveQuantity,
  requiredText,
  unitOfWeight,
} from './action-fields.ts';
import { landed, notLanded } from './action-lookups.ts';
import { metrcLocalDate } from './action-time-fns.ts';
import type { ActionContext, MetrcObjectRef, OutboxAction } from './action-types.ts';

const BATCH = { maxRows: 100 } as const;

const batch = (name: string): MetrcObjectRef => `plantBatch:${name}`;
const localDate = (context: ActionContext) => metrcLocalDate(context.occurredAt, context.timeZone);

export const PLANT_BATCH_TYPES = ['Seed', 'Clone'] as const;

export const plantingPayload = z.strictObject({
  /** The new batch's name: unique at the license. */
  name: requiredText(),
  type: z.enum(PLANT_BATCH_TYPES, { error: () => 'must be Seed or Clone' }),
  count: positiveCount,
  strain: requiredText(),
  location: requiredText(),
  sublocation: optionalText(),
  patientLicenseNumber: optionalText(),
  /** Batches the clones or seeds came from, as Metrc takes them: names, comma-separated. */
  sourcePlantBatches: optionalText(500),
});
export type PlantingPayload = z.infer<typeof plantingPayload>;

export const plantingAction: OutboxAction<PlantingPayload, PlantingRow> = {
  kind: 'plantBatches.planting',
  family: 'plantBatches',
  title: 'Plant a new plant batch (seeds or clones)',
  payloadSchema: plantingPayload,
  feature: 'plants',
  batch: BATCH,
  idempotent: false,
  touches: (payload) => [batch(payload.name)],
  toRow: (payload, context) => ({
    Name: payload.name,
    Type: payload.type,
    Count: payload.count,
    Strain: payload.strain,
    Location: payload.location,
    Sublocation: payload.sublocation ?? null,
    PatientLicenseNumber: payload.patientLicenseNumber ?? null,
    SourcePlantBatches: payload.sourcePlantBatches ?? null,
    // Rule 8: the day it was planted, in the license's zone.
    ActualDate: localDate(context),
  }),
  send: (api, input) => createPlantings(api, input),
  /** A batch of this name modified since the attempt (names are unique per license). */
  async lookup(api, input) {
    const found = await findPlantBatchByName(api, {
      licenseNumber: input.licenseNumber,
      name: input.row.Name,
      since: input.sentAt,
      // Past the attempt even when clocks disagree: an empty window would read as "absent".
      until: new Date(Math.max(Date.now(), input.sentAt.getTime()) + RECONCILE_MARGIN_MS),
      ...(input.signal ? { signal: input.signal } : {}),
    });
    return found ? landed(found.Id) : notLanded;
  },
};

export const destroyPlantBatchPayload = z
  .strictObject({
    name: requiredText(),
    /** How many of the batch's untracked plants are destroyed. */
    count: positiveCount,
    wasteMethod: optionalText(100),
    wasteMaterialMixed: optionalText(),
    wasteReason: optionalText(100),
    wasteWeight: positiveQuantity.optional(),
    wasteUnitOfMeasure: unitOfWeight.optional(),
    reasonNote: optionalText(500),
  })
  .refine((p) => (p.wasteWeight === undefined) === (p.wasteUnitOfMeasure === undefined), {
    message: 'give wasteUnitOfMeasure with wasteWeight',
    path: ['wasteUnitOfMeasure'],
  });
export type DestroyPlantBatchPayload = z.infer<typeof destroyPlantBatchPayload>;

export const destroyPlantBatchAction: OutboxAction<DestroyPlantBatchPayload, DestroyPlantBatchRow> =
  {
    kind: 'plantBatches.destroy',
    family: 'plantBatches',
    title: 'Destroy plants of a plant batch',
    payloadSchema: destroyPlantBatchPayload,
    feature: 'plants',
    batch: BATCH,
    /*
     * No lookup is possible: destroying takes a count off the batch, and an earlier count is not
     * known (other work changes it too); Metrc shows no per-destruction history we can read. Not
     * idempotent (sent twice, twice the plants). After an ambiguous failure the engine fails it as
     * OUTBOX_IN_DOUBT for a person to check in Metrc, then retry or dismiss.
     */
    idempotent: false,
    touches: (payload) => [batch(payload.name)],
    toRow: (payload, context) => ({
      PlantBatch: payload.name,
      Count: payload.count,
      WasteMethodName: payload.wasteMethod ?? null,
      WasteMaterialMixed: payload.wasteMaterialMixed ?? null,
      WasteReasonName: payload.wasteReason ?? null,
      WasteWeight: payload.wasteWeight ?? null,
      WasteUnitOfMeasure: payload.wasteUnitOfMeasure ?? null,
      ReasonNote: payload.reasonNote ?? null,
      ActualDate: localDate(context),
    }),
    send: (api, input) => destroyPlantBatches(api, input),
  };

/** The plant batches family, in catalogue order. */
export const PLANT_BATCH_ACTIONS = [plantingAction, destroyPlantBatchAction] as const;
