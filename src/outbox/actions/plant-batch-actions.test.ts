import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  findPlantBatchByName,
  listActiveLocations,
  listActiveStrains,
  listPlantBatchWasteReasons,
} from '../../metrc/index.ts';
import { destroyPlantBatchRow, plantingRow } from '../../metrc/metrc-bodies.ts';
import {
  DEMO,
  type MetrcTestKit,
  startMetrcTestKit,
  wideWindow,
} from '../../metrc/testing/metrc-test-kit.ts';
import { actionFor } from './action-catalogue.ts';
import { destroyPlantBatchAction, plantingAction } from './plant-batch-actions.ts';
import { roundTrip } from './testing/action-round-trip.ts';

const lateEvening = {
  licenseNumber: 'LIC-1',
  timeZone: 'America/New_York',
  // 03:00 UTC on the 28th is 22:00 on the 27th in New York.
  occurredAt: new Date('2026-11-28T03:00:00Z'),
  reference: 'tg-1',
};

const pathsOf = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')).sort() ?? [];

const planting = {
  name: 'Clones-7',
  type: 'Clone',
  count: 10,
  strain: 'Blue Dream',
  location: 'Clone Room',
};

describe('plant batch actions: payloads and rows', () => {
  it('are in the catalogue, for licenses that grow; a destroy cannot be looked up', () => {
    assert.equal(actionFor('plantBatches.planting'), plantingAction);
    assert.equal(actionFor('plantBatches.destroy'), destroyPlantBatchAction);
    assert.equal(plantingAction.feature, 'plants');
    assert.ok(plantingAction.lookup);
    assert.equal(destroyPlantBatchAction.idempotent, false);
    assert.equal(destroyPlantBatchAction.lookup, undefined);
  });

  it('name the field in every payload error', () => {
    assert.deepEqual(
      pathsOf(
        plantingAction.payloadSchema.safeParse({
          ...planting,
          type: 'Tissue',
          count: 2.5,
          strain: undefined,
        }),
      ),
      ['count', 'strain', 'type'],
    );
    assert.deepEqual(
      pathsOf(destroyPlantBatchAction.payloadSchema.safeParse({ name: 'Clones-7', count: 0 })),
      ['count'],
    );
    assert.deepEqual(
      pathsOf(
        destroyPlantBatchAction.payloadSchema.safeParse({
          name: 'Clones-7',
          count: 1,
          wasteWeight: 2,
        }),
      ),
      ['wasteUnitOfMeasure'],
    );
  });

  it('take ActualDate from occurredAt, in the license-local date', () => {
    const parsed = plantingAction.payloadSchema.parse(planting);
    const row = plantingAction.toRow(parsed, lateEvening);
    assert.equal(plantingRow.safeParse(row).success, true);
    assert.equal(row.ActualDate, '2026-11-27');
    assert.deepEqual(plantingAction.touches(parsed, lateEvening), ['plantBatch:Clones-7']);
    const destroy = destroyPlantBatchAction.toRow(
      destroyPlantBatchAction.payloadSchema.parse({ name: 'Clones-7', count: 2 }),
      { ...lateEvening, timeZone: 'Europe/Berlin' },
    );
    assert.equal(destroyPlantBatchRow.safeParse(destroy).success, true);
    assert.equal(destroy.ActualDate, '2026-11-28');
  });
});

describe('plant batch actions, against the emulator', () => {
  const licenseNumber = DEMO.ca.cultivator;
  let kit: MetrcTestKit;
  before(async () => {
    kit = await startMetrcTestKit();
  });
  after(() => kit.close());

  it('planting: absent before, landed after; destroy reaches Metrc', async () => {
    const api = kit.api('ca-owner');
    const query = { licenseNumber, ...wideWindow() };
    const [strain] = (await listActiveStrains(api, query)).data;
    const room = (await listActiveLocations(api, query)).data.find((l) => l.ForPlantBatches);
    const reason = (await listPlantBatchWasteReasons(api, { licenseNumber })).find(
      (r) => !r.RequiresNote,
    );
    assert.ok(strain && room && reason);
    const context = {
      licenseNumber,
      timeZone: 'America/Los_Angeles',
      occurredAt: new Date(),
      reference: 'tg-b',
    };
    const planted = await roundTrip(
      api,
      plantingAction,
      { ...planting, name: 'TG Clones', strain: strain.Name, location: room.Name },
      context,
    );
    const batch = await findPlantBatchByName(api, {
      licenseNumber,
      name: 'TG Clones',
      since: new Date(Date.now() - 60_000),
    });
    assert.ok(batch);
    assert.deepEqual(planted.ids, [batch.Id]);

    await roundTrip(
      api,
      destroyPlantBatchAction,
      {
        name: 'TG Clones',
        count: 2,
        wasteMethod: 'Compost',
        wasteReason: reason.Name,
        wasteWeight: 1,
        wasteUnitOfMeasure: 'Grams',
      },
      context,
    );
    const after = await findPlantBatchByName(api, {
      licenseNumber,
      name: 'TG Clones',
      since: new Date(Date.now() - 60_000),
    });
    assert.equal(after?.UntrackedCount, 8);
  });
});
