/**
 * Rule 6 is decided with the keys as they are when each request is planned, even though a drain
 * keeps its routes between requests while nothing they depend on changed (migration 0016): a key
 * saved or removed by someone else while a drain is under way routes the very next request.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createCredentialsRepo } from '../../src/credentials/index.ts';
import type { MetrcClient } from '../../src/metrc/index.ts';
import { createOutboxFixture, type OutboxFixture } from '../helpers/outbox-fixture.ts';
import { describeEachDialect } from '../helpers/test-db.ts';
import { wrapWrites } from '../helpers/test-metrc.ts';

/** The client, with `afterWrite(n)` run after the n-th write (1, 2, …) is answered. */
function hookedClient(client: MetrcClient, afterWrite: (n: number) => Promise<void>): MetrcClient {
  let writes = 0;
  return wrapWrites(client, async (api, request) => {
    const answer = await api.write(request);
    await afterWrite(++writes);
    return answer;
  });
}

describeEachDialect('outbox: keys changed while a drain is under way', (ctx) => {
  let f: OutboxFixture;
  before(async () => {
    // One receipt per request, so each is routed on its own.
    f = await createOutboxFixture(ctx, 'Outbox Route Changes', { settings: { batchSize: 1 } });
  });
  after(() => f.close());

  const detail = async (id: number) =>
    (await f.call(f.admin, { method: 'GET', url: `/api/submissions/${id}` })).json();
  const budtenderKey = () =>
    f.metrc.emulator.scenario().users.find((u) => u.id === 'ca-budtender')?.userKey ?? '';

  it('routes the next request by a key saved, then removed, mid-drain', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await f.submit(f.staff, f.receipt())).json().id);
    let ownKey = { id: 0, fingerprint: '' };
    const client = hookedClient(f.metrc.client, async (n) => {
      if (n === 1) {
        const saved = await f.call(f.admin, {
          method: 'POST',
          url: '/api/credentials',
          payload: {
            state: 'ca',
            kind: 'user',
            ownerUserId: f.org.staff.id,
            apiKey: budtenderKey(),
          },
        });
        assert.equal(saved.statusCode, 201, saved.body);
        ownKey = saved.json();
      }
      if (n === 2) {
        const removed = await f.call(f.admin, {
          method: 'DELETE',
          url: `/api/credentials/${ownKey.id}`,
          payload: { confirm: ownKey.fingerprint },
        });
        assert.ok(removed.statusCode < 300, removed.body);
      }
    });
    const dispatcher = f.t.services.outbox.createDispatcher({
      metrc: client,
      health: f.t.services.credentialHealth,
      random: () => 0.5,
    });
    await dispatcher.runUntilIdle();

    const sent = await Promise.all(ids.map(detail));
    assert.deepEqual(
      sent.map((s) => s.status),
      ['sent', 'sent', 'sent'],
    );
    assert.deepEqual(
      sent.map((s) => s.attribution),
      ['facility', 'own', 'facility'],
      'each request under the keys of its moment',
    );
  });

  it('bumps the routing version with every change rule 6 reads, not when a key is used', async () => {
    const { db } = ctx.database;
    const version = async (scope: number) =>
      (
        await db
          .selectFrom('routing_versions')
          .select('seq')
          .where('scope', '=', scope)
          .executeTakeFirst()
      )?.seq ?? 0;
    const orgId = f.org.id;
    const keyId = f.facilityCredentialId;
    const changes: Array<[string, number, () => Promise<unknown>]> = [
      [
        'a key used',
        0,
        () => createCredentialsRepo(db).touchUsed(orgId, keyId, new Date().toISOString(), '9999'),
      ],
      [
        'a key turned invalid',
        1,
        () =>
          db
            .updateTable('credentials')
            .set({ status: 'invalid' })
            .where('id', '=', keyId)
            .execute(),
      ],
      [
        'a policy set',
        1,
        () =>
          db
            .insertInto('personal_key_policies')
            .values({ organization_id: orgId, state: 'ca', required: 0, updated_at: 'now' })
            .execute(),
      ],
      [
        'a license no longer covered',
        1,
        () => db.deleteFrom('credential_licenses').where('credential_id', '=', keyId).execute(),
      ],
    ];
    for (const [what, bumps, change] of changes) {
      const before = await version(orgId);
      await change();
      assert.equal((await version(orgId)) - before, bumps, what);
    }
    const platform = await version(0);
    await db
      .updateTable('vendor_keys')
      .set({ fingerprint: 'changed' })
      .where('state', '=', 'ca')
      .execute();
    assert.equal((await version(0)) - platform, 1, 'a vendor key changed: every organization');
  });
});
