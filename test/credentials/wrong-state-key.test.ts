import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { errorCode } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

/** A key of another configured state is not a regenerated key (issue 10, item 13). */
describeEachDialect('a key of another state', (ctx) => {
  let f: CredentialsFixture;
  before(async () => {
    f = await createCredentialsFixture(ctx, 'Wrong State Co');
  });
  after(() => f.close());

  it('Verify & Save of a CO key in CA says it belongs to CO, not CA, and saves nothing', async () => {
    const res = await f.saveKey({
      state: 'ca',
      kind: 'user',
      ownerUserId: f.org.admin.id,
      apiKey: f.metrc.userKey('co-owner'),
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(errorCode(res), 'CREDENTIAL_KEY_REJECTED');
    const { diagnosis } = res.json().details;
    assert.equal(diagnosis.code, 'KEY_WRONG_STATE');
    assert.equal(diagnosis.otherState, 'co');
    assert.match(diagnosis.message, /belongs to CO, not CA/);
    assert.doesNotMatch(diagnosis.message, /regenerated/);
    const list = await f.call(f.admin, { method: 'GET', url: '/api/credentials' });
    assert.equal(list.json().credentials.length, 0);
  });

  it('checking a CO key in CA answers the same diagnosis', async () => {
    const res = await f.call(f.admin, {
      method: 'POST',
      url: '/api/credentials/check',
      payload: { state: 'ca', apiKey: f.metrc.userKey('co-owner') },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().keyAccepted, false);
    assert.equal(res.json().diagnosis.code, 'KEY_WRONG_STATE');
  });

  it('a key no configured state accepts is still diagnosed as rejected', async () => {
    const res = await f.saveKey({
      state: 'ca',
      kind: 'user',
      ownerUserId: f.org.admin.id,
      apiKey: 'NotAKeyAnyStateKnows0123456789',
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().details.diagnosis.code, 'KEY_REJECTED');
  });
});
