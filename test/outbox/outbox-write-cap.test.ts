import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { writeCapKey } from '../../src/outbox/write-cap.ts';
import { createOutboxFixture, type OutboxFixture } from '../helpers/outbox-fixture.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('outbox write cap: a batch with no slot sends nothing', (ctx) => {
  let f: OutboxFixture;
  before(async () => {
    f = await createOutboxFixture(ctx, 'Outbox Write Cap', {
      settings: { writeCapPerVendorKey: 1, writeCapMaxWaitMs: 50 },
    });
  });
  after(() => f.close());

  it('waits, counts no attempt and leaves nothing in flight, then sends once a slot is free', async () => {
    // Another process holds the vendor key's only slot.
    const store = f.metrc.client.limiter.store;
    const taken = await store.tryAcquire(
      [
        {
          key: writeCapKey(f.ownerApi().vendorKeyId),
          ratePerSecond: 0,
          burst: 1,
          maxInFlight: 1,
        },
      ],
      60_000,
    );
    assert.ok(taken.granted);
    const body = f.receipt();
    const id = (await f.submit(f.staff, body)).json().id;
    await f.drain();

    const waiting = (
      await f.call(f.staff, { method: 'GET', url: `/api/submissions/${id}` })
    ).json();
    assert.equal(waiting.status, 'queued');
    assert.equal(waiting.attempts, 0, 'nothing was sent: no attempt counted');
    assert.equal(waiting.lastError?.code, 'OUTBOX_WRITE_CAP_WAIT');
    const lease = await ctx.database.db
      .selectFrom('license_leases')
      .select('in_flight')
      .where('organization_id', '=', f.org.id)
      .executeTakeFirstOrThrow();
    assert.equal(lease.in_flight, null, 'the request recorded before the wait is cleared');

    await store.release(taken.permit);
    await f.drainLater();
    const sent = (await f.call(f.staff, { method: 'GET', url: `/api/submissions/${id}` })).json();
    assert.equal(sent.status, 'sent');
    assert.equal(sent.attempts, 1);
    const number = (body.payload as { externalNumber: string }).externalNumber;
    const inMetrc = (await f.metrcReceipts()).filter((r) => r.ExternalReceiptNumber === number);
    assert.equal(inMetrc.length, 1);
  });
});
