import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { createDatabase, type Database } from '../../src/db/index.ts';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.ts';
import { cliEnv, runCli } from '../helpers/run-cli.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

const CLI = new URL('../../bin/tracegate.js', import.meta.url).pathname;
const LICENSE = 'CA-SCALE-0001';
const PACKAGES = 3000;

describeEachDialect('pull sync: a worker SIGKILLed mid-backfill', (ctx) => {
  let emulator: RunningEmulator;
  let env: NodeJS.ProcessEnv;
  let database: Database;
  const slug = `kill-sync-${process.pid}`;

  before(async () => {
    emulator = await startEmulator({
      port: 0,
      scenario: 'scale',
      scenarioParams: { licenses: 1, packages: PACKAGES },
    });
    // Slow pages, so the kill lands in the middle of the window.
    emulator.control.addFault({ kind: 'latency', ms: 15, path: '/packages/v2/active' });
    env = cliEnv(ctx, {
      METRC_BASE_URL_TEMPLATE: emulator.baseUrlTemplate,
      SYNC_PAGES_AHEAD: '1',
    });
    database =
      ctx.dialect === 'postgres'
        ? ctx.database
        : createDatabase({
            kind: 'sqlite',
            path: join(String(env.TRACEGATE_DATA_DIR), 'tracegate.db'),
          });
    const admin = await runCli(
      ['admin', 'create', '--email', `a@${slug}.test`, '--name', 'A', '--org', slug],
      env,
    );
    assert.equal(admin.code, 0, admin.stderr);
    const scenario = emulator.scenario();
    assert.equal(
      (await runCli(['vendor-key', 'set', '--state', 'ca'], env, scenario.vendorKeys[0]?.key)).code,
      0,
    );
    const added = await runCli(
      ['credentials', 'add', '--org', slug, '--state', 'ca', '--kind', 'facility'],
      env,
      scenario.users[0]?.userKey,
    );
    assert.equal(added.code, 0, added.stderr);
  });
  after(async () => {
    if (ctx.dialect === 'sqlite') await database.close();
    await emulator.close();
  });

  const storedPage = async () =>
    (
      await database.db
        .selectFrom('sync_checkpoints')
        .select('window_page')
        .where('resource', '=', 'packages:active')
        .executeTakeFirst()
    )?.window_page ?? 0;

  it('the next process resumes at the stored checkpoint, without loss or duplicates', async () => {
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const child = spawn(
      process.execPath,
      [CLI, 'sync', '--license', LICENSE, '--resource', 'packages', '--since', since],
      { env, cwd: env.TRACEGATE_DATA_DIR, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Wait (bounded) until some pages of the big window are stored, then kill without warning.
    const deadline = Date.now() + 60_000;
    while ((await storedPage()) < 15) {
      assert.ok(Date.now() < deadline, 'the sync stored no pages within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    child.kill('SIGKILL');
    await exited;
    const atKill = await storedPage();
    assert.ok(atKill >= 15 && atKill < PACKAGES / 20, `killed at page ${atKill}`);

    // Its lease is still held: another process does not pull the license meanwhile.
    const busy = await runCli(['sync', '--license', LICENSE, '--resource', 'packages'], env);
    assert.equal(busy.code, 1);
    assert.match(busy.stdout, /busy/);
    // Time passes (the lease expires by the database clock).
    await database.db.updateTable('sync_leases').set({ expires_at_ms: 0 }).execute();

    emulator.control.clearRequests();
    const resumed = await runCli(
      ['sync', '--license', LICENSE, '--resource', 'packages', '--json'],
      env,
    );
    assert.equal(resumed.code, 0, resumed.stderr);
    const counts = await database.db
      .selectFrom('mirror_packages')
      .select((eb) => [
        eb.fn.countAll<number>().as('rows'),
        eb.fn.count<number>('metrc_id').distinct().as('ids'),
      ])
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      { rows: Number(counts.rows), ids: Number(counts.ids) },
      { rows: PACKAGES, ids: PACKAGES },
    );
    const activeGets = emulator.control.requests({ pathPrefix: '/ca/packages/v2/active' });
    assert.ok(
      activeGets.length <= PACKAGES / 20 - atKill + 10,
      `${activeGets.length} GETs: resumed after page ${atKill}, not from page 1`,
    );
  });
});
