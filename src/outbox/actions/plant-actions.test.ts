import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  getPlantByLabel,
  listActiveLocations,
  listAvailablePlantTags,
  listPlantWasteReasons,
  listVegetativePlants,
} from '../../metrc/index.ts';
import { changeGrowthPhaseRow, destroyPlantRow, movePlantRow } from '../../metrc/metrc-bodies.ts';
import {
  DEMO,
  type MetrcTestKit,
  startMetrcTestKit,
  wideWindow,
} from '../../metrc/testing/metrc-test-kit.ts';
import { actionFor } from './action-catalogue.ts';
import { changeGrowthPhaseAction, destroyPlantAction, movePlantAction } from './plant-actions.ts';
import { roundTrip } from './testing/action-round-trip.ts';

const P = '1A4FF0300000022000000123';
const NEW = '1A4FF0300000022000000999';

const lateEvening = {
  licenseNumber: 'LIC-1',
  timeZone: 'America/Denver',
  // 06:10 UTC on the 28th is 23:10 on the 27th in Denver.
  occurredAt: new Date('2026-11-28T06:10:00Z'),
  reference: 'tg-1',
};

const pathsOf = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')).sort() ?? [];

const destroyPayload = {
  label: P,
  wasteMethod: 'Compost',
  wasteWeight: 5,
  wasteUnitOfMeasure: 'Grams',
  wasteReason: 'Male Plants',
};

describe('plant actions: payloads and rows', () => {
  it('are in the catalogue, for licenses that grow', () => {
    for (const kind of ['plants.location', 'plants.growthphase', 'plants.destroy']) {
      assert.equal(actionFor(kind)?.family, 'plants', kind);
      assert.equal(actionFor(kind)?.feature, 'plants', kind);
      assert.ok(actionFor(kind)?.lookup, `${kind} can be looked up`);
    }
  });

  it('name the field in every payload error', () => {
    assert.deepEqual(
      pathsOf(movePlantAction.payloadSchema.safeParse({ label: P, location: ' ' })),
      ['location'],
    );
    assert.deepEqual(
      pathsOf(
        changeGrowthPhaseAction.payloadSchema.safeParse({
          label: P,
          growthPhase: 'Immature',
          newTag: '??',
        }),
      ),
      ['growthPhase', 'newTag'],
    );
    assert.deepEqual(
      pathsOf(
        destroyPlantAction.payloadSchema.safeParse({
          ...destroyPayload,
          wasteWeight: -1,
          wasteUnitOfMeasure: 'Each',
          wasteReason: undefined,
        }),
      ),
      ['wasteReason', 'wasteUnitOfMeasure', 'wasteWeight'],
    );
  });

  it('take ActualDate and GrowthDate from occurredAt, in the license-local date', () => {
    const move = movePlantAction.toRow(
      movePlantAction.payloadSchema.parse({ label: P, location: 'Flower Room' }),
      lateEvening,
    );
    assert.equal(movePlantRow.safeParse(move).success, true);
    assert.equal(move.ActualDate, '2026-11-27');

    const phase = changeGrowthPhaseAction.payloadSchema.parse({
      label: P,
      growthPhase: 'Flowering',
      newTag: NEW,
    });
    const phaseRow = changeGrowthPhaseAction.toRow(phase, lateEvening);
    assert.equal(changeGrowthPhaseRow.safeParse(phaseRow).success, true);
    assert.equal(phaseRow.GrowthDate, '2026-11-27');
    assert.deepEqual(changeGrowthPhaseAction.touches(phase, lateEvening), [
      `plant:${P}`,
      `plant:${NEW}`,
    ]);

    const destroy = destroyPlantAction.toRow(
      destroyPlantAction.payloadSchema.parse(destroyPayload),
      { ...lateEvening, timeZone: 'Asia/Tokyo', occurredAt: new Date('2026-11-27T15:30:00Z') },
    );
    assert.equal(destroyPlantRow.safeParse(destroy).success, true);
    assert.equal(destroy.ActualDate, '2026-11-28');
  });
});

describe('plant actions, against the emulator', () => {
  const licenseNumber = DEMO.ca.cultivator;
  let kit: MetrcTestKit;
  before(async () => {
    kit = await startMetrcTestKit();
  });
  after(() => kit.close());

  const context = (reference: string) => ({
    licenseNumber,
    timeZone: 'America/Los_Angeles',
    occurredAt: new Date(),
    reference,
  });

  it('move, growth phase with a new tag, destroy: absent before, landed after', async () => {
    const api = kit.api('ca-owner');
    const query = { licenseNumber, ...wideWindow() };
    const [a, b] = (await listVegetativePlants(api, query)).data;
    assert.ok(a && b);
    const room = (await listActiveLocations(api, query)).data.find(
      (l) => l.ForPlants && l.Name !== a.LocationName,
    );
    const [tag] = await listAvailablePlantTags(api, { licenseNumber });
    const reason = (await listPlantWasteReasons(api, { licenseNumber })).find(
      (r) => !r.RequiresNote,
    );
    assert.ok(room && tag && reason);

    const moved = await roundTrip(
      api,
      movePlantAction,
      { label: a.Label, location: room.Name },
      context('tg-move'),
    );
    assert.deepEqual(moved.ids, [a.Id]);

    await roundTrip(
      api,
      changeGrowthPhaseAction,
      { label: b.Label, growthPhase: 'Flowering', newTag: tag.Label },
      context('tg-phase'),
    );
    const renamed = await getPlantByLabel(api, { licenseNumber, label: tag.Label });
    assert.equal(renamed.Id, b.Id);
    assert.equal(renamed.GrowthPhase, 'Flowering');

    await roundTrip(
      api,
      destroyPlantAction,
      { ...destroyPayload, label: a.Label, wasteReason: reason.Name },
      context('tg-destroy'),
    );
    assert.equal(
      (await getPlantByLabel(api, { licenseNumber, label: a.Label })).State,
      'Destroyed',
    );
  });
});
