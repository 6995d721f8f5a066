/**
 * A worker that dies with a request out at Metrc: the request is recorded on the lease before it
 * leaves, so whoever takes the lease next treats its rows as in doubt and looks each one up
 * before sending it again. Metrc ends with every receipt exactly once, whether the request
 * landed or never left.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import type { MetrcClient } from '../../src/metrc/index.ts';
import { createOutboxFixture, type OutboxFixture } from '../helpers/outbox-fixture.ts';
import { describeEachDialect } from '../helpers/test-db.ts';
import { wrapWrites } from '../helpers/test-metrc.ts';

/** A client whose writes hang after reaching Metrc (`landed`) or before (`lost`). */
function dyingClient(client: MetrcClient, when: 'landed' | 'lost') {
  let die: (error: Error) => void = () => {};
  const dead = new Promise<never>((_, reject) => {
    die = reject;
  });
  dead.catch(() => {});
  const wrapped = wrapWrites(client, async (api, request) => {
    if (when === 'landed') await api.write(request);
    return dead;
  });
  return { client: wrapped, die: () => die(new Error('worker died')) };
}

describeEachDialect('outbox: a worker dies with a request out at Metrc', (ctx) => {
  let f: OutboxFixture;
  before(async () => {
    f = await createOutboxFixture(ctx, 'Outbox Worker Death');
  });
  after(() => f.close());

  const detail = async (id: number) =>
    (await f.call(f.staff, { method: 'GET', url: `/api/submissions/${id}` })).json();
  const numberOf = (body: Record<string, unknown>) =>
    (body.payload as { externalNumber: string }).externalNumber;

  for (const when of ['landed', 'lost'] as const) {
    it(`reports each receipt once when the request ${when === 'landed' ? 'landed' : 'never left'}`, async () => {
      const bodies = [f.receipt(), f.receipt(), f.receipt()];
      const ids: number[] = [];
      for (const body of bodies) ids.push((await f.submit(f.staff, body)).json().id);

      const dying = dyingClient(f.metrc.client, when);
      const doomed = f.t.services.outbox.createDispatcher({
        metrc: dying.client,
        health: f.t.services.credentialHealth,
        owner: 'doomed-worker',
      });
      const stuck = doomed.runUntilIdle();
      // The request is out: its rows are on the lease, not yet settled.
      const db = ctx.database.db;
      let inFlight: string | null = null;
      // Bounded by time, not by turns: on a loaded machine the doomed worker's key-file check
      // (a thread-pool `stat`) can take many turns of this loop.
      for (const until = Date.now() + 10_000; !inFlight && Date.now() < until; ) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        const row = await db
          .selectFrom('license_leases')
          .select('in_flight')
          .where('lease_owner', '=', 'doomed-worker')
          .executeTakeFirst();
        inFlight = row?.in_flight ?? null;
      }
      assert.ok(inFlight, 'the request is recorded on the lease before it leaves');
      assert.deepEqual((JSON.parse(inFlight) as { ids: number[] }).ids, ids);
      assert.equal((await detail(ids[0] ?? 0)).status, 'sending', 'shown as sending meanwhile');
      const listed = async (status: string) =>
        (
          await f.call(f.staff, { method: 'GET', url: `/api/submissions?status=${status}` })
        ).json() as { submissions: Array<{ id: number }> };
      const idsOf = (body: Awaited<ReturnType<typeof listed>>) =>
        body.submissions.map((s) => s.id).sort((a, b) => a - b);
      assert.deepEqual(idsOf(await listed('sending')), ids);
      assert.deepEqual(idsOf(await listed('queued')), []);

      // The worker is gone: its lease runs out (the database's clock on PostgreSQL, so the
      // expiry is written rather than waited for) and another worker takes the license.
      await sql`update license_leases set lease_expires_at = '2000-01-01T00:00:00.000Z'
        where lease_owner = 'doomed-worker'`.execute(db);
      await f.drain();

      const metrc = await f.metrcReceipts();
      for (const [index, body] of bodies.entries()) {
        const found = metrc.filter((r) => r.ExternalReceiptNumber === numberOf(body));
        assert.equal(found.length, 1, `receipt ${index} is in Metrc exactly once`);
        const row = await detail(ids[index] ?? 0);
        assert.equal(row.status, 'sent');
        assert.equal(row.attempts, when === 'landed' ? 1 : 2, 'the lost request counts');
      }
      const lease = await db
        .selectFrom('license_leases')
        .select('in_flight')
        .where('in_flight', 'is not', null)
        .execute();
      assert.deepEqual(lease, [], 'nothing is left in flight');
      const audit = await db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'submission.reconciled')
        .execute();
      if (when === 'landed') assert.ok(audit.length >= 3, 'found by lookup, not sent again');

      // The doomed worker's socket finally fails: it has lost the lease and changes nothing.
      dying.die();
      await stuck;
      await doomed.stop();
      for (const id of ids) assert.equal((await detail(id)).status, 'sent');
    });
  }
});
