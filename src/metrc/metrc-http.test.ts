import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { Secret } from '../lib/index.ts';
import { createMemoryRateLimitStore } from './memory-rate-limit-store.ts';
import { createMetrcClient } from './metrc-client.ts';
import {
  basicAuthorization,
  buildMetrcUrl,
  formatMetrcTimestamp,
  METRC_USER_AGENT,
  metrcBaseUrl,
  pathSegment,
  vendorKeyIdentity,
} from './metrc-http.ts';
import { listFacilities } from './people-endpoints.ts';
import { startMetrcTestKit } from './testing/metrc-test-kit.ts';

const VENDOR = 'vendor-key-PLANTED-1111';
const USER = 'user-key-PLANTED-2222';

describe('HTTP Basic auth', () => {
  test('username is the vendor key, password the user key (metrc-api.md §1)', () => {
    const header = basicAuthorization(new Secret(VENDOR), new Secret(USER));
    assert.match(header, /^Basic /);
    const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
    assert.equal(decoded, `${VENDOR}:${USER}`);
    assert.notEqual(decoded, `${USER}:${VENDOR}`);
  });

  test('the emulator accepts the header the client builds, and refuses the reversed order', async () => {
    const kit = await startMetrcTestKit();
    try {
      const keys = kit.keysOf('ca-owner');
      const facilities = await listFacilities(kit.api('ca-owner'));
      assert.ok(facilities.length > 0);
      const reversed = kit.client.forKeys({
        state: 'ca',
        vendorKey: keys.userKey,
        userKey: keys.vendorKey,
      });
      await assert.rejects(listFacilities(reversed), { code: 'METRC_UNAUTHORIZED' });
    } finally {
      await kit.close();
    }
  });
});

describe('URLs', () => {
  test('the base URL comes from the template with a lower-case state', () => {
    assert.equal(metrcBaseUrl('https://api-{state}.metrc.com', 'CA'), 'https://api-ca.metrc.com');
    assert.equal(metrcBaseUrl('http://127.0.0.1:4010/{state}/', 'co'), 'http://127.0.0.1:4010/co');
    assert.throws(() => metrcBaseUrl('https://api.metrc.com', 'ca'), /\{state\}/);
    assert.throws(() => metrcBaseUrl('https://api-{state}.metrc.com', 'California'));
  });

  test('path parameters are URL-encoded and query dates are whole UTC seconds', () => {
    assert.equal(pathSegment('POS 12/34#5'), 'POS%2012%2F34%235');
    const url = buildMetrcUrl('https://api-ca.metrc.com', '/packages/v2/active', {
      licenseNumber: 'C10-0000106-LIC',
      lastModifiedStart: new Date('2026-01-02T03:04:05.678Z'),
      lastModifiedEnd: new Date('2026-01-02T04:04:05.678Z'),
      pageSize: 20,
      skipped: undefined,
    });
    assert.equal(url.searchParams.get('lastModifiedStart'), '2026-01-02T03:04:05Z');
    // Ends round up, so a record modified a moment ago is not cut off.
    assert.equal(url.searchParams.get('lastModifiedEnd'), '2026-01-02T04:04:06Z');
    assert.equal(url.searchParams.has('skipped'), false);
    assert.equal(
      formatMetrcTimestamp(new Date('2026-01-02T03:04:05.000Z'), 'ceil'),
      '2026-01-02T03:04:05Z',
    );
  });

  test('the vendor key identity is stable and does not contain the key', () => {
    const id = vendorKeyIdentity(new Secret(VENDOR));
    assert.equal(id, vendorKeyIdentity(new Secret(VENDOR)));
    assert.notEqual(id, vendorKeyIdentity(new Secret(`${VENDOR}x`)));
    assert.equal(id.includes(VENDOR), false);
    assert.match(id, /^[0-9a-f]{24}$/);
  });
});

describe('headers on the wire', () => {
  test('user agent names Tracegate; JSON content type only with a body', async () => {
    const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(req.method === 'GET' ? '[]' : '{"Ids":[7],"Warnings":null}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const client = createMetrcClient({
      baseUrlTemplate: `http://127.0.0.1:${port}/{state}`,
      store: createMemoryRateLimitStore(),
    });
    try {
      const api = client.forKeys({
        state: 'CA',
        vendorKey: new Secret(VENDOR),
        userKey: new Secret(USER),
      });
      await listFacilities(api);
      const result = await api.write({
        method: 'POST',
        path: '/strains/v2',
        licenseNumber: 'C10-0000106-LIC',
        body: [{ Name: 'X' }],
      });
      assert.deepEqual(result.ids, [7]);
      const [get, post] = seen;
      assert.equal(get?.url, '/ca/facilities/v2');
      assert.equal(get?.headers['user-agent'], METRC_USER_AGENT);
      assert.match(METRC_USER_AGENT, /Tracegate/);
      assert.equal(get?.headers['content-type'], undefined);
      assert.equal(post?.url, '/ca/strains/v2?licenseNumber=C10-0000106-LIC');
      assert.equal(post?.headers['content-type'], 'application/json');
      assert.equal(post?.body, '[{"Name":"X"}]');
      assert.equal(
        post?.headers.authorization,
        basicAuthorization(new Secret(VENDOR), new Secret(USER)),
      );
    } finally {
      await client.close();
      server.close();
    }
  });
});
