import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  getPackageByLabel,
  listActiveLocations,
  listActivePackages,
  listAvailablePackageTags,
} from '../../metrc/index.ts';
import {
  adjustPackageRow,
  createPackageRow,
  finishPackageRow,
  movePackageRow,
} from '../../metrc/metrc-bodies.ts';
import {
  DEMO,
  type MetrcTestKit,
  startMetrcTestKit,
  wideWindow,
} from '../../metrc/testing/metrc-test-kit.ts';
import { actionFor } from './action-catalogue.ts';
import {
  adjustPackageAction,
  createPackageAction,
  finishPackageAction,
  movePackageAction,
  splitPackageAction,
  unfinishPackageAction,
} from './package-actions.ts';
import { roundTrip } from './testing/action-round-trip.ts';

const A = '1A4FF0100000022000000123';
const B = '1A4FF0100000022000000456';
const NEW = '1A4FF0100000022000000999';

/** 05:30 UTC on the 28th is still the 27th in Los Angeles: the local date wins. */
const lateEvening = {
  licenseNumber: 'LIC-1',
  timeZone: 'America/Los_Angeles',
  occurredAt: new Date('2026-11-28T05:30:00Z'),
  reference: 'tg-1',
};

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('package actions: payloads and rows', () => {
  it('are in the catalogue under their kinds', () => {
    for (const kind of [
      'packages.adjust',
      'packages.create',
      'packages.split',
      'packages.location',
      'packages.finish',
      'packages.unfinish',
    ]) {
      const action = actionFor(kind);
      assert.equal(action?.family, 'packages', kind);
      assert.equal(action?.feature, 'packages', kind);
      assert.ok(action?.batch, `${kind} goes out in arrays`);
    }
  });

  it('name the field in every payload error', () => {
    const adjust = adjustPackageAction.payloadSchema.safeParse({
      label: 'x',
      quantity: 0,
      unitOfMeasure: 'Bags',
    });
    assert.deepEqual(pathsOf(adjust).sort(), ['label', 'quantity', 'reason', 'unitOfMeasure']);

    const create = createPackageAction.payloadSchema.safeParse({
      tag: NEW,
      quantity: -1,
      unitOfMeasure: 'Grams',
      expirationDate: '2026-13-01',
      ingredients: [
        { packageLabel: A, quantity: 1, unitOfMeasure: 'Grams' },
        { packageLabel: A, quantity: 0, unitOfMeasure: 'Grams' },
        { packageLabel: NEW, quantity: 1, unitOfMeasure: 'Grams' },
      ],
      extra: true,
    });
    const paths = pathsOf(create);
    for (const path of [
      'quantity',
      'expirationDate',
      'ingredients.1.quantity',
      'ingredients.1.packageLabel',
      'ingredients.2.packageLabel',
    ])
      assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
    assert.ok(create.error?.issues.some((issue) => issue.code === 'unrecognized_keys'));
    assert.deepEqual(
      pathsOf(createPackageAction.payloadSchema.safeParse({ ...validCreate(), ingredients: [] })),
      ['ingredients'],
    );
    assert.deepEqual(
      pathsOf(
        splitPackageAction.payloadSchema.safeParse({
          sourceLabel: A,
          tag: A,
          quantity: 1,
          unitOfMeasure: 'Each',
        }),
      ),
      ['tag'],
    );
    assert.deepEqual(pathsOf(movePackageAction.payloadSchema.safeParse({ label: A })), [
      'location',
    ]);
    assert.deepEqual(pathsOf(finishPackageAction.payloadSchema.safeParse({})), ['label']);
  });

  it('take every Metrc date from occurredAt, in the license-local date', () => {
    const adjust = adjustPackageAction.toRow(
      adjustPackageAction.payloadSchema.parse({
        label: A.toLowerCase(),
        quantity: -2,
        unitOfMeasure: 'Grams',
        reason: 'Drying',
      }),
      lateEvening,
    );
    assert.equal(adjustPackageRow.safeParse(adjust).success, true);
    assert.equal(adjust.AdjustmentDate, '2026-11-27');
    assert.equal(adjust.ReasonNote, '[tg-1]', 'the reference tells twin adjustments apart');
    assert.equal(adjust.Label, A);

    const created = createPackageAction.toRow(
      createPackageAction.payloadSchema.parse(validCreate()),
      lateEvening,
    );
    assert.equal(createPackageRow.safeParse(created).success, true);
    assert.equal(created.ActualDate, '2026-11-27');
    assert.equal(created.UseSameItem, true);
    assert.deepEqual(
      created.Ingredients.map((i) => i.Package),
      [A, B],
    );

    const move = movePackageAction.toRow(
      movePackageAction.payloadSchema.parse({ label: A, location: 'Vault' }),
      {
        ...lateEvening,
        timeZone: 'Pacific/Auckland',
        occurredAt: new Date('2026-11-27T12:30:00Z'),
      },
    );
    assert.equal(movePackageRow.safeParse(move).success, true);
    assert.equal(move.MoveDate, '2026-11-28');

    const finish = finishPackageAction.toRow({ label: A }, lateEvening);
    assert.equal(finishPackageRow.safeParse(finish).success, true);
    assert.equal(finish.ActualDate, '2026-11-27');
  });

  it('touch sources and outputs, so a split and a later adjust of a package are ordered', () => {
    const split = splitPackageAction.payloadSchema.parse({
      sourceLabel: A,
      tag: NEW,
      quantity: 1,
      unitOfMeasure: 'Each',
    });
    const splitTouches = splitPackageAction.touches(split, lateEvening);
    assert.deepEqual(splitTouches, [`package:${NEW}`, `package:${A}`]);
    const splitRow = splitPackageAction.toRow(split, lateEvening);
    assert.deepEqual(splitRow.Ingredients, [{ Package: A, Quantity: 1, UnitOfMeasure: 'Each' }]);
    const adjust = adjustPackageAction.payloadSchema.parse({
      label: A,
      quantity: 1,
      unitOfMeasure: 'Each',
      reason: 'Scale Variance',
    });
    assert.ok(
      adjustPackageAction.touches(adjust, lateEvening).every((ref) => splitTouches.includes(ref)),
    );
    assert.deepEqual(
      createPackageAction.touches(
        createPackageAction.payloadSchema.parse(validCreate()),
        lateEvening,
      ),
      [`package:${NEW}`, `package:${A}`, `package:${B}`],
    );
  });
});

function validCreate() {
  return {
    tag: NEW,
    quantity: 2,
    unitOfMeasure: 'Grams',
    ingredients: [
      { packageLabel: A, quantity: 1, unitOfMeasure: 'Grams' },
      { packageLabel: B, quantity: 1, unitOfMeasure: 'Grams' },
    ],
  };
}

describe('package actions, against the emulator', () => {
  const licenseNumber = DEMO.ca.retailer;
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

  it('split, adjust, move, finish, unfinish: each looked up as absent before and landed after', async () => {
    const api = kit.api('ca-owner');
    const active = await listActivePackages(api, { licenseNumber, ...wideWindow() });
    const source = active.data.find(
      (p) => !p.IsOnHold && (p.Quantity ?? 0) >= 3 && p.UnitOfMeasureName === 'Each',
    );
    assert.ok(source, 'a countable package to split');
    const [tag, tag2] = await listAvailablePackageTags(api, { licenseNumber });
    assert.ok(tag && tag2);

    const split = await roundTrip(
      api,
      splitPackageAction,
      { sourceLabel: source.Label, tag: tag.Label, quantity: 1, unitOfMeasure: 'Each' },
      context('tg-split'),
    );
    const created = await getPackageByLabel(api, { licenseNumber, label: tag.Label });
    assert.deepEqual(split.ids, [created.Id]);
    assert.equal(created.Quantity, 1);

    // Repackage the rest of one unit of the source under a second new tag.
    await roundTrip(
      api,
      createPackageAction,
      {
        tag: tag2.Label,
        quantity: 1,
        unitOfMeasure: 'Each',
        ingredients: [{ packageLabel: source.Label, quantity: 1, unitOfMeasure: 'Each' }],
      },
      context('tg-create'),
    );

    // Empty the split package (a delta), so Metrc lets it be finished.
    await roundTrip(
      api,
      adjustPackageAction,
      {
        label: tag.Label,
        quantity: -1,
        unitOfMeasure: 'Each',
        reason: 'Scale Variance',
        note: 'tg-adjust',
      },
      context('tg-adjust'),
    );
    assert.equal((await getPackageByLabel(api, { licenseNumber, label: tag.Label })).Quantity, 0);

    const locations = await listActiveLocations(api, { licenseNumber, ...wideWindow() });
    const target = locations.data.find((l) => l.ForPackages && l.Name !== created.LocationName);
    assert.ok(target, 'another package location');
    await roundTrip(
      api,
      movePackageAction,
      { label: tag.Label, location: target.Name },
      context('tg-move'),
    );
    await roundTrip(api, finishPackageAction, { label: tag.Label }, context('tg-finish'));
    await roundTrip(api, unfinishPackageAction, { label: tag.Label }, context('tg-unfinish'));
    assert.equal(
      (await getPackageByLabel(api, { licenseNumber, label: tag.Label })).IsFinished,
      false,
    );
  });
});
