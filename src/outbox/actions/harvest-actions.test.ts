import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  findHarvestByNameAndDate,
  getPlantByLabel,
  listActiveLocations,
  listFloweringPlants,
} from '../../metrc/index.ts';
import { harvestPlantRow, manicurePlantRow } from '../../metrc/metrc-bodies.ts';
import {
  DEMO,
  type MetrcTestKit,
  startMetrcTestKit,
  wideWindow,
} from '../../metrc/testing/metrc-test-kit.ts';
import { actionFor } from './action-catalogue.ts';
import { metrcLocalDate } from './action-time-fns.ts';
import { harvestPlantAction, manicurePlantAction } from './harvest-actions.ts';
import { roundTrip } from './testing/action-round-trip.ts';

const P = '1A4FF0300000022000000123';

const lateEvening = {
  licenseNumber: 'LIC-1',
  timeZone: 'America/Los_Angeles',
  occurredAt: new Date('2026-11-28T07:59:59Z'),
  reference: 'tg-1',
};

const pathsOf = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')).sort() ?? [];

const payload = {
  plantLabel: P,
  weight: 120.5,
  unitOfWeight: 'Grams',
  dryingLocation: 'Dry Room',
  harvestName: 'Blue Dream 11-27',
};

describe('harvest actions: payloads and rows', () => {
  it('are in the catalogue; a manicure cannot be looked up, so the engine asks a person', () => {
    assert.equal(actionFor('harvests.harvest'), harvestPlantAction);
    assert.equal(actionFor('harvests.manicure'), manicurePlantAction);
    assert.equal(harvestPlantAction.feature, 'harvests');
    assert.ok(harvestPlantAction.lookup);
    // Neither re-sendable nor checkable: an ambiguous manicure fails as OUTBOX_IN_DOUBT.
    assert.equal(manicurePlantAction.idempotent, false);
    assert.equal(manicurePlantAction.lookup, undefined);
  });

  it('name the field in every payload error', () => {
    assert.deepEqual(
      pathsOf(
        harvestPlantAction.payloadSchema.safeParse({
          ...payload,
          weight: 0,
          unitOfWeight: 'Each',
          harvestName: '',
        }),
      ),
      ['harvestName', 'unitOfWeight', 'weight'],
    );
    assert.deepEqual(
      pathsOf(manicurePlantAction.payloadSchema.safeParse({ ...payload, plantCount: 1.5 })),
      ['plantCount'],
    );
    assert.deepEqual(
      pathsOf(
        harvestPlantAction.payloadSchema.safeParse({ ...payload, dryingLocation: undefined }),
      ),
      ['dryingLocation'],
    );
  });

  it('take ActualDate from occurredAt in the license-local date, and touch plant and harvest', () => {
    const parsed = harvestPlantAction.payloadSchema.parse(payload);
    const row = harvestPlantAction.toRow(parsed, lateEvening);
    assert.equal(harvestPlantRow.safeParse(row).success, true);
    // 07:59:59 UTC on the 28th is 23:59:59 on the 27th in Los Angeles.
    assert.equal(row.ActualDate, '2026-11-27');
    assert.deepEqual(harvestPlantAction.touches(parsed, lateEvening), [
      `plant:${P}`,
      'harvest:Blue Dream 11-27',
    ]);
    const manicure = manicurePlantAction.toRow(
      manicurePlantAction.payloadSchema.parse({ ...payload, plantCount: 1 }),
      { ...lateEvening, occurredAt: new Date('2026-11-28T08:00:00Z') },
    );
    assert.equal(manicurePlantRow.safeParse(manicure).success, true);
    assert.equal(manicure.ActualDate, '2026-11-28');
    assert.equal(manicure.PlantCount, 1);
  });
});

describe('harvest actions, against the emulator', () => {
  const licenseNumber = DEMO.ca.cultivator;
  let kit: MetrcTestKit;
  before(async () => {
    kit = await startMetrcTestKit();
  });
  after(() => kit.close());

  it('harvest: absent before, landed after; manicure reaches Metrc under its harvest name', async () => {
    const api = kit.api('ca-owner');
    const query = { licenseNumber, ...wideWindow() };
    const [c, d] = (await listFloweringPlants(api, query)).data;
    const dryRoom = (await listActiveLocations(api, query)).data.find((l) => l.ForHarvests);
    assert.ok(c && d && dryRoom);
    const context = {
      licenseNumber,
      timeZone: 'America/Los_Angeles',
      occurredAt: new Date(),
      reference: 'tg-h',
    };
    const harvested = await roundTrip(
      api,
      harvestPlantAction,
      { ...payload, plantLabel: c.Label, dryingLocation: dryRoom.Name, harvestName: 'TG Whole' },
      context,
    );
    assert.deepEqual(harvested.ids, [c.Id]);
    assert.ok((await getPlantByLabel(api, { licenseNumber, label: c.Label })).HarvestedDate);

    await roundTrip(
      api,
      manicurePlantAction,
      { ...payload, plantLabel: d.Label, dryingLocation: dryRoom.Name, harvestName: 'TG Manicure' },
      context,
    );
    const harvest = await findHarvestByNameAndDate(api, {
      licenseNumber,
      name: 'TG Manicure',
      harvestDate: metrcLocalDate(context.occurredAt, context.timeZone),
      since: new Date(Date.now() - 60_000),
    });
    assert.ok(harvest, 'the manicure made its harvest');
  });
});
