import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  createAlerts,
  createPackageHoldSource,
  createWebhookPoster,
  type HostLookup,
  isPublicAddress,
  type MirroredPackage,
} from '../../src/alerts/index.ts';
import { isAppError } from '../../src/lib/index.ts';
import {
  createTestApp,
  createTestOrganization,
  login,
  type TestApp,
  type TestOrganization,
  type TestSession,
} from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

/** A plain receiver on 127.0.0.1 that counts what reaches it. */
async function startReceiver() {
  let hits = 0;
  const server: Server = createServer((_req, res) => {
    hits++;
    res.statusCode = 204;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits: () => hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** DNS as the test says it is; counts every resolution. */
function fakeDns(initial: Record<string, string>) {
  const table = { ...initial };
  let lookups = 0;
  const lookup: HostLookup = async (host) => {
    lookups++;
    const address = table[host];
    if (!address) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
  return { table, lookup, lookups: () => lookups };
}

const refusedCode = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return isAppError(error) ? error.code : String(error);
  }
  return 'accepted';
};

describe('webhook addresses: which are public', () => {
  it('refuses loopback, RFC 1918, link-local (cloud metadata), unique-local and unspecified', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:169.254.169.254',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700::1111']) {
      assert.equal(isPublicAddress(address), true, address);
    }
  });
});

describe('webhook delivery: the address connected to is the address checked', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  before(async () => {
    receiver = await startReceiver();
  });
  after(() => receiver.close());

  it('refuses a host that now resolves to a private address, without connecting', async () => {
    const dns = fakeDns({ 'hooks.test': '127.0.0.1' });
    const post = createWebhookPoster({ allowPrivate: false, lookup: dns.lookup });
    const code = await refusedCode(post(`http://hooks.test:${receiver.port}/x`, '{}', {}));
    assert.equal(code, 'WEBHOOK_URL_PRIVATE');
    assert.equal(receiver.hits(), 0, 'nothing reached the private address');
  });

  it('refuses private IP literals and localhost, without connecting', async () => {
    const post = createWebhookPoster({ allowPrivate: false });
    for (const host of ['127.0.0.1', '[::1]', 'localhost', '169.254.169.254', '10.0.0.1']) {
      const code = await refusedCode(post(`http://${host}:${receiver.port}/x`, '{}', {}));
      assert.equal(code, 'WEBHOOK_URL_PRIVATE', host);
    }
    assert.equal(receiver.hits(), 0);
  });

  it('resolves once per delivery and connects to the resolved address', async () => {
    const dns = fakeDns({ 'hooks.test': '127.0.0.1' });
    const post = createWebhookPoster({ allowPrivate: true, lookup: dns.lookup });
    const { status } = await post(`http://hooks.test:${receiver.port}/x`, '{}', {});
    assert.equal(status, 204);
    assert.equal(receiver.hits(), 1, 'reached 127.0.0.1 though hooks.test is in no real DNS');
    assert.equal(dns.lookups(), 1, 'one resolution, used for the connection');
  });
});

describeEachDialect('webhook endpoints: private addresses refused (SSRF)', (ctx) => {
  let t: TestApp;
  let org: TestOrganization;
  let admin: TestSession;
  let licenseId = 0;
  const dns = fakeDns({ 'hooks.example.com': '93.184.215.14', 'internal.example.com': '10.0.0.7' });

  before(async () => {
    t = await createTestApp(ctx.database); // production default: private addresses refused
    org = await createTestOrganization(t.services, 'SSRF Co');
    admin = await login(t.app, org.admin);
    const license = await t.services.licenses.create(
      { organizationId: org.id, userId: org.admin.id, tokenId: null },
      { number: 'C10-0000777-LIC', state: 'ca', licenseType: 'Retailer', name: 'Shop' },
    );
    licenseId = license.id;
  });
  after(() => t.close());

  const call = (method: 'POST' | 'PATCH', url: string, payload: object) =>
    t.app.inject({ method, url, headers: admin.headers, payload });
  const endpointCount = async () =>
    Number(
      (
        await ctx.database.db
          .selectFrom('webhook_endpoints')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('organization_id', '=', org.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses, when saving, a URL on or resolving to a non-public address', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.5/hook',
      'http://192.168.0.10/hook',
      'http://[::1]/hook',
      'http://[fd12:3456::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://0.0.0.0/hook',
    ]) {
      const res = await call('POST', '/api/webhook-endpoints', { url });
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().code, 'WEBHOOK_URL_PRIVATE', url);
    }
    assert.equal(await endpointCount(), 0, 'nothing saved');
  });

  it('accepts a public address, and refuses changing it to a private one', async () => {
    const created = await call('POST', '/api/webhook-endpoints', {
      url: 'http://93.184.215.14/hook',
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().endpoint.id as number;
    const res = await call('PATCH', `/api/webhook-endpoints/${id}`, {
      url: 'http://169.254.169.254/latest/meta-data/',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'WEBHOOK_URL_PRIVATE');
  });

  it('refuses, at delivery, a host whose DNS changed to a private address since it was saved', async () => {
    const receiver = await startReceiver();
    const alerts = createAlerts({
      db: ctx.database.db,
      vault: t.services.vault,
      audit: t.services.audit,
      clock: t.services.clock,
      logger: t.services.logger,
      sources: [
        createPackageHoldSource({
          mirror: {
            packagesOnHold: async (): Promise<MirroredPackage[]> => [
              { licenseId, label: '1A4000000000000000000777', holdReason: 'Hold' },
            ],
            failedLabResults: async () => [],
          },
        }),
      ],
      organizationIds: async () => [org.id],
      members: async () => [],
      mailer: null,
      webhooks: { allowPrivate: false, lookup: dns.lookup },
      consoleUrl: 'http://127.0.0.1',
    });
    const actor = {
      kind: 'session' as const,
      organizationId: org.id,
      role: 'admin' as const,
      userId: org.admin.id,
      tokenId: null,
      sessionId: null,
      isPlatformAdmin: false,
    };
    assert.equal(
      await refusedCode(
        alerts.endpoints.create(actor, { url: 'https://internal.example.com/hook' }),
      ),
      'WEBHOOK_URL_PRIVATE',
      'a name resolving to a private address is refused when saved',
    );
    assert.equal(
      await refusedCode(alerts.endpoints.create(actor, { url: 'https://nowhere.example.com/h' })),
      'WEBHOOK_HOST_UNRESOLVED',
    );
    await alerts.endpoints.create(actor, {
      url: `http://hooks.example.com:${receiver.port}/hook`,
      kinds: ['package_on_hold'],
    });
    dns.table['hooks.example.com'] = '127.0.0.1'; // DNS rebinding after the save
    await alerts.engine.evaluate(org.id);
    const result = await alerts.delivery.deliverDue({ organizationId: org.id });
    await receiver.close();
    assert.equal(receiver.hits(), 0, 'nothing reached 127.0.0.1');
    assert.ok(result.failed >= 1);
    const attempts = await ctx.database.db
      .selectFrom('alert_delivery_attempts')
      .select(['error', 'outcome'])
      .where('organization_id', '=', org.id)
      .execute();
    assert.ok(
      attempts.some((a) => a.outcome === 'failed' && a.error === 'WEBHOOK_URL_PRIVATE'),
      JSON.stringify(attempts),
    );
  });
});
