import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { SYSTEM_ACTOR } from '../../src/auth/index.ts';
import { Secret } from '../../src/lib/index.ts';
import { listActivePackages } from '../../src/metrc/index.ts';
import { metrcLocalDateTime } from '../../src/outbox/index.ts';
import { CA, createOutboxFixture, type OutboxFixture } from '../helpers/outbox-fixture.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

const CO_RETAILER = '402R-00205';

describeEachDialect('outbox keys: key death, attribution, strict states (rules 6, 8)', (ctx) => {
  let f: OutboxFixture;
  before(async () => {
    f = await createOutboxFixture(ctx, 'Outbox Keys');
  });
  after(() => f.close());

  const detail = async (id: number) =>
    (await f.call(f.admin, { method: 'GET', url: `/api/submissions/${id}` })).json();
  const userKey = (id: string) =>
    f.metrc.emulator.scenario().users.find((u) => u.id === id)?.userKey ?? '';
  const postsBy = (userId: string, license: string) =>
    f.metrc.emulator.control
      .requests({ method: 'POST', pathPrefix: '/ca/sales/v2/receipts', license })
      .concat(
        f.metrc.emulator.control.requests({
          method: 'POST',
          pathPrefix: '/co/sales/v2/receipts',
          license,
        }),
      )
      .filter((r) => r.userId === userId);

  it('pauses within one attempt when the facility key dies, keeps accepting, and drains with original times once a new key is saved', async () => {
    f.clock.advance(5 * 60_000); // past the re-check guard: the 401 triggers a real health check
    f.metrc.emulator.control.regenerateUserKey('ca-owner');
    const occurred = [3, 2].map((h) => new Date(f.clock.now().getTime() - h * 3_600_000));
    const ids = [];
    for (const at of occurred)
      ids.push((await f.submit(f.staff, f.receipt({ occurredAt: at.toISOString() }))).json().id);
    f.metrc.emulator.control.clearRequests();
    await f.drain();
    const refused = f.metrc.emulator.control.requests({ method: 'POST', status: 401 });
    assert.equal(refused.length, 1, 'one attempt, then the license pauses');
    const license = (await f.call(f.staff, { method: 'GET', url: '/api/licenses' }))
      .json()
      .licenses.find((l: { number: string }) => l.number === CA.retailer);
    assert.equal(license.outbox.paused, true);
    assert.match(license.outbox.pauseMessage, /^We've stopped syncing with the state\. /);
    assert.equal(license.outbox.depth, 2);

    // Sales are still accepted while paused, and nothing is sent.
    const later = new Date(f.clock.now().getTime() - 3_600_000);
    const res = await f.submit(f.staff, f.receipt({ occurredAt: later.toISOString() }));
    assert.equal(res.statusCode, 202);
    ids.push(res.json().id);
    occurred.push(later);
    await f.drain();
    assert.equal(f.metrc.emulator.control.requests({ method: 'POST' }).length, 1);

    const saved = await f.call(f.admin, {
      method: 'PATCH',
      url: `/api/credentials/${f.facilityCredentialId}`,
      payload: { apiKey: userKey('ca-owner') },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    await f.drain();
    const sent = await Promise.all(ids.map(detail));
    assert.deepEqual(
      sent.map((s) => s.status),
      ['sent', 'sent', 'sent'],
    );
    const receipts = await f.metrcReceipts();
    for (const [index, submission] of sent.entries()) {
      const receipt = receipts.find(
        (r) => r.ExternalReceiptNumber === submission.payload.externalNumber,
      );
      assert.equal(
        receipt?.SalesDateTime?.slice(0, 19),
        metrcLocalDateTime(occurred[index] as Date, 'America/Los_Angeles'),
        'original timestamp kept',
      );
    }
    const audit = (await f.call(f.admin, { method: 'GET', url: '/api/audit-events' })).json();
    const actions = audit.events.map((e: { action: string }) => e.action);
    assert.ok(actions.includes('license.sync_paused'));
    assert.ok(actions.includes('license.sync_resumed'));
  });

  it("sends under the actor's own key, shows who in Metrc, and re-routes when that key dies", async () => {
    const own = await f.call(f.admin, {
      method: 'POST',
      url: '/api/credentials',
      payload: {
        state: 'ca',
        kind: 'user',
        ownerUserId: f.org.staff.id,
        apiKey: userKey('ca-budtender'),
      },
    });
    assert.equal(own.statusCode, 201, own.body);
    const mine = (await f.submit(f.staff, f.receipt())).json().id;
    const adminsSale = (await f.submit(f.admin, f.receipt())).json().id;
    f.metrc.emulator.control.clearRequests();
    await f.drain();
    const [a, b] = [await detail(mine), await detail(adminsSale)];
    assert.equal(a.status, 'sent');
    assert.equal(a.attribution, 'own');
    assert.equal(a.attributed, true);
    assert.equal(b.attribution, 'facility');
    assert.equal(b.attributed, false);
    assert.equal(
      postsBy('ca-budtender', CA.retailer).length,
      1,
      "the emulator saw the staff member's key",
    );

    // The own key dies mid-queue: routed again to the facility key (CA does not require own keys).
    f.clock.advance(5 * 60_000);
    f.metrc.emulator.control.regenerateUserKey('ca-budtender');
    const next = (await f.submit(f.staff, f.receipt())).json().id;
    await f.drain();
    const rerouted = await detail(next);
    assert.equal(rerouted.status, 'sent');
    assert.equal(rerouted.attribution, 'facility');
  });

  it('sends with the vendor key stored now: a new one at once; with none, nothing leaves and the sale waits', async () => {
    const vendorPosts = () =>
      f.metrc.emulator.control
        .requests({ method: 'POST', pathPrefix: '/ca/sales/v2/receipts', license: CA.retailer })
        .map((r) => r.vendorKeyId);
    const replacement = f.metrc.emulator.control.createVendorKey({ state: 'ca' });
    await f.t.services.vendorKeys.set(SYSTEM_ACTOR, {
      state: 'ca',
      environment: 'production',
      key: new Secret(replacement.key),
    });
    f.metrc.emulator.control.clearRequests();
    const first = (await f.submit(f.admin, f.receipt())).json().id;
    await f.drain();
    assert.equal((await detail(first)).status, 'sent');
    assert.deepEqual(vendorPosts(), [replacement.id]);

    const stored = (await f.t.services.vendorKeys.list()).find((k) => k.state === 'ca');
    await f.t.services.vendorKeys.remove(SYSTEM_ACTOR, 'ca', 'production', stored?.fingerprint);
    const waiting = (await f.submit(f.admin, f.receipt())).json().id;
    await f.drain();
    assert.equal((await detail(waiting)).status, 'queued');
    assert.deepEqual(vendorPosts(), [replacement.id], 'nothing left without a vendor key');

    await f.t.services.vendorKeys.set(SYSTEM_ACTOR, {
      state: 'ca',
      environment: 'production',
      key: new Secret(f.metrc.vendorKey('ca')),
    });
    await f.drain();
    assert.equal((await detail(waiting)).status, 'queued', 'the failed license backs off');
    await f.drainLater();
    assert.equal((await detail(waiting)).status, 'sent');
    const original = f.metrc.emulator
      .scenario()
      .vendorKeys.find((k) => k.key === f.metrc.vendorKey('ca'));
    assert.deepEqual(vendorPosts(), [replacement.id, original?.id]);
  });

  it('holds in a state that requires personal keys until the person has one or an admin releases it', async () => {
    const co = await f.call(f.admin, {
      method: 'POST',
      url: '/api/credentials',
      payload: {
        state: 'co',
        kind: 'facility',
        licenseNumbers: [CO_RETAILER],
        apiKey: userKey('co-owner'),
      },
    });
    assert.equal(co.statusCode, 201, co.body);
    const api = f.metrc.client.forKeys({
      state: 'co',
      vendorKey: new Secret(f.metrc.vendorKey('co')),
      userKey: new Secret(userKey('co-owner')),
    });
    const label = (
      await listActivePackages(api, { licenseNumber: CO_RETAILER, pageSize: 20, pageNumber: 1 })
    ).data.find((p) => (p.Quantity ?? 0) >= 10 && p.UnitOfMeasureName === 'Each')?.Label;
    assert.ok(label);
    const sale = (n: string) => ({
      kind: 'sales.receipt.create',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      payload: {
        externalNumber: n,
        lines: [{ packageLabel: label, quantity: 1, unitOfMeasure: 'Each', totalAmount: 5 }],
      },
    });
    const first = (await f.submit(f.staff, sale(`CO-${process.pid}-1`), CO_RETAILER)).json();
    assert.equal(first.status, 'held');
    assert.equal(first.holdReason, 'PERSONAL_KEY_REQUIRED');
    await f.drain();
    assert.equal((await detail(first.id)).status, 'held');

    const staffRelease = await f.call(f.staff, {
      method: 'POST',
      url: `/api/submissions/${first.id}/release`,
    });
    assert.equal(staffRelease.statusCode, 403);
    const released = await f.call(f.admin, {
      method: 'POST',
      url: `/api/submissions/${first.id}/release`,
    });
    assert.equal(released.statusCode, 200, released.body);
    await f.drain();
    const sentReleased = await detail(first.id);
    assert.equal(sentReleased.status, 'sent');
    assert.equal(sentReleased.attribution, 'facility');
    assert.ok(sentReleased.releasedAt);

    const second = (await f.submit(f.staff, sale(`CO-${process.pid}-2`), CO_RETAILER)).json();
    assert.equal(second.status, 'held');
    const own = await f.call(f.admin, {
      method: 'POST',
      url: '/api/credentials',
      payload: {
        state: 'co',
        kind: 'user',
        ownerUserId: f.org.staff.id,
        apiKey: userKey('co-budtender'),
      },
    });
    assert.equal(own.statusCode, 201, own.body);
    await f.drain();
    const sentOwn = await detail(second.id);
    assert.equal(sentOwn.status, 'sent', JSON.stringify(sentOwn));
    assert.equal(sentOwn.attribution, 'own');
    assert.equal(postsBy('co-budtender', CO_RETAILER).length, 1);
  });
});
