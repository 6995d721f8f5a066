import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CA, createOutboxFixture, type OutboxFixture } from '../helpers/outbox-fixture.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

// An API token naming its actor by user id reads license, member and rule-6 policy in one
// statement (ADR 0017): each of them must still be read fresh on every request.
describeEachDialect('outbox: what an API token submission reads, fresh each time', (ctx) => {
  let f: OutboxFixture;
  let post: (body: Record<string, unknown>, license?: string) => ReturnType<OutboxFixture['call']>;
  before(async () => {
    f = await createOutboxFixture(ctx, 'Token Reads');
    const admin = {
      organizationId: f.org.id,
      role: 'admin' as const,
      userId: f.org.admin.id,
      tokenId: null,
    };
    const { token } = await f.t.services.apiTokens.create(admin, { name: 'pos', role: 'staff' });
    post = (body, license = CA.retailer) =>
      f.t.app.inject({
        method: 'POST',
        url: `/api/licenses/${license}/submissions`,
        headers: { authorization: `Bearer ${token}` },
        payload: body,
      });
  });
  after(() => f.close());

  const asStaff = () => f.receipt({ actor: { userId: f.org.staff.id } });

  it('accepts a member by user id, with the license number in any case', async () => {
    const res = await post(asStaff(), CA.retailer.toLowerCase());
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(res.json().actorUserId, f.org.staff.id);
    assert.equal(res.json().status, 'queued');
  });

  it('refuses an unknown license before an unknown actor', async () => {
    const res = await post(f.receipt({ actor: { userId: 987_654 } }), 'C10-0000000-NOPE');
    assert.equal(res.json().code, 'OUTBOX_LICENSE_UNKNOWN', res.body);
    const actor = await post(f.receipt({ actor: { userId: 987_654 } }));
    assert.equal(actor.statusCode, 422);
    assert.equal(actor.json().code, 'OUTBOX_ACTOR_UNKNOWN');
  });

  it('refuses a user id whose externalRef is not the one given', async () => {
    const res = await post(f.receipt({ actor: { userId: f.org.staff.id, externalRef: 'X-1' } }));
    assert.equal(res.json().code, 'OUTBOX_ACTOR_UNKNOWN', res.body);
  });

  it("follows the state's stored rule-6 policy on the very next request", async () => {
    const setPolicy = async (required: boolean) => {
      const res = await f.call(f.admin, {
        method: 'PUT',
        url: '/api/personal-key-policies/ca',
        payload: { required },
      });
      assert.equal(res.statusCode, 200, res.body);
    };
    await setPolicy(true);
    const held = (await post(asStaff())).json();
    assert.equal(held.status, 'held');
    assert.equal(held.holdReason, 'PERSONAL_KEY_REQUIRED');
    await setPolicy(false);
    assert.equal((await post(asStaff())).json().status, 'queued');
    await f.call(f.admin, { method: 'POST', url: `/api/submissions/${held.id}/dismiss` });
  });

  it('refuses a removed member on the very next request', async () => {
    assert.equal((await post(asStaff())).statusCode, 202);
    const removed = await f.call(f.admin, {
      method: 'DELETE',
      url: `/api/users/${f.org.staff.id}`,
    });
    assert.ok(removed.statusCode < 300, removed.body);
    const res = await post(asStaff());
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().code, 'OUTBOX_ACTOR_UNKNOWN');
  });
});
