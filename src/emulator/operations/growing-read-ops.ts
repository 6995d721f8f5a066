/**
 * Plants, plant batches and harvests: lists, `/{id}` (and plants' `/{label}`), and a harvest's
 * waste. Growers only (`CanGrowPlants`); every other license type gets 401.
 */

import { envelope, queryValue } from '../http/list-response.ts';
import { metrcReplies } from '../http/metrc-replies.ts';
import type { HarvestRecord, PlantRecord } from '../state/records.ts';
import { wireHarvest, wireHarvestWaste, wirePlant, wirePlantBatch } from '../wire/wire-growing.ts';
import {
  idParam,
  licenseOf,
  listOf,
  ownedRecord,
  RECENT,
  scoped,
  section,
  where,
} from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';

/** Plants leave the vegetative/flowering lists when harvested whole or destroyed. */
export const isLivePlant = (plant: PlantRecord) =>
  plant.destroyedDate === null && plant.harvestedDate === null;

const plants = (keep: (plant: PlantRecord) => boolean) =>
  listOf(
    (ctx) => where(licenseOf(ctx).plants.values(), keep),
    (ctx, plant) => wirePlant(ctx.state, plant),
    RECENT,
  );

const VIEW_PLANTS = section(['View Veg/Flower Plants'], 'growing');
const VIEW_BATCHES = section(['View Immature Plants'], 'growing');
const VIEW_HARVESTS = section(['View Harvests', 'Manage Harvests'], 'growing');

/** `GET /harvests/v2/waste?harvestId=`: the waste recorded against one harvest. */
function harvestWaste(ctx: OperationContext) {
  const text = queryValue(ctx, 'harvestId');
  if (text === undefined || !/^\d+$/.test(text))
    throw metrcReplies.badRequest('The harvestId parameter is required.');
  const harvest = ownedRecord(ctx, ctx.state.index.harvests, Number(text), `Harvest ${text}`);
  return { body: envelope(ctx, harvest.wastes, wireHarvestWaste) };
}

export const growingReadOperations: OperationSpec[] = [
  operation(
    'GET',
    '/plants/v2/vegetative',
    VIEW_PLANTS,
    plants((p) => isLivePlant(p) && p.growthPhase === 'Vegetative'),
  ),
  operation(
    'GET',
    '/plants/v2/flowering',
    VIEW_PLANTS,
    plants((p) => isLivePlant(p) && p.growthPhase === 'Flowering'),
  ),
  operation(
    'GET',
    '/plants/v2/onhold',
    VIEW_PLANTS,
    plants((p) => isLivePlant(p) && p.isOnHold),
  ),
  operation(
    'GET',
    '/plants/v2/inactive',
    VIEW_PLANTS,
    plants((p) => !isLivePlant(p)),
  ),
  operation('GET', '/plants/v2/{id}', scoped(VIEW_PLANTS), (ctx) => ({
    body: wirePlant(
      ctx.state,
      ownedRecord(ctx, ctx.state.index.plants, idParam(ctx), `Plant ${ctx.params.id}`),
    ),
  })),
  operation('GET', '/plants/v2/{label}', scoped(VIEW_PLANTS), (ctx) => {
    const label = (ctx.params.label ?? '').toUpperCase();
    return {
      body: wirePlant(
        ctx.state,
        ownedRecord(ctx, ctx.state.index.plantByLabel, label, `Plant ${label}`),
      ),
    };
  }),
  operation(
    'GET',
    '/plantbatches/v2/active',
    VIEW_BATCHES,
    listOf(
      (ctx) => where(licenseOf(ctx).plantBatches.values(), (b) => !b.archived),
      (ctx, b) => wirePlantBatch(ctx.state, b),
      RECENT,
    ),
  ),
  operation(
    'GET',
    '/plantbatches/v2/inactive',
    VIEW_BATCHES,
    listOf(
      (ctx) => where(licenseOf(ctx).plantBatches.values(), (b) => b.archived),
      (ctx, b) => wirePlantBatch(ctx.state, b),
      RECENT,
    ),
  ),
  operation('GET', '/plantbatches/v2/{id}', scoped(VIEW_BATCHES), (ctx) => ({
    body: wirePlantBatch(
      ctx.state,
      ownedRecord(ctx, ctx.state.index.plantBatches, idParam(ctx), `Plant Batch ${ctx.params.id}`),
    ),
  })),
  ...(
    [
      ['active', (h: HarvestRecord) => h.finishedDate === null],
      ['inactive', (h: HarvestRecord) => h.finishedDate !== null],
      ['onhold', (h: HarvestRecord) => h.finishedDate === null && h.isOnHold],
    ] as const
  ).map(([which, keep]) =>
    operation(
      'GET',
      `/harvests/v2/${which}`,
      VIEW_HARVESTS,
      listOf(
        (ctx) => where(licenseOf(ctx).harvests.values(), keep),
        (ctx, h) => wireHarvest(ctx.state, h),
        RECENT,
      ),
    ),
  ),
  operation('GET', '/harvests/v2/{id}', scoped(VIEW_HARVESTS), (ctx) => ({
    body: wireHarvest(
      ctx.state,
      ownedRecord(ctx, ctx.state.index.harvests, idParam(ctx), `Harvest ${ctx.params.id}`),
    ),
  })),
  operation('GET', '/harvests/v2/waste', VIEW_HARVESTS, harvestWaste),
];
