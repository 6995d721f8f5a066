import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { unwrapDataKey } from '../../src/vault/envelope-crypto.ts';
import { parseWrapped } from '../../src/vault/envelope-format.ts';
import { parseKeyringFile } from '../../src/vault/keyring-format.ts';
import {
  CA,
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('tracegate vault rotate with saved credentials', (ctx) => {
  let f: CredentialsFixture;
  let ids: number[];

  before(async () => {
    f = await createCredentialsFixture(ctx, 'Rotate Co');
    const facility = await f.saveKey({
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer],
      apiKey: f.metrc.userKey('ca-owner'),
    });
    const personal = await f.saveKey({
      state: 'ca',
      kind: 'user',
      ownerUserId: f.org.staff.id,
      apiKey: f.metrc.userKey('ca-budtender'),
    });
    ids = [facility.json().id, personal.json().id];
  });
  after(() => f.close());

  it('re-wraps every key under a new master key while the server runs; the old key opens none', async () => {
    const keyFile = join(f.t.services.config.dataDir, 'master.key');
    const oldKeyring = parseKeyringFile(readFileSync(keyFile, 'utf8'), keyFile);
    const oldVersion = oldKeyring.primaryVersion;
    const oldKey = oldKeyring.keyFor(oldVersion) as Buffer;

    const result = await runCli(['vault', 'rotate', '--json'], {
      PATH: process.env.PATH,
      TRACEGATE_DATA_DIR: f.t.services.config.dataDir,
      DATABASE_URL:
        ctx.dialect === 'postgres' ? ctx.database.location : `sqlite:${ctx.database.location}`,
    });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.rewrapped, 4, 'two credentials and two vendor keys');
    assert.deepEqual(report.retiredVersions, [oldVersion]);

    // The running server follows the key file: every credential still decrypts and verifies.
    for (const id of ids) {
      const verified = await f.call(f.manager, {
        method: 'POST',
        url: `/api/credentials/${id}/verify`,
      });
      assert.equal(verified.json().status, 'valid', verified.body);
    }
    const rows = await ctx.database.db.selectFrom('vault_data_keys').selectAll().execute();
    assert.equal(rows.length, 4);
    for (const row of rows) {
      assert.equal(row.master_key_version, report.primaryVersion);
      assert.throws(
        () =>
          unwrapDataKey({
            masterKey: oldKey,
            keyId: row.key_id,
            ref: row.ref,
            parts: parseWrapped(row.wrapped_key),
          }),
        { code: 'VAULT_DECRYPT_FAILED' },
      );
    }
    const newKeyring = parseKeyringFile(readFileSync(keyFile, 'utf8'), keyFile);
    assert.deepEqual(
      newKeyring.versions,
      [report.primaryVersion],
      'the old key is gone from the file',
    );
  });
});
