import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  CA,
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { createPlatformAdmin, errorCode, login, type TestSession } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

/** Vendor keys: checked with Metrc, deleted with a confirmation, missing ones explained (issue 10, item 10). */
describeEachDialect('vendor keys', (ctx) => {
  let f: CredentialsFixture;
  let root: TestSession;
  const fingerprintOf = async (state: string) => {
    const res = await f.call(root, { method: 'GET', url: '/api/platform/vendor-keys' });
    return res.json().vendorKeys.find((k: { state: string }) => k.state === state)?.fingerprint as
      | string
      | undefined;
  };
  const retailerSync = async () => {
    const res = await f.call(f.admin, { method: 'GET', url: '/api/licenses' });
    return res.json().licenses.find((l: { number: string }) => l.number === CA.retailer).sync;
  };
  before(async () => {
    f = await createCredentialsFixture(ctx, 'Vendor Co');
    root = await login(f.t.app, await createPlatformAdmin(f.t.services));
    const saved = await f.saveKey({
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer],
      apiKey: f.metrc.userKey('ca-owner'),
    });
    assert.equal(saved.statusCode, 201, saved.body);
  });
  after(() => f.close());

  it('refuses a vendor key Metrc rejects, checked with a stored key of the state', async () => {
    const before = await fingerprintOf('ca');
    const res = await f.call(root, {
      method: 'PUT',
      url: '/api/platform/vendor-keys/ca',
      payload: { apiKey: 'NotTheVendorKeyOfCalifornia0123' },
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(errorCode(res), 'VENDOR_KEY_REJECTED');
    assert.ok(!res.body.includes('NotTheVendorKeyOfCalifornia0123'));
    assert.equal(await fingerprintOf('ca'), before);
  });

  it('saves a vendor key Metrc accepts as verified', async () => {
    const res = await f.call(root, {
      method: 'PUT',
      url: '/api/platform/vendor-keys/ca',
      payload: { apiKey: f.metrc.vendorKey('ca') },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().verified, true);
  });

  it('saves a vendor key of a state with no stored key as unverified, and says so', async () => {
    const res = await f.call(root, {
      method: 'PUT',
      url: '/api/platform/vendor-keys/co',
      payload: { apiKey: f.metrc.vendorKey('co') },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().verified, false);
    assert.match(res.json().message, /unverified/i);
  });

  it('deletes a vendor key only with its fingerprint; its licenses then say why they do not sync', async () => {
    assert.equal((await retailerSync()).syncing, true);
    for (const payload of [{}, { confirm: 'nope' }]) {
      const refused = await f.call(root, {
        method: 'DELETE',
        url: '/api/platform/vendor-keys/ca',
        payload,
      });
      assert.equal(refused.statusCode, 400, refused.body);
      assert.equal(errorCode(refused), 'VENDOR_KEY_DELETE_NOT_CONFIRMED');
    }
    const fingerprint = await fingerprintOf('ca');
    assert.ok(fingerprint);
    const deleted = await f.call(root, {
      method: 'DELETE',
      url: '/api/platform/vendor-keys/ca',
      payload: { confirm: fingerprint },
    });
    assert.equal(deleted.statusCode, 204, deleted.body);
    assert.equal(await fingerprintOf('ca'), undefined);
    const sync = await retailerSync();
    assert.equal(sync.syncing, false);
    assert.match(sync.message, /stopped syncing.*No vendor key is set for CA/);
  });
});
