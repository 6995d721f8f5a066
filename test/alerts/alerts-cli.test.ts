import assert from 'node:assert/strict';
import { it } from 'node:test';
import { cliEnv, runCli } from '../helpers/run-cli.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('tracegate alerts list (CLI)', (ctx) => {
  const slug = `cli-alerts-${process.pid}`;

  it('checks conditions on request and lists open alerts as text and JSON', async () => {
    // The CLI works on this test's database, so the test can add a license beside it.
    const env = cliEnv(
      ctx,
      ctx.dialect === 'sqlite' ? { DATABASE_URL: `sqlite:${ctx.database.location}` } : {},
    );
    const admin = await runCli(
      ['admin', 'create', '--email', `a@${slug}.test`, '--name', 'A', '--org', slug],
      env,
    );
    assert.equal(admin.code, 0, admin.stderr);
    const empty = await runCli(['alerts', 'list', '--org', slug], env);
    assert.equal(empty.code, 0, empty.stderr);
    assert.equal(empty.stdout.trim(), 'no alerts');

    // A license without a facility key does not sync: "check now" raises that.
    const { db } = ctx.database;
    const org = await db
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await db
      .insertInto('licenses')
      .values({
        organization_id: org.id,
        number: 'C10-0000777-LIC',
        state: 'ca',
        license_type: 'Retailer',
        name: 'CLI shop',
        facility_type: '{}',
        time_zone: 'America/Los_Angeles',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const text = await runCli(
      ['alerts', 'list', '--org', slug, '--evaluate', '--status', 'open'],
      env,
    );
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /warning\s+open\s+license_not_syncing\s+License C10-0000777-LIC/);
    const json = await runCli(['alerts', 'list', '--org', slug, '--json'], env);
    assert.equal(json.code, 0, json.stderr);
    const list = JSON.parse(json.stdout);
    assert.equal(list.length, 1);
    assert.equal(list[0].kind, 'license_not_syncing');

    const bad = await runCli(['alerts', 'list', '--org', slug, '--kind', 'nope'], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /ALERT_KIND_UNKNOWN/);
  });
});
