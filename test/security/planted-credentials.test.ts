import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import QRCode from 'qrcode';
import {
  CA,
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { createPlatformAdmin, login, type TestSession } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

/** Keys Metrc (the emulator) accepts, with values distinctive enough to grep for. */
const PLANTED = {
  vendor: 'PLANTEDvendorKey7c1e9a5b3d',
  owner: 'PLANTEDownerKey4f2a8c6e1b',
  staff: 'PLANTEDstaffQrKey9d3b7f1a5c',
  replacement: 'PLANTEDreplacementKey2e6a',
  rejected: 'PLANTEDrejectedKey8b4d2f6a',
};

describeEachDialect('planted Metrc keys', (ctx) => {
  let f: CredentialsFixture;
  let platform: TestSession;
  const responses: string[] = [];

  before(async () => {
    f = await createCredentialsFixture(ctx, 'Planted Co');
    platform = await login(f.t.app, await createPlatformAdmin(f.t.services));
    const control = f.metrc.emulator.control;
    control.createVendorKey({ state: 'ca', key: PLANTED.vendor });
    for (const [id, key] of [
      ['planted-owner', PLANTED.owner],
      ['planted-staff', PLANTED.staff],
    ] as const) {
      control.createUser({ state: 'ca', id, name: id, userKey: key });
      control.setEmployee({
        license: CA.retailer,
        userId: id,
        permissions: 'all',
        isOwner: id === 'planted-owner',
      });
    }
  });
  after(() => f.close());

  /** One-time link tokens handed out during the test: secrets too (issue 10, item 5). */
  const linkTokens: string[] = [];

  async function call(session: TestSession | null, options: InjectOptions) {
    const res = session ? await f.call(session, options) : await f.t.app.inject(options);
    responses.push(JSON.stringify(res.headers), res.body);
    return res;
  }

  it('goes through every path a key takes: vendor key, save, QR, link, replace, verify, reject', async () => {
    const vendor = await call(platform, {
      method: 'PUT',
      url: '/api/platform/vendor-keys/ca',
      payload: { apiKey: PLANTED.vendor },
    });
    assert.equal(vendor.statusCode, 200, vendor.body);
    const saved = await call(f.admin, {
      method: 'POST',
      url: '/api/credentials',
      payload: {
        state: 'ca',
        kind: 'facility',
        licenseNumbers: [CA.retailer],
        apiKey: PLANTED.owner,
      },
    });
    assert.equal(saved.statusCode, 201, saved.body);
    const link = (
      await call(f.admin, {
        method: 'POST',
        url: '/api/intake-links',
        payload: { userId: f.org.staff.id, state: 'ca' },
      })
    ).json();
    linkTokens.push(link.token);
    // The person opens the link first (GET), as the console does, then submits.
    await call(null, { method: 'GET', url: `/api/intake/${link.token}` });
    await call(null, { method: 'GET', url: `/api/intake/${link.token.slice(0, -1)}?from=mail` });
    const png = await QRCode.toBuffer(PLANTED.staff, { type: 'png', scale: 6 });
    const viaLink = await call(null, {
      method: 'POST',
      url: `/api/intake/${link.token}`,
      payload: { qrImage: png.toString('base64') },
    });
    assert.equal(viaLink.statusCode, 201, viaLink.body);
    f.metrc.emulator.control.regenerateUserKey('planted-owner', PLANTED.replacement);
    await call(f.manager, { method: 'POST', url: `/api/credentials/${saved.json().id}/verify` });
    const replaced = await call(f.admin, {
      method: 'PATCH',
      url: `/api/credentials/${saved.json().id}`,
      payload: { apiKey: PLANTED.replacement },
    });
    assert.equal(replaced.statusCode, 200, replaced.body);
    const rejected = await call(f.admin, {
      method: 'POST',
      url: '/api/credentials',
      payload: { state: 'ca', kind: 'user', ownerUserId: f.org.admin.id, apiKey: PLANTED.rejected },
    });
    assert.equal(rejected.statusCode, 422);
    await call(f.admin, { method: 'GET', url: '/api/credentials' });
    await call(platform, { method: 'GET', url: '/api/platform/vendor-keys' });
    await call(f.admin, { method: 'GET', url: '/api/audit-events?limit=500' });
  });

  it('finds no planted key in any API response or log line', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(linkTokens.length > 0);
    for (const token of linkTokens) {
      // A one-time token is secret in logs; a mistyped copy (all but its last character) too.
      const leaked = f.t.logLines.filter((l) => l.includes(token.slice(0, -1)));
      assert.deepEqual(leaked, [], 'a one-time link token in the access log');
    }
    assert.ok(
      f.t.logLines.some((l) => l.includes('/api/intake/[REDACTED]')),
      'the access log still shows which route was called',
    );
    for (const [name, key] of Object.entries(PLANTED)) {
      assert.deepEqual(
        responses.filter((r) => r.includes(key)),
        [],
        `${name} in a response`,
      );
      assert.deepEqual(
        f.t.logLines.filter((l) => l.includes(key)),
        [],
        `${name} in a log line`,
      );
    }
  });

  it('finds no planted key in the raw database', async () => {
    const dump = rawDatabase(ctx.dialect, ctx.database.location);
    assert.ok(dump.length > 1000, 'the dump has content');
    assert.ok(dump.includes('tgs1.'), 'sealed keys are there, encrypted');
    for (const [name, key] of Object.entries(PLANTED)) {
      assert.equal(dump.includes(key), false, `${name} in the database`);
    }
    const checkpoint =
      ctx.dialect === 'sqlite' ? sql`pragma wal_checkpoint(truncate)` : sql`checkpoint`;
    await checkpoint.execute(ctx.database.db);
    const after = rawDatabase(ctx.dialect, ctx.database.location);
    for (const key of Object.values(PLANTED)) assert.equal(after.includes(key), false);
  });
});

/** Every byte the database holds: the SQLite file and its WAL, or a pg_dump of the database. */
function rawDatabase(dialect: string, location: string): string {
  if (dialect === 'sqlite') {
    return ['', '-wal']
      .map((suffix) => `${location}${suffix}`)
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path).toString('latin1'))
      .join('\n');
  }
  return execFileSync('pg_dump', ['--no-owner', '--data-only', location], { encoding: 'utf8' });
}
