import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.ts';
import { removeEmulatorUrl, writeEmulatorUrl } from '../../src/main/emulator-url-file.ts';
import { cliEnv, runCli } from '../helpers/run-cli.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('tracegate credentials (CLI)', (ctx) => {
  let emulator: RunningEmulator;
  let env: NodeJS.ProcessEnv;
  const slug = `cli-keys-${process.pid}`;
  const user = (id: string) => emulator.scenario().users.find((u) => u.id === id)?.userKey ?? '';

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    env = cliEnv(ctx, { METRC_BASE_URL_TEMPLATE: emulator.baseUrlTemplate });
    const admin = await runCli(
      ['admin', 'create', '--email', `a@${slug}.test`, '--name', 'A', '--org', slug],
      env,
    );
    assert.equal(admin.code, 0, admin.stderr);
    const vendorKey = emulator.scenario().vendorKeys.find((k) => k.state === 'ca')?.key ?? '';
    const vendor = await runCli(['vendor-key', 'set', '--state', 'ca'], env, vendorKey);
    assert.equal(vendor.code, 0, vendor.stderr);
  });
  after(() => emulator.close());

  it('adds, lists, verifies, re-assigns and deletes a key, reading it only from stdin', async () => {
    const key = user('ca-owner');
    const added = await runCli(
      [
        'credentials',
        'add',
        '--org',
        slug,
        '--state',
        'CA',
        '--kind',
        'facility',
        '--licenses',
        'C10-0000106-LIC,CCL18-0000101',
        '--json',
      ],
      env,
      key,
    );
    assert.equal(added.code, 0, added.stderr);
    const credential = JSON.parse(added.stdout);
    assert.equal(credential.status, 'valid');
    assert.equal(added.stdout.includes(key), false);

    const listed = await runCli(['credentials', 'list', '--org', slug], env);
    assert.match(
      listed.stdout,
      new RegExp(
        `#${credential.id}  CA facility  ${credential.fingerprint}  valid  C10-0000106-LIC, CCL18-0000101`,
      ),
    );

    const narrowed = await runCli(
      [
        'credentials',
        'replace',
        '--org',
        slug,
        '--id',
        String(credential.id),
        '--licenses',
        'C10-0000106-LIC',
        '--json',
      ],
      env,
    );
    assert.deepEqual(
      JSON.parse(narrowed.stdout).licenses.map((l: { number: string }) => l.number),
      ['C10-0000106-LIC'],
    );

    emulator.control.regenerateUserKey('ca-owner');
    const verified = await runCli(
      ['credentials', 'verify', '--org', slug, '--id', String(credential.id)],
      env,
    );
    assert.match(verified.stdout, /invalid \(KEY_REJECTED\)/);
    assert.match(verified.stdout, /regenerated/);

    const refused = await runCli(
      ['credentials', 'delete', '--org', slug, '--id', String(credential.id), '--confirm', 'nope'],
      env,
    );
    assert.match(refused.stderr, /CREDENTIAL_DELETE_NOT_CONFIRMED/);
    const deleted = await runCli(
      [
        'credentials',
        'delete',
        '--org',
        slug,
        '--id',
        String(credential.id),
        '--confirm',
        credential.fingerprint,
      ],
      env,
    );
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match((await runCli(['credentials', 'list', '--org', slug], env)).stdout, /no keys/);
  });

  it('refuses an uncovered license by name, and saves nothing', async () => {
    const res = await runCli(
      [
        'credentials',
        'add',
        '--org',
        slug,
        '--state',
        'ca',
        '--kind',
        'facility',
        '--licenses',
        'C8-0000105-LIC',
      ],
      env,
      user('ca-budtender'),
    );
    assert.equal(res.code, 1);
    assert.match(
      res.stderr,
      /^error CREDENTIAL_LICENSES_NOT_COVERED: This key does not cover C8-0000105-LIC\. Nothing was saved\.\n$/,
    );
  });

  it('says Metrc is not configured when no base URL is set', async () => {
    const { METRC_BASE_URL_TEMPLATE: _, ...withoutMetrc } = env;
    const res = await runCli(
      ['credentials', 'add', '--org', slug, '--state', 'ca', '--kind', 'facility'],
      withoutMetrc,
      user('ca-owner'),
    );
    assert.match(res.stderr, /METRC_NOT_CONFIGURED/);
  });

  it('sets a vendor key unverified when no key of the state is stored, and deletes it only with its fingerprint', async () => {
    const vendorKey = emulator.scenario().vendorKeys.find((k) => k.state === 'co')?.key ?? '';
    const set = await runCli(['vendor-key', 'set', '--state', 'co', '--json'], env, vendorKey);
    assert.equal(set.code, 0, set.stderr);
    const saved = JSON.parse(set.stdout);
    assert.equal(saved.verified, false);
    const refused = await runCli(
      ['vendor-key', 'delete', '--state', 'co', '--confirm', 'nope'],
      env,
    );
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /VENDOR_KEY_DELETE_NOT_CONFIRMED/);
    assert.match((await runCli(['vendor-key', 'list'], env)).stdout, /CO/);
    const deleted = await runCli(
      ['vendor-key', 'delete', '--state', 'co', '--confirm', saved.fingerprint],
      env,
    );
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.doesNotMatch((await runCli(['vendor-key', 'list'], env)).stdout, /CO/);
  });

  it("finds a running server's emulator through the data dir, and lists people by name", async () => {
    const { METRC_BASE_URL_TEMPLATE: _, ...withoutMetrc } = env;
    const dataDir = env.TRACEGATE_DATA_DIR as string;
    writeEmulatorUrl(dataDir, emulator.baseUrlTemplate);
    try {
      const added = await runCli(
        [
          'credentials',
          'add',
          '--org',
          slug,
          '--state',
          'ca',
          '--kind',
          'user',
          '--owner',
          `a@${slug}.test`,
          '--json',
        ],
        withoutMetrc,
        user('ca-manager'),
      );
      assert.equal(added.code, 0, added.stderr);
      const credential = JSON.parse(added.stdout);
      const listed = await runCli(['credentials', 'list', '--org', slug], withoutMetrc);
      assert.match(
        listed.stdout,
        new RegExp(`#${credential.id}  CA user A  ${credential.fingerprint}`),
      );
      assert.doesNotMatch(listed.stdout, /user #\d/);
    } finally {
      removeEmulatorUrl(dataDir, emulator.baseUrlTemplate);
    }
  });
});
