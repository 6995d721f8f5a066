import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

describe('start-up with a wrong or missing master key', () => {
  it('stops with a message naming the key source, and creates or changes nothing', async () => {
    const dataDir = tempDir('tg-master-key-');
    const env = { PATH: process.env.PATH, TRACEGATE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    // Seal something (a vendor key) under the key file created on first use.
    const first = await runCli(
      ['vendor-key', 'set', '--state', 'ca'],
      env,
      'FirstVendorKey0123456789',
    );
    assert.equal(first.code, 0, first.stderr);

    const wrong = await runCli(['start'], {
      ...env,
      PORT: '0',
      TRACEGATE_MASTER_KEY: randomBytes(32).toString('base64'),
    });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /^error VAULT_MASTER_KEY_WRONG: .*TRACEGATE_MASTER_KEY/);

    renameSync(join(dataDir, 'master.key'), join(dataDir, 'master.key.bak'));
    const missing = await runCli(['start'], { ...env, PORT: '0' });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^error VAULT_MASTER_KEY_MISSING: .*master\.key/);
    assert.equal(
      existsSync(join(dataDir, 'master.key')),
      false,
      'no new key was made over existing secrets',
    );

    renameSync(join(dataDir, 'master.key.bak'), join(dataDir, 'master.key'));
    const list = await runCli(['vendor-key', 'list', '--json'], env);
    assert.equal(
      JSON.parse(list.stdout)[0].fingerprint,
      '…6789',
      'with the key file restored, the vault opens again',
    );
  });
});
