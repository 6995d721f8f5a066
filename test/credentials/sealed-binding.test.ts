import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import { resealLegacyCredentials } from '../../src/credentials/index.ts';
import { Secret } from '../../src/lib/index.ts';
import {
  CA,
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { createTestOrganization, errorCode, login } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

/** Sealed keys are bound to their organization and row (issue 10, item 7; ADR 0013). */
describeEachDialect('sealed keys stay with their organization', (ctx) => {
  let f: CredentialsFixture;
  before(async () => {
    f = await createCredentialsFixture(ctx, 'Bound Co');
  });
  after(() => f.close());

  it('refuses a sealed key copied into another organization’s row', async () => {
    const mine = await f.saveKey({
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer],
      apiKey: f.metrc.userKey('ca-owner'),
    });
    assert.equal(mine.statusCode, 201, mine.body);
    const other = await createTestOrganization(f.t.services, 'Thief Co');
    const thief = await login(f.t.app, other.admin);
    const theirs = await f.call(thief, {
      method: 'POST',
      url: '/api/credentials',
      payload: { state: 'ca', kind: 'user', apiKey: f.metrc.userKey('ca-grower') },
    });
    assert.equal(theirs.statusCode, 201, theirs.body);
    const { db } = ctx.database;
    const source = await db
      .selectFrom('credentials')
      .select(['secret_ref', 'sealed_key'])
      .where('id', '=', mine.json().id)
      .executeTakeFirstOrThrow();
    assert.match(source.secret_ref, new RegExp(`^credential:org-${f.org.id}:`));
    // Someone with write access to the database moves the sealed key (the ref must stay unique).
    await db
      .updateTable('credentials')
      .set({
        secret_ref: `${source.secret_ref.replace(`org-${f.org.id}`, `org-${other.id}`)}`,
        sealed_key: source.sealed_key,
      })
      .where('id', '=', theirs.json().id)
      .execute();
    const moved = await f.call(thief, {
      method: 'POST',
      url: `/api/credentials/${theirs.json().id}/verify`,
    });
    assert.notEqual(moved.statusCode, 200, 'the moved key must not open');
    assert.ok(moved.statusCode < 500 || errorCode(moved) === 'VAULT_DECRYPT_FAILED', moved.body);
    await db
      .updateTable('credentials')
      .set({
        secret_ref: `credential:org-${f.org.id}:${randomUUID()}`,
        sealed_key: source.sealed_key,
      })
      .where('id', '=', theirs.json().id)
      .execute();
    const claimed = await f.call(thief, {
      method: 'POST',
      url: `/api/credentials/${theirs.json().id}/verify`,
    });
    assert.equal(claimed.statusCode, 409, claimed.body);
    assert.equal(errorCode(claimed), 'CREDENTIAL_KEY_MISBOUND');
  });

  it('re-seals rows sealed before the binding, once the vault is open', async () => {
    const { db } = ctx.database;
    const vault = f.t.services.vault;
    const row = await db
      .selectFrom('credentials')
      .select(['id', 'organization_id', 'secret_ref'])
      .where('organization_id', '=', f.org.id)
      .executeTakeFirstOrThrow();
    const legacyRef = `credential:${randomUUID()}`;
    const sealed = await vault.seal(legacyRef, new Secret(f.metrc.userKey('ca-owner')));
    await db
      .updateTable('credentials')
      .set({ secret_ref: legacyRef, sealed_key: sealed })
      .where('id', '=', row.id)
      .execute();
    assert.ok((await resealLegacyCredentials({ db, vault })) >= 1);
    const after = await db
      .selectFrom('credentials')
      .select('secret_ref')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.match(after.secret_ref, new RegExp(`^credential:org-${f.org.id}:`));
    const keys = await db
      .selectFrom('vault_data_keys')
      .select('ref')
      .where('ref', '=', legacyRef)
      .execute();
    assert.deepEqual(keys, [], 'the legacy data key is destroyed');
    const verified = await f.call(f.manager, {
      method: 'POST',
      url: `/api/credentials/${row.id}/verify`,
    });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().status, 'valid');
  });
});
