import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  CA,
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { errorCode } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

/** Keys as people paste them (issue 10, item 12). */
describeEachDialect('pasted keys', (ctx) => {
  let f: CredentialsFixture;
  before(async () => {
    f = await createCredentialsFixture(ctx, 'Paste Co');
  });
  after(() => f.close());

  it('saves a key pasted with spaces and a line break around it, trimmed', async () => {
    const key = f.metrc.userKey('ca-owner');
    const res = await f.saveKey({
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer],
      apiKey: `  ${key}\r\n`,
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().fingerprint, `…${key.slice(-4)}`);
    // The stored key is the trimmed one: re-verifying it works.
    const again = await f.call(f.manager, {
      method: 'POST',
      url: `/api/credentials/${res.json().id}/verify`,
    });
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().status, 'valid');
  });

  it('refuses two things pasted at once with CREDENTIAL_KEY_HAS_WHITESPACE, saving nothing', async () => {
    const before = (await f.call(f.admin, { method: 'GET', url: '/api/credentials' })).json();
    const res = await f.saveKey({
      state: 'ca',
      kind: 'user',
      ownerUserId: f.org.admin.id,
      apiKey: `${f.metrc.userKey('ca-manager')}\n${f.metrc.userKey('ca-budtender')}`,
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(errorCode(res), 'CREDENTIAL_KEY_HAS_WHITESPACE');
    const after = (await f.call(f.admin, { method: 'GET', url: '/api/credentials' })).json();
    assert.equal(after.credentials.length, before.credentials.length);
  });
});
