import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { describeEachDialect } from '../../test/helpers/test-db.ts';
import { Secret } from '../lib/index.ts';
import { createFileMasterKeySource } from './file-master-key-source.ts';
import { rotateMasterKey } from './rotate-master-key.ts';
import { createVaultRepo } from './vault-repo.ts';
import { openVault } from './vault-service.ts';

describeEachDialect('vault on the database', (ctx) => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tg-vault-sql-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  const PLANTED = 'PLANTED-metrc-user-key-5c4b3a29';

  it('seals and opens through the SQL stores, keeping the key out of every table', async () => {
    const { meta, store } = createVaultRepo(ctx.database.db);
    const vault = await openVault({ source: createFileMasterKeySource({ dataDir }), meta, store });
    assert.equal(vault.status().createdKey, true);
    const sealed = await vault.seal('credential:1', new Secret(PLANTED));
    assert.equal((await vault.open('credential:1', sealed)).reveal(), PLANTED);
    const rows = await ctx.database.db.selectFrom('vault_data_keys').selectAll().execute();
    const checks = await ctx.database.db.selectFrom('vault_key_checks').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(JSON.stringify([rows, checks, sealed]).includes(PLANTED), false);
    const keyFile = await readFile(join(dataDir, 'master.key'), 'utf8');
    assert.equal(
      JSON.stringify(checks).includes(keyFile.slice(20, 60)),
      false,
      'master key not stored',
    );
  });

  it('refuses to start with a missing key file once data exists, and creates nothing', async () => {
    const { meta, store } = createVaultRepo(ctx.database.db);
    const elsewhere = await mkdtemp(join(tmpdir(), 'tg-vault-missing-'));
    try {
      await assert.rejects(
        openVault({ source: createFileMasterKeySource({ dataDir: elsewhere }), meta, store }),
        (error: { code?: string }) => error.code === 'VAULT_MASTER_KEY_MISSING',
      );
      await assert.rejects(readFile(join(elsewhere, 'master.key')), /ENOENT/);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('rotates online: every secret still opens, under the new version only', async () => {
    const { meta, store } = createVaultRepo(ctx.database.db);
    const source = createFileMasterKeySource({ dataDir });
    const vault = await openVault({ source, meta, store });
    const sealed = await vault.seal('credential:2', new Secret(`${PLANTED}-2`));
    const report = await rotateMasterKey({ source, meta, store });
    assert.equal(report.rewrapped >= 2, true);
    assert.deepEqual(await store.versionsInUse(), [report.primaryVersion]);
    assert.equal((await vault.open('credential:2', sealed)).reveal(), `${PLANTED}-2`);
    const retired = (await meta.listKeyChecks()).filter((c) => c.retiredAt !== null);
    assert.deepEqual(
      retired.map((c) => c.masterKeyVersion),
      report.retiredVersions,
    );
  });

  it('destroys a deleted secret so it can never be opened again', async () => {
    const { meta, store } = createVaultRepo(ctx.database.db);
    const vault = await openVault({ source: createFileMasterKeySource({ dataDir }), meta, store });
    const sealed = await vault.seal('credential:3', new Secret(`${PLANTED}-3`));
    assert.equal(await vault.destroy('credential:3'), 1);
    await assert.rejects(
      vault.open('credential:3', sealed),
      (e: { code?: string }) => e.code === 'VAULT_SECRET_DESTROYED',
    );
  });
});
