import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { AlertKind } from '../../src/alerts/index.ts';
import { adjustPackages, listAvailablePackageTags } from '../../src/metrc/index.ts';
import { CA, createOutboxFixture, type OutboxFixture } from '../helpers/outbox-fixture.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

/**
 * The wired alert sources (src/main/alert-sources.ts) over the real outbox, the real sync service
 * and the emulator (demo scenario: it seeds a package on hold and packages expiring within days).
 */
describeEachDialect('alerts from the outbox and the mirror', (ctx) => {
  let f: OutboxFixture;
  before(async () => {
    f = await createOutboxFixture(ctx, 'Alert Wiring');
  });
  after(() => f.close());

  const viewer = () => ({ organizationId: f.org.id, role: 'admin' as const });
  const open = (kind: AlertKind) => f.t.services.alerts.list(viewer(), { kind, status: 'open' });
  const evaluate = () => f.t.services.alerts.evaluateNow(f.org.id);
  const pull = async () => {
    const result = await f.t.services.sync.syncLicense(f.org.id, CA.retailer, {
      resources: ['packages'],
      since: new Date(Date.now() - 30 * 86_400_000),
    });
    assert.equal(result.status, 'ok', JSON.stringify(result));
  };

  it('a submission Metrc rejects (400) raises submission_failed; dismissing it resolves it', async () => {
    const res = await f.submit(f.staff, {
      kind: 'packages.adjust',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      payload: {
        label: f.labels[0],
        quantity: -1,
        unitOfMeasure: 'Each',
        reason: 'Not A Reason Metrc Knows',
      },
    });
    assert.equal(res.statusCode, 202, res.body);
    const id = res.json().id;
    await f.drain();
    const detail = await f.call(f.staff, { method: 'GET', url: `/api/submissions/${id}` });
    assert.equal(detail.json().status, 'failed', detail.body);
    const answers = f.metrc.emulator.control
      .requests({ method: 'POST', pathPrefix: '/ca/packages/v2/adjust' })
      .map((r) => r.status);
    assert.deepEqual(answers, [400], 'Metrc itself rejected it');
    await evaluate();
    const [raised, ...more] = await open('submission_failed');
    assert.ok(raised, 'raised');
    assert.equal(more.length, 0);
    await evaluate();
    assert.equal((await open('submission_failed')).length, 1, 'deduplicated');

    const dismissed = await f.call(f.admin, {
      method: 'POST',
      url: `/api/submissions/${id}/dismiss`,
      payload: { reason: 'typo in the reason' },
    });
    assert.equal(dismissed.json().status, 'dismissed', dismissed.body);
    await evaluate();
    assert.equal((await open('submission_failed')).length, 0, 'resolved');
    const resolved = await f.t.services.alerts.list(viewer(), {
      kind: 'submission_failed',
      status: 'resolved',
    });
    assert.equal(resolved.length, 1);
  });

  it('a pulled package on hold raises package_on_hold', async () => {
    await pull();
    await evaluate();
    const held = await open('package_on_hold');
    assert.ok(held.length >= 1, 'the seeded package on hold');
    const label = String(held[0]?.details.label ?? held[0]?.subjectKey);
    const mirrored = await f.t.services.database.db
      .selectFrom('mirror_packages')
      .select(['status', 'label'])
      .where('organization_id', '=', f.org.id)
      .where('status', '=', 'onhold')
      .execute();
    assert.ok(
      mirrored.some((p) => label.includes(p.label)),
      'the alert names the package Metrc has on hold',
    );
  });

  it('a pulled package expiring within N days raises package_expiring; resolved once inactive', async () => {
    await pull();
    await evaluate();
    const expiring = await open('package_expiring');
    assert.ok(expiring.length >= 1, 'the seeded expiring packages');
    const days = f.t.services.config.alerts.packageExpiryDays;
    const limit = new Date(Date.now() + (days + 1) * 86_400_000).toISOString().slice(0, 10);
    const rows = await f.t.services.database.db
      .selectFrom('mirror_packages')
      .select(['label', 'expiration_date'])
      .where('organization_id', '=', f.org.id)
      .where('status', '!=', 'inactive')
      .where('expiration_date', 'is not', null)
      .execute();
    const soon = rows.filter((r) => (r.expiration_date ?? '9999') < limit);
    assert.ok(soon.length > 0);
    const first = expiring[0];
    assert.ok(first);
    const label = soon.find((r) => first.subjectKey.includes(r.label))?.label;
    assert.ok(label, `the alert ${first.subjectKey} names a mirrored package expiring soon`);
    assert.ok(
      rows
        .filter((r) => (r.expiration_date ?? '') > limit)
        .every((r) => !expiring.some((a) => a.subjectKey.includes(r.label))),
      'no alert for a package expiring later',
    );

    // What the next pull stores once Metrc reports the package finished (inactive).
    await f.t.services.database.db
      .updateTable('mirror_packages')
      .set({ status: 'inactive' })
      .where('organization_id', '=', f.org.id)
      .where('label', '=', label)
      .execute();
    await evaluate();
    const after = await open('package_expiring');
    assert.ok(!after.some((a) => a.subjectKey.includes(label)), 'resolved when inactive');
    assert.equal(after.length, expiring.length - 1, 'the others stay open');
  });

  it('quantity drift: none while a report is in flight or not pulled back; raised when Metrc changes it behind Tracegate', async () => {
    // The manual clock runs ahead of the emulator's real one, so every pull starts after the
    // last report in both clocks (the settle rule compares Tracegate's times).
    const catchUp = () =>
      f.clock.set(new Date(Math.max(Date.now(), f.clock.now().getTime()) + 2_000));
    const occurredAt = () => new Date(Date.now() - 60_000).toISOString();
    const source = f.labels[2] ?? f.labels[0];
    const [tag] = await listAvailablePackageTags(f.ownerApi(), { licenseNumber: CA.retailer });
    assert.ok(source && tag);
    const send = async (body: Record<string, unknown>) => {
      const res = await f.submit(f.staff, { occurredAt: occurredAt(), ...body });
      assert.equal(res.statusCode, 202, res.body);
      return res.json().id as number;
    };
    const drift = async () => {
      await evaluate();
      return (await open('quantity_drift')).filter((a) => a.subjectKey.includes(tag.Label));
    };
    const elsewhere = (quantity: number) =>
      adjustPackages(f.ownerApi(), {
        licenseNumber: CA.retailer,
        rows: [
          {
            Label: tag.Label,
            Quantity: quantity,
            UnitOfMeasure: 'Each',
            AdjustmentReason: 'Scale Variance',
            AdjustmentDate: occurredAt().slice(0, 10),
          },
        ],
      });

    catchUp();
    await send({
      kind: 'packages.split',
      payload: { sourceLabel: source, tag: tag.Label, quantity: 3, unitOfMeasure: 'Each' },
    });
    await f.drain();
    catchUp();
    await pull();
    assert.deepEqual(await drift(), [], 'Tracegate created it with 3; Metrc has 3');

    // In flight: queued, then sent but not yet pulled back (the mirror still says 3).
    catchUp();
    const id = await send({
      kind: 'packages.adjust',
      payload: { label: tag.Label, quantity: -1, unitOfMeasure: 'Each', reason: 'Scale Variance' },
    });
    assert.deepEqual(await drift(), [], 'queued: not compared');
    await f.drain();
    const sent = await f.call(f.staff, { method: 'GET', url: `/api/submissions/${id}` });
    assert.equal(sent.json().status, 'sent', sent.body);
    assert.deepEqual(await drift(), [], 'sent, not pulled back: not compared');
    catchUp();
    await pull();
    assert.deepEqual(await drift(), [], 'pulled back: Metrc agrees (2)');

    // Another system takes one away in Metrc: Tracegate expects 2, Metrc has 1.
    await elsewhere(-1);
    catchUp();
    await pull();
    const [alert, ...others] = await drift();
    assert.ok(alert, 'raised');
    assert.equal(others.length, 0);
    assert.equal(alert.details.expected, 2);
    assert.equal(alert.details.metrc, 1);
    assert.equal((await drift()).length, 1, 'deduplicated');

    await elsewhere(1);
    catchUp();
    await pull();
    assert.deepEqual(await drift(), [], 'resolved when Metrc agrees again');
  });
});
