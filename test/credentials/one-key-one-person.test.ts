import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, it } from 'node:test';
import { hashCredentialKeys } from '../../src/credentials/index.ts';
import {
  CA,
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { errorCode } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

/** One key, one person (issue 10, item 11). */
describeEachDialect('one key, one person', (ctx) => {
  let f: CredentialsFixture;
  let personal: number;
  let facility: number;
  before(async () => {
    f = await createCredentialsFixture(ctx, 'One Key Co');
  });
  after(() => f.close());

  it("refuses a person's key as another person's personal key, naming no key", async () => {
    const key = f.metrc.userKey('ca-owner');
    const mine = await f.saveKey({
      state: 'ca',
      kind: 'user',
      ownerUserId: f.org.admin.id,
      apiKey: key,
    });
    assert.equal(mine.statusCode, 201, mine.body);
    personal = mine.json().id;
    const theirs = await f.saveKey({
      state: 'ca',
      kind: 'user',
      ownerUserId: f.org.manager.id,
      apiKey: key,
    });
    assert.equal(theirs.statusCode, 409, theirs.body);
    assert.equal(errorCode(theirs), 'CREDENTIAL_KEY_OTHER_PERSON');
    assert.equal(theirs.json().details.credentialId, personal);
    assert.ok(!theirs.body.includes(key), 'the key never appears in an error');
    const list = await f.call(f.admin, { method: 'GET', url: '/api/credentials' });
    const users = list.json().credentials.filter((c: { kind: string }) => c.kind === 'user');
    assert.equal(users.length, 1);
  });

  it('stores a keyed hash, not a plain one', async () => {
    const row = await ctx.database.db
      .selectFrom('credentials')
      .select('key_hash')
      .where('id', '=', personal)
      .executeTakeFirstOrThrow();
    const key = f.metrc.userKey('ca-owner');
    assert.match(row.key_hash ?? '', /^v\d+:[0-9a-f]{64}$/);
    assert.ok(!row.key_hash?.includes(createHash('sha256').update(key).digest('hex')));
  });

  it("saves a facility key that is also its owner's personal key, and says so", async () => {
    const res = await f.saveKey({
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer],
      apiKey: f.metrc.userKey('ca-owner'),
    });
    assert.equal(res.statusCode, 201, res.body);
    facility = res.json().id;
    assert.deepEqual(res.json().sameKeyAs, [
      { id: personal, kind: 'user', ownerUserId: f.org.admin.id },
    ]);
  });

  it('never saves one key as two facility credentials: add the licenses to the one that exists', async () => {
    const res = await f.saveKey({
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.cultivator],
      apiKey: f.metrc.userKey('ca-owner'),
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(errorCode(res), 'CREDENTIAL_FACILITY_KEY_EXISTS');
    assert.equal(res.json().details.credentialId, facility);
    assert.match(res.json().message, /add the licenses to the one that exists/i);
  });

  it('replacing a regenerated key once replaces it everywhere the old key was used', async () => {
    const fresh = f.metrc.emulator.control.regenerateUserKey('ca-owner');
    const newKey = f.metrc.userKey('ca-owner');
    assert.ok(fresh);
    const res = await f.call(f.admin, {
      method: 'PATCH',
      url: `/api/credentials/${facility}`,
      payload: { apiKey: newKey },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().fingerprint, `…${newKey.slice(-4)}`);
    const mine = await f.call(f.admin, { method: 'GET', url: `/api/credentials/${personal}` });
    assert.equal(mine.json().fingerprint, `…${newKey.slice(-4)}`);
    const verified = await f.call(f.admin, {
      method: 'POST',
      url: `/api/credentials/${personal}/verify`,
    });
    assert.equal(verified.json().status, 'valid', verified.body);
  });

  it('computes missing hashes when the vault opens, so old rows are covered too', async () => {
    const before = await ctx.database.db
      .selectFrom('credentials')
      .select(['id', 'key_hash'])
      .where('id', 'in', [personal, facility])
      .orderBy('id')
      .execute();
    await ctx.database.db
      .updateTable('credentials')
      .set({ key_hash: null })
      .where('id', 'in', [personal, facility])
      .execute();
    assert.ok((await hashCredentialKeys({ db: ctx.database.db, vault: f.t.services.vault })) >= 2);
    const afterRows = await ctx.database.db
      .selectFrom('credentials')
      .select(['id', 'key_hash'])
      .where('id', 'in', [personal, facility])
      .orderBy('id')
      .execute();
    assert.deepEqual(afterRows, before);
  });
});
