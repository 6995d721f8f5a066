import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  findPackageByLabel,
  getPackageByLabel,
  listAvailablePackageTags,
} from '../../src/metrc/index.ts';
import { CA, createOutboxFixture, type OutboxFixture } from '../helpers/outbox-fixture.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect(
  'outbox package actions: a lost answer is looked up, never sent twice',
  (ctx) => {
    let f: OutboxFixture;
    before(async () => {
      f = await createOutboxFixture(ctx, 'Outbox Package Actions');
    });
    after(() => f.close());

    const detail = async (id: number) =>
      (await f.call(f.staff, { method: 'GET', url: `/api/submissions/${id}` })).json();
    const occurredAt = () => new Date(Date.now() - 60_000).toISOString();
    const quantityOf = async (label: string) =>
      (await getPackageByLabel(f.ownerApi(), { licenseNumber: CA.retailer, label })).Quantity;

    it('splits once and adjusts once when Metrc commits each and the answer is lost', async () => {
      const source = f.labels[1] ?? f.labels[0];
      assert.ok(source);
      const [tag] = await listAvailablePackageTags(f.ownerApi(), { licenseNumber: CA.retailer });
      assert.ok(tag);
      const before = (await quantityOf(source)) ?? 0;
      const faults = ['/packages/v2', '/packages/v2/adjust'].map((path) =>
        f.metrc.emulator.control.addFault({
          kind: 'drop-after-commit',
          state: 'ca',
          path,
          method: 'POST',
          times: 1,
        }),
      );

      const split = await f.submit(f.staff, {
        kind: 'packages.split',
        occurredAt: occurredAt(),
        payload: { sourceLabel: source, tag: tag.Label, quantity: 2, unitOfMeasure: 'Each' },
      });
      assert.equal(split.statusCode, 202, split.body);
      // Touches the split's source: waits behind it whatever happens to the split.
      const adjust = await f.submit(f.staff, {
        kind: 'packages.adjust',
        occurredAt: occurredAt(),
        payload: { label: source, quantity: -1, unitOfMeasure: 'Each', reason: 'Scale Variance' },
      });
      assert.equal(adjust.statusCode, 202, adjust.body);

      await f.drain();
      assert.equal((await detail(split.json().id)).status, 'queued', 'in doubt, at the head');
      assert.equal((await detail(adjust.json().id)).attempts, 0, 'nothing overtakes it');
      await f.drainLater();
      await f.drainLater();
      await f.drainLater();

      const splitDone = await detail(split.json().id);
      const adjustDone = await detail(adjust.json().id);
      assert.equal(splitDone.status, 'sent', JSON.stringify(splitDone.lastError));
      assert.equal(adjustDone.status, 'sent', JSON.stringify(adjustDone.lastError));
      assert.equal(splitDone.attempts, 1, 'the new tag was found: not sent again');
      assert.equal(
        adjustDone.attempts,
        1,
        'the adjustment was found in the history: not sent again',
      );
      const created = await findPackageByLabel(f.ownerApi(), {
        licenseNumber: CA.retailer,
        label: tag.Label,
      });
      assert.equal(created?.Quantity, 2);
      assert.deepEqual(splitDone.metrcIds.flat(), [created?.Id]);
      assert.equal(await quantityOf(source), before - 3, 'split 2 and adjusted 1, each once');
      assert.deepEqual(
        faults.map((fault) => fault.times),
        [1, 1],
      );
    });

    it('tells twin adjustments apart: the second, answer lost, still lands once', async () => {
      const label = f.labels[2] ?? f.labels[0];
      assert.ok(label);
      const before = (await quantityOf(label)) ?? 0;
      const twin = () =>
        f.submit(f.staff, {
          kind: 'packages.adjust',
          occurredAt: occurredAt(),
          payload: { label, quantity: -1, unitOfMeasure: 'Each', reason: 'Scale Variance' },
        });
      const first = (await twin()).json().id;
      await f.drain();
      assert.equal((await detail(first)).status, 'sent');
      f.metrc.emulator.control.addFault({
        kind: 'drop-after-commit',
        state: 'ca',
        path: '/packages/v2/adjust',
        method: 'POST',
        times: 1,
      });
      const second = (await twin()).json().id;
      await f.drain();
      assert.equal((await detail(second)).status, 'queued', 'in doubt');
      await f.drainLater();
      const done = await detail(second);
      assert.equal(done.status, 'sent', JSON.stringify(done.lastError));
      assert.equal(done.attempts, 1, 'found by its own reference, not its twin');
      assert.equal(await quantityOf(label), before - 2);
    });

    it('refuses a package action with a field-named error and queues nothing', async () => {
      const res = await f.submit(f.staff, {
        kind: 'packages.adjust',
        payload: { label: f.labels[0], quantity: 0, unitOfMeasure: 'Each', reason: 'Drying' },
      });
      assert.equal(res.statusCode, 422);
      assert.deepEqual(
        res.json().details.issues.map((i: { field: string }) => i.field),
        ['quantity'],
      );
    });
  },
);
