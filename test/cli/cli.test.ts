import assert from 'node:assert/strict';
import { once } from 'node:events';
import { it } from 'node:test';
import { readEmulatorUrl } from '../../src/main/emulator-url-file.ts';
import { cliEnv, runCli, startCli } from '../helpers/run-cli.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('tracegate CLI', (ctx) => {
  it('start: serves health, prints a working one-time admin password, and stops cleanly on SIGTERM', async () => {
    const env = cliEnv(ctx, { PORT: '0' });
    const { child, url, banner } = await startCli(env);
    try {
      // Issue 10, item 16: CLI commands of this data dir find the built-in emulator here.
      const metrcUrl = /Metrc:\s+(\S+)/.exec(banner)?.[1];
      assert.ok(metrcUrl, banner);
      assert.equal(readEmulatorUrl(env.TRACEGATE_DATA_DIR as string), metrcUrl);
      const health = await fetch(`${url}/healthz`);
      assert.equal(health.status, 200);
      assert.equal((await fetch(`${url}/readyz`)).status, 200);
      const password = /Password:\s+(\S+)/.exec(banner)?.[1];
      const email = /E-mail:\s+(\S+)/.exec(banner)?.[1];
      assert.ok(password && email, banner);
      const loginRes = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      assert.equal(loginRes.status, 200);
      assert.equal(((await loginRes.json()) as { isPlatformAdmin: boolean }).isPlatformAdmin, true);
      // Issue 10, item 15: the banner hands a newcomer a demo person's (fake) key to try.
      const tryKey = /Metrc key of .+ <(\S+)> \(CA\): (\S+)/.exec(banner);
      assert.ok(tryKey, banner);
      const cookie = loginRes.headers.get('set-cookie')?.split(';')[0] ?? '';
      const { csrfToken } = (await (
        await fetch(`${url}/api/auth/session`, { headers: { cookie } })
      ).json()) as { csrfToken: string };
      const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
      // A one-time password must be changed before anything else (issue 10, item 9).
      const changed = await fetch(`${url}/api/auth/password`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          currentPassword: password,
          newPassword: 'a new passphrase for the demo',
        }),
      });
      assert.ok(changed.status < 300, await changed.text());
      const people = (await (await fetch(`${url}/api/users`, { headers })).json()) as {
        users: Array<{ id: number; email: string }>;
      };
      const person = people.users.find((u) => u.email === tryKey[1]);
      assert.ok(person, JSON.stringify(people));
      const saved = await fetch(`${url}/api/credentials`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          state: 'ca',
          kind: 'user',
          ownerUserId: person.id,
          apiKey: tryKey[2],
        }),
      });
      assert.equal(saved.status, 201, await saved.text());
      const spec = (await (await fetch(`${url}/api/openapi.json`)).json()) as { paths: object };
      assert.ok(Object.keys(spec.paths).includes('/api/licenses'));
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
    assert.equal(readEmulatorUrl(env.TRACEGATE_DATA_DIR as string), null, 'removed on stop');
  });

  it('start: refuses an invalid setting with a message naming the variable, and exits 2', async () => {
    const result = await runCli(['start'], cliEnv(ctx, { PORT: 'eighty', LOG_LEVEL: 'loud' }));
    assert.equal(result.code, 2);
    assert.match(result.stderr, /PORT:/);
    assert.match(result.stderr, /LOG_LEVEL:/);
  });

  it('migrate, admin create, token create: print JSON with --json', async () => {
    const env = cliEnv(ctx);
    const migrated = await runCli(['migrate', '--json'], env);
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.equal(JSON.parse(migrated.stdout).dialect, ctx.dialect);

    const slug = `cli-${ctx.dialect}-${process.pid}`;
    const created = await runCli(
      [
        'admin',
        'create',
        '--email',
        `boss@${slug}.test`,
        '--name',
        'Boss',
        '--org',
        slug,
        '--json',
      ],
      env,
    );
    assert.equal(created.code, 0, created.stderr);
    const admin = JSON.parse(created.stdout);
    assert.equal(admin.organization, slug);
    assert.match(admin.oneTimePassword, /^[A-Za-z0-9]{20}$/);

    const token = await runCli(
      ['token', 'create', '--org', slug, '--name', 'POS 1', '--json'],
      env,
    );
    assert.equal(token.code, 0, token.stderr);
    assert.match(JSON.parse(token.stdout).token, /^tg_/);

    const reset = await runCli(
      ['admin', 'reset-password', '--email', `boss@${slug}.test`, '--json'],
      env,
    );
    assert.notEqual(JSON.parse(reset.stdout).oneTimePassword, admin.oneTimePassword);
  });

  it('vendor-key set: reads the key from stdin, never echoes it, and lists fingerprints only', async () => {
    const env = cliEnv(ctx);
    const key = 'PLANTEDcliVendorKey0123456789';
    const set = await runCli(['vendor-key', 'set', '--state', 'CA', '--json'], env, `${key}\n`);
    assert.equal(set.code, 0, set.stderr);
    assert.deepEqual(
      { state: JSON.parse(set.stdout).state, fingerprint: JSON.parse(set.stdout).fingerprint },
      { state: 'ca', fingerprint: '…6789' },
    );
    const list = await runCli(['vendor-key', 'list', '--json'], env);
    assert.equal(JSON.parse(list.stdout)[0].fingerprint, '…6789');
    for (const out of [set.stdout, set.stderr, list.stdout, list.stderr])
      assert.equal(out.includes(key), false);
    const empty = await runCli(['vendor-key', 'set', '--state', 'CA'], env, '');
    assert.match(empty.stderr, /CREDENTIAL_KEY_MALFORMED/);
  });

  it('explains failures in one line with their code', async () => {
    const env = cliEnv(ctx);
    const missing = await runCli(['token', 'create', '--org', 'no-such-org', '--name', 'x'], env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^error NOT_FOUND: No organization "no-such-org"\.\n$/);
    const role = await runCli(
      ['token', 'create', '--org', 'x', '--name', 'x', '--role', 'owner'],
      env,
    );
    assert.match(role.stderr, /REQUEST_INVALID/);
  });
});
