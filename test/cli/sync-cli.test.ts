import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.ts';
import { cliEnv, runCli } from '../helpers/run-cli.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

const RETAILER = 'C10-0000106-LIC';

describeEachDialect('tracegate sync (CLI)', (ctx) => {
  let emulator: RunningEmulator;
  let env: NodeJS.ProcessEnv;
  const slug = `cli-sync-${process.pid}`;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    env = cliEnv(ctx, { METRC_BASE_URL_TEMPLATE: emulator.baseUrlTemplate });
    const admin = await runCli(
      ['admin', 'create', '--email', `a@${slug}.test`, '--name', 'A', '--org', slug],
      env,
    );
    assert.equal(admin.code, 0, admin.stderr);
    const vendorKey = emulator.scenario().vendorKeys.find((k) => k.state === 'ca')?.key ?? '';
    assert.equal((await runCli(['vendor-key', 'set', '--state', 'ca'], env, vendorKey)).code, 0);
    const owner = emulator.scenario().users.find((u) => u.id === 'ca-owner')?.userKey ?? '';
    const added = await runCli(
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
        RETAILER,
      ],
      env,
      owner,
    );
    assert.equal(added.code, 0, added.stderr);
  });
  after(() => emulator.close());

  it('pulls one resource of a license, with plain progress lines off a terminal, and --json', async () => {
    const since = new Date(Date.now() - 8 * 86_400_000).toISOString();
    const run = await runCli(
      ['sync', '--license', RETAILER, '--resource', 'packages', '--since', since, '--json'],
      env,
    );
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.status, 'ok');
    assert.deepEqual(
      result.streams.map((s: { stream: string }) => s.stream),
      ['packages:active', 'packages:onhold', 'packages:inactive', 'packages:intransit'],
    );
    assert.ok(result.streams[0].records > 0);
    // Not a terminal: plain lines, one per window, no carriage-return bar.
    assert.match(run.stderr, /packages:active {2}window 1\/\d+ {2}page/);
    assert.equal(run.stderr.includes('\r'), false);

    const text = await runCli(['sync', '--license', RETAILER, '--resource', 'items'], env);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`^${RETAILER}: ok\\n {2}items:active`));
  });

  it('refuses bad input with a stable code', async () => {
    const resource = await runCli(['sync', '--license', RETAILER, '--resource', 'spaceships'], env);
    assert.equal(resource.code, 1);
    assert.match(resource.stderr, /error SYNC_RESOURCE_UNKNOWN/);
    const since = await runCli(['sync', '--license', RETAILER, '--since', 'last tuesday'], env);
    assert.equal(since.code, 1);
    assert.match(since.stderr, /error SYNC_SINCE_INVALID/);
    const unknown = await runCli(['sync', '--license', 'NOPE-1'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /error SYNC_LICENSE_NOT_FOUND/);
  });
});
