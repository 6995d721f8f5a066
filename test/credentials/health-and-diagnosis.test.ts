import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  CA,
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { errorCode } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('key health and diagnosis (rules 8, 9)', (ctx) => {
  let f: CredentialsFixture;
  let facilityId: number;
  let personalId: number;

  before(async () => {
    f = await createCredentialsFixture(ctx, 'Health Co');
    const facility = await f.saveKey({
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer, CA.cultivator],
      apiKey: f.metrc.userKey('ca-owner'),
    });
    facilityId = facility.json().id;
    const personal = await f.saveKey({
      state: 'ca',
      kind: 'user',
      ownerUserId: f.org.staff.id,
      apiKey: f.metrc.userKey('ca-grower'),
    });
    assert.equal(personal.statusCode, 201, personal.body);
    personalId = personal.json().id;
  });
  after(() => f.close());

  const verify = (id: number) =>
    f.call(f.manager, { method: 'POST', url: `/api/credentials/${id}/verify` });
  const licenseSync = async (number: string) =>
    (await f.call(f.staff, { method: 'GET', url: '/api/licenses' }))
      .json()
      .licenses.find((l: { number: string }) => l.number === number).sync;

  it('diagnoses a regenerated key as rejected outright, stops syncing, and says so', async () => {
    f.metrc.emulator.control.regenerateUserKey('ca-owner');
    const res = await verify(facilityId);
    assert.equal(res.statusCode, 200);
    const credential = res.json();
    assert.equal(credential.status, 'invalid');
    assert.equal(credential.statusReason, 'KEY_REJECTED');
    assert.match(credential.diagnosis.message, /regenerated/);
    const sync = await licenseSync(CA.retailer);
    assert.equal(sync.syncing, false);
    assert.match(sync.message, /^We've stopped syncing with the state\. Metrc rejects this key/);
  });

  it('resumes when a valid key is entered, replacing the old one everywhere it was used (rules 5, 8)', async () => {
    const before = (
      await f.call(f.admin, { method: 'GET', url: `/api/credentials/${facilityId}` })
    ).json();
    const newKey =
      f.metrc.emulator.scenario().users.find((u) => u.id === 'ca-owner')?.userKey ?? '';
    const res = await f.call(f.admin, {
      method: 'PATCH',
      url: `/api/credentials/${facilityId}`,
      payload: { apiKey: newKey },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'valid');
    assert.notEqual(res.json().fingerprint, before.fingerprint);
    assert.equal(res.json().keyAgeDays, 0, 'a new key starts a new year');
    assert.equal((await licenseSync(CA.cultivator)).syncing, true);
    const dataKeys = await ctx.database.db
      .selectFrom('vault_data_keys')
      .select('ref')
      .where('ref', 'like', 'credential:%')
      .execute();
    assert.equal(dataKeys.length, 2, 'the replaced key was destroyed');
  });

  it('names a license the key owner lost access to', async () => {
    f.metrc.emulator.control.removeEmployee(CA.cultivator, 'ca-owner');
    try {
      const credential = (await verify(facilityId)).json();
      assert.equal(credential.status, 'invalid');
      assert.equal(credential.statusReason, 'LICENSE_ACCESS_REMOVED');
      assert.deepEqual(credential.diagnosis.licenses, [CA.cultivator]);
      assert.match(
        credential.diagnosis.message,
        /no longer gives its owner access to CCL18-0000101/,
      );
    } finally {
      f.metrc.emulator.control.setEmployee({
        license: CA.cultivator,
        userId: 'ca-owner',
        isOwner: true,
      });
    }
    assert.equal((await verify(facilityId)).json().status, 'valid');
  });

  it('tells a lost permission from a license type that lacks the section', async () => {
    const missing = async () =>
      ((await verify(personalId)).json().diagnosis?.sections ?? []).map(
        (s: { section: string }) => s.section,
      );
    const before: string[] = await missing();
    assert.ok(!before.includes('Harvests'));
    assert.ok(!before.includes('Sales'), 'a cultivator lacks Sales: not expected, not missing');
    f.metrc.emulator.control.setPermissions({
      license: CA.cultivator,
      userId: 'ca-grower',
      remove: ['View Harvests', 'Manage Harvests'],
    });
    const credential = (await verify(personalId)).json();
    assert.equal(credential.status, 'valid', 'the key still works');
    assert.equal(credential.statusReason, 'PERMISSION_MISSING');
    const after: string[] = credential.diagnosis.sections.map(
      (s: { section: string }) => s.section,
    );
    assert.deepEqual(
      after.filter((s) => !before.includes(s)),
      ['Harvests'],
    );
  });

  it('calls a year-old rejected key expired', async () => {
    await ctx.database.db
      .updateTable('credentials')
      .set({ key_first_seen_at: '2025-01-01T00:00:00.000Z' })
      .where('id', '=', personalId)
      .execute();
    const listed = (
      await f.call(f.admin, { method: 'GET', url: `/api/credentials/${personalId}` })
    ).json();
    assert.equal(listed.expiresSoon, true, 'warned from day 330');
    f.metrc.emulator.control.expireUserKey('ca-grower');
    const credential = (await verify(personalId)).json();
    assert.equal(credential.status, 'expired');
    assert.equal(credential.statusReason, 'KEY_LIKELY_EXPIRED');
  });

  it('records each status change in the audit log, with who and why (rule 10)', async () => {
    const events = (
      await f.call(f.admin, { method: 'GET', url: '/api/audit-events?limit=200' })
    ).json().events;
    const changes = events.filter(
      (e: { action: string }) => e.action === 'credential.status_changed',
    );
    assert.ok(
      changes.some(
        (e: { details: { to: string; reason: string } }) => e.details.reason === 'KEY_REJECTED',
      ),
    );
    assert.ok(changes.some((e: { details: { to: string } }) => e.details.to === 'expired'));
    const added = events.find((e: { action: string }) => e.action === 'credential.added');
    assert.equal(added.actorUserId, f.org.admin.id);
  });

  it('re-verifies due keys on schedule and at once when a 401 is seen elsewhere', async () => {
    const health = f.t.services.credentialHealth;
    const fresh = await health.runDue();
    assert.equal(fresh.checked, 0, 'just verified: nothing due');
    await ctx.database.db
      .updateTable('credentials')
      .set({ last_verified_at: '2020-01-01T00:00:00.000Z' })
      .execute();
    const stopping = new AbortController();
    stopping.abort();
    const stopped = await health.runDue({ signal: stopping.signal });
    assert.equal(stopped.checked, 0, 'told to stop (shutdown): checks nothing more');
    const due = await health.runDue();
    assert.equal(due.checked, 2, 'what a stopped pass left is still due');
    f.metrc.emulator.control.regenerateUserKey('ca-owner');
    const skipped = await health.reportUnauthorized(f.org.id, facilityId);
    assert.equal(skipped?.status, 'valid', 'checked under a minute ago: not hammered');
    await ctx.database.db
      .updateTable('credentials')
      .set({ last_verified_at: '2020-01-01T00:00:00.000Z' })
      .execute();
    const rechecked = await health.reportUnauthorized(f.org.id, facilityId);
    assert.equal(rechecked?.status, 'invalid');
  });

  it('deletes a key only with its fingerprint as confirmation, and destroys it (rule 2)', async () => {
    const credential = (
      await f.call(f.admin, { method: 'GET', url: `/api/credentials/${personalId}` })
    ).json();
    const unconfirmed = await f.call(f.admin, {
      method: 'DELETE',
      url: `/api/credentials/${personalId}`,
      payload: {},
    });
    assert.equal(errorCode(unconfirmed), 'CREDENTIAL_DELETE_NOT_CONFIRMED');
    const deleted = await f.call(f.admin, {
      method: 'DELETE',
      url: `/api/credentials/${personalId}`,
      payload: { confirm: credential.fingerprint },
    });
    assert.equal(deleted.statusCode, 204);
    const gone = await f.call(f.admin, { method: 'GET', url: `/api/credentials/${personalId}` });
    assert.equal(gone.statusCode, 404);
    const rows = await ctx.database.db
      .selectFrom('vault_data_keys')
      .selectAll()
      .where('ref', 'like', 'credential:%')
      .execute();
    assert.equal(rows.length, 1, 'only the facility key remains sealed');
  });
});
