import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CA, createOutboxFixture, type OutboxFixture } from '../helpers/outbox-fixture.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('outbox failures: exactly once, retries, step-aside', (ctx) => {
  let f: OutboxFixture;
  before(async () => {
    f = await createOutboxFixture(ctx, 'Outbox Failures');
  });
  after(() => f.close());

  const detail = async (id: number) =>
    (await f.call(f.staff, { method: 'GET', url: `/api/submissions/${id}` })).json();
  const countInMetrc = async (externalNumber: string) =>
    (await f.metrcReceipts()).filter((r) => r.ExternalReceiptNumber === externalNumber).length;
  const numberOf = (body: Record<string, unknown>) =>
    (body.payload as { externalNumber: string }).externalNumber;

  it('reports a receipt exactly once when Metrc commits it and the answer is lost', async () => {
    const fault = f.metrc.emulator.control.addFault({
      kind: 'drop-after-commit',
      state: 'ca',
      path: '/sales/v2/receipts',
      method: 'POST',
      times: 1,
    });
    const body = f.receipt();
    const id = (await f.submit(f.staff, body)).json().id;
    await f.drain();
    const doubtful = await detail(id);
    assert.equal(doubtful.status, 'queued', 'stays at the head after an ambiguous failure');
    assert.equal(doubtful.attempts, 1);
    await f.drainLater();
    const done = await detail(id);
    assert.equal(done.status, 'sent');
    assert.equal(done.attempts, 1, 'found by its external number: never sent again');
    assert.equal(await countInMetrc(numberOf(body)), 1);
    assert.equal(fault.times, 1);
  });

  it('retries 5xx and 429 at the head, in order, and sends each once', async () => {
    f.metrc.emulator.control.addFault({
      kind: 'status',
      status: 503,
      state: 'ca',
      path: '/sales/v2/receipts',
      method: 'POST',
      times: 1,
    });
    const first = f.receipt();
    const second = f.receipt();
    const a = (await f.submit(f.staff, first)).json().id;
    const b = (await f.submit(f.staff, second)).json().id;
    await f.drain();
    assert.equal((await detail(a)).status, 'queued');
    assert.equal((await detail(b)).status, 'queued', 'nothing overtakes the head');
    f.metrc.emulator.control.addFault({
      kind: 'rate-limit',
      state: 'ca',
      path: '/sales/v2/receipts',
      method: 'POST',
      times: 1,
    });
    await f.drainLater();
    await f.drainLater();
    assert.equal((await detail(a)).status, 'sent', JSON.stringify((await detail(a)).lastError));
    assert.equal((await detail(b)).status, 'sent');
    assert.equal(await countInMetrc(numberOf(first)), 1);
    assert.equal(await countInMetrc(numberOf(second)), 1);
    const [ra] = (await f.metrcReceipts()).filter(
      (r) => r.ExternalReceiptNumber === numberOf(first),
    );
    const [rb] = (await f.metrcReceipts()).filter(
      (r) => r.ExternalReceiptNumber === numberOf(second),
    );
    assert.ok((ra?.Id ?? 0) < (rb?.Id ?? 0), 'arrived in order');
  });

  it('steps a rejected receipt aside; others go on, the same package waits behind it', async () => {
    const [p, q] = f.labels;
    assert.ok(p && q, 'two packages to sell from');
    const line = (label: string, quantity: number) => ({
      packageLabel: label,
      quantity,
      unitOfMeasure: 'Each',
      totalAmount: 1,
    });
    const bad = f.receipt();
    (bad.payload as { lines: unknown[] }).lines = [line(p, 1_000_000)];
    const other = f.receipt();
    (other.payload as { lines: unknown[] }).lines = [line(q, 1)];
    const samePackage = f.receipt();
    (samePackage.payload as { lines: unknown[] }).lines = [line(p, 1)];
    const ids = [];
    for (const body of [bad, other, samePackage])
      ids.push((await f.submit(f.staff, body)).json().id);
    await f.drain();
    const [failed, sent, waiting] = await Promise.all(ids.map(detail));
    assert.equal(failed.status, 'failed');
    assert.equal(failed.lastError.code, 'METRC_VALIDATION');
    assert.ok(failed.lastError.rows.length > 0, "Metrc's row messages are kept");
    assert.equal(sent.status, 'sent', 'the license keeps reporting');
    assert.equal(waiting.status, 'queued', 'the same package waits behind the failed receipt');

    // Fix and retry: both go, in order.
    const fixed = structuredClone(bad.payload as Record<string, unknown>);
    (fixed as { lines: unknown[] }).lines = [line(p, 2)];
    const retry = await f.call(f.admin, {
      method: 'POST',
      url: `/api/submissions/${ids[0]}/retry`,
      payload: { payload: fixed },
    });
    assert.equal(retry.statusCode, 200, retry.body);
    await f.drain();
    assert.equal((await detail(ids[0])).status, 'sent');
    assert.equal((await detail(ids[2])).status, 'sent');
    const audit = (await f.call(f.admin, { method: 'GET', url: '/api/audit-events' })).json();
    const actions = audit.events.map((e: { action: string }) => e.action);
    assert.ok(actions.includes('submission.edited'));
    assert.ok(actions.includes('submission.uploaded'));
  });

  it('dismisses a failed submission (audited) and lets what waited go', async () => {
    const [p] = f.labels;
    const bad = f.receipt();
    (bad.payload as { lines: Array<Record<string, unknown>> }).lines[0] = {
      packageLabel: p,
      quantity: 1_000_000,
      unitOfMeasure: 'Each',
      totalAmount: 1,
    };
    const badId = (await f.submit(f.staff, bad)).json().id;
    await f.drain();
    const waitingId = (await f.submit(f.staff, f.receipt())).json().id;
    await f.drain();
    assert.equal((await detail(waitingId)).status, 'queued');
    const staffTry = await f.call(f.staff, {
      method: 'POST',
      url: `/api/submissions/${badId}/dismiss`,
      payload: {},
    });
    assert.equal(staffTry.statusCode, 403);
    const res = await f.call(f.admin, {
      method: 'POST',
      url: `/api/submissions/${badId}/dismiss`,
      payload: { reason: 'entered twice' },
    });
    assert.equal(res.json().status, 'dismissed');
    await f.drain();
    assert.equal((await detail(waitingId)).status, 'sent');
    const list = (
      await f.call(f.staff, {
        method: 'GET',
        url: `/api/submissions?status=dismissed&license=${CA.retailer}`,
      })
    ).json().submissions;
    assert.deepEqual(
      list.map((s: { id: number }) => s.id),
      [badId],
    );
  });

  it('splits a batch on a 400 so only the rejected row fails', async () => {
    const [p, q] = f.labels;
    const bodies = Array.from({ length: 5 }, () => f.receipt());
    const rejected = bodies[3] as { payload: { lines: Array<Record<string, unknown>> } };
    rejected.payload.lines[0] = {
      packageLabel: q,
      quantity: 1_000_000,
      unitOfMeasure: 'Each',
      totalAmount: 1,
    };
    const ids = [];
    for (const body of bodies) ids.push((await f.submit(f.staff, body)).json().id);
    await f.drain();
    const statuses = (await Promise.all(ids.map(detail))).map((d) => d.status);
    assert.deepEqual(statuses, ['sent', 'sent', 'sent', 'failed', 'sent']);
    for (const body of bodies) {
      assert.equal(await countInMetrc(numberOf(body)), body === bodies[3] ? 0 : 1);
    }
    assert.ok(p);
  });
});
