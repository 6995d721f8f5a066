import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { toTimestamp } from '../../src/lib/index.ts';
import { KEY_TOUCH_INTERVAL_MS, metrcLocalDateTime } from '../../src/outbox/index.ts';
import { CA, createOutboxFixture, type OutboxFixture } from '../helpers/outbox-fixture.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('outbox basics: accept, send once, original time, attribution', (ctx) => {
  let f: OutboxFixture;
  before(async () => {
    f = await createOutboxFixture(ctx, 'Outbox Basics');
  });
  after(() => f.close());

  it('accepts a receipt at once, then reports it once with its original, facility-local time', async () => {
    const occurredAt = new Date(f.clock.now().getTime() - 3 * 3_600_000);
    const body = f.receipt({ occurredAt: occurredAt.toISOString() });
    const res = await f.submit(f.staff, body);
    assert.equal(res.statusCode, 202, res.body);
    const accepted = res.json();
    assert.equal(accepted.status, 'queued');
    assert.equal(accepted.actorUserId, f.org.staff.id);

    await f.drain();
    const detail = (
      await f.call(f.staff, { method: 'GET', url: `/api/submissions/${accepted.id}` })
    ).json();
    assert.equal(detail.status, 'sent', JSON.stringify(detail.lastError));
    assert.equal(detail.attribution, 'facility');
    assert.equal(detail.attributed, false, 'no own key: facility key, marked not attributed');
    assert.ok(detail.keyFingerprint);
    assert.equal(detail.metrcIds.length, 1);

    const receipts = (await f.metrcReceipts()).filter(
      (r) =>
        r.ExternalReceiptNumber === (body.payload as { externalNumber: string }).externalNumber,
    );
    assert.equal(receipts.length, 1);
    assert.equal(
      receipts[0]?.SalesDateTime?.slice(0, 19),
      metrcLocalDateTime(occurredAt, 'America/Los_Angeles'),
    );
    const credential = (
      await f.call(f.admin, { method: 'GET', url: `/api/credentials/${f.facilityCredentialId}` })
    ).json();
    assert.ok(credential.lastUsedAt, 'credentials.lastUsedAt is set');
  });

  it("stamps the key's last use at most once a minute, however many uploads", async () => {
    const lastUsedAt = async () =>
      (
        await f.call(f.admin, { method: 'GET', url: `/api/credentials/${f.facilityCredentialId}` })
      ).json().lastUsedAt as string | null;
    const upload = async () => {
      const res = await f.submit(f.staff, f.receipt());
      assert.equal(res.statusCode, 202, res.body);
      await f.drain();
    };
    f.clock.advance(KEY_TOUCH_INTERVAL_MS);
    await upload();
    const first = await lastUsedAt();
    assert.equal(first, f.clock.now().toISOString(), 'stamped when it had not been for a minute');
    f.clock.advance(KEY_TOUCH_INTERVAL_MS / 2);
    await upload();
    assert.equal(await lastUsedAt(), first, 'within the minute: not written again');
    f.clock.advance(KEY_TOUCH_INTERVAL_MS / 2);
    await upload();
    assert.equal(await lastUsedAt(), f.clock.now().toISOString(), 'a minute on: stamped again');
  });

  it('names the field of a bad payload, and queues nothing', async () => {
    const res = await f.submit(f.staff, {
      kind: 'sales.receipt.create',
      payload: {
        lines: [{ packageLabel: f.labels[0], quantity: -1, unitOfMeasure: 'Each', totalAmount: 1 }],
      },
    });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().code, 'OUTBOX_PAYLOAD_INVALID');
    assert.deepEqual(
      res.json().details.issues.map((i: { field: string }) => i.field),
      ['lines.0.quantity'],
    );
    const unknown = await f.submit(f.staff, { kind: 'sales.receipt.teleport', payload: {} });
    assert.equal(unknown.json().code, 'OUTBOX_KIND_UNKNOWN');
  });

  it('refuses an action the license type cannot do', async () => {
    const res = await f.submit(f.staff, f.receipt(), CA.cultivator);
    // The cultivator is not assigned to this organization's key, but exists only if Verify & Save added it.
    assert.ok([404, 422].includes(res.statusCode), res.body);
  });

  it('requires an API token to name a known actor, never the token owner', async () => {
    const admin = {
      organizationId: f.org.id,
      role: 'admin' as const,
      userId: f.org.admin.id,
      tokenId: null,
    };
    const { token } = await f.t.services.apiTokens.create(admin, { name: 'pos', role: 'staff' });
    const headers = { authorization: `Bearer ${token}` };
    const post = (body: Record<string, unknown>) =>
      f.t.app.inject({
        method: 'POST',
        url: `/api/licenses/${CA.retailer}/submissions`,
        headers,
        payload: body,
      });
    assert.equal((await post(f.receipt())).json().code, 'OUTBOX_ACTOR_REQUIRED');
    const unknown = await post(f.receipt({ actor: { externalRef: 'nobody' } }));
    assert.equal(unknown.statusCode, 422);
    assert.equal(unknown.json().code, 'OUTBOX_ACTOR_UNKNOWN');
    const set = await f.call(f.admin, {
      method: 'PUT',
      url: `/api/users/${f.org.staff.id}/external-ref`,
      payload: { externalRef: 'POS-CASHIER-7' },
    });
    assert.equal(set.statusCode, 200, set.body);
    const byRef = await post(f.receipt({ actor: { externalRef: 'POS-CASHIER-7' } }));
    assert.equal(byRef.statusCode, 202, byRef.body);
    assert.equal(byRef.json().actorUserId, f.org.staff.id);
    const byId = await post(f.receipt({ actor: { userId: f.org.admin.id } }));
    assert.equal(byId.json().actorUserId, f.org.admin.id);
    await f.drain();
  });

  it('shows queue depth and oldest unsent age on the licenses API', async () => {
    await f.submit(f.staff, f.receipt());
    const licenses = (await f.call(f.staff, { method: 'GET', url: '/api/licenses' })).json()
      .licenses;
    const retailer = licenses.find((l: { number: string }) => l.number === CA.retailer);
    assert.equal(retailer.outbox.depth, 1);
    assert.equal(retailer.outbox.paused, false);
    assert.equal(typeof retailer.outbox.oldestUnsentAgeSeconds, 'number');
    await f.drain();
    const after = (await f.call(f.staff, { method: 'GET', url: '/api/licenses' })).json().licenses;
    assert.equal(after.find((l: { number: string }) => l.number === CA.retailer).outbox.depth, 0);
  });

  it("lists overdue submissions by the server's overdue age, the one the alert uses", async () => {
    const queued = (await f.submit(f.staff, f.receipt())).json();
    const overdue = async () => {
      const res = await f.call(f.staff, { method: 'GET', url: '/api/submissions?overdue=true' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { submissions: Array<{ id: number }>; overdueAfterMs: number };
      return { ids: body.submissions.map((s) => s.id), overdueAfterMs: body.overdueAfterMs };
    };
    const fresh = await overdue();
    assert.equal(fresh.overdueAfterMs, 24 * 3_600_000, 'OUTBOX_OVERDUE_HOURS default');
    assert.equal(fresh.ids.includes(queued.id), false, 'just queued: not overdue');
    // Recorded a day and a second ago (moving the clock a day would end the staff session).
    await ctx.database.db
      .updateTable('submissions')
      .set({
        created_at: toTimestamp(new Date(f.clock.now().getTime() - fresh.overdueAfterMs - 1000)),
      })
      .where('id', '=', queued.id)
      .execute();
    assert.deepEqual((await overdue()).ids, [queued.id]);
    await f.drain();
    assert.deepEqual((await overdue()).ids, [], 'sent: no longer overdue');
  });
});
