import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { inspect } from 'node:util';
import { createLogger, Secret } from '../lib/index.ts';
import { createStrains } from './catalogue-endpoints.ts';
import { createMetrcClient, type MetrcClient } from './metrc-client.ts';
import { basicAuthorization } from './metrc-http.ts';
import { listFacilities } from './people-endpoints.ts';
import {
  DEMO,
  type MetrcTestKit,
  startMetrcTestKit,
  TEST_RETRY,
} from './testing/metrc-test-kit.ts';

const VENDOR_KEY = 'PLANTED-vendor-key-9f8e7d6c5b4a';
const USER_KEY = 'PLANTED-user-key-0a1b2c3d4e5f';
const WRONG_USER_KEY = 'PLANTED-wrong-user-key-77aa88bb';

describe('keys never reach a log line, an error or its details', () => {
  let kit: MetrcTestKit;
  let client: MetrcClient;
  const lines: string[] = [];
  before(async () => {
    kit = await startMetrcTestKit();
    const { control } = kit.emulator;
    control.createVendorKey({ state: 'ca', key: VENDOR_KEY });
    const user = control.createUser({
      state: 'ca',
      name: 'Planted User',
      id: 'planted',
      userKey: USER_KEY,
    });
    control.setEmployee({ license: DEMO.ca.cultivator, userId: user.id, permissions: 'all' });
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    client = createMetrcClient({
      baseUrlTemplate: kit.emulator.baseUrlTemplate,
      timeoutMs: 300,
      retry: TEST_RETRY,
      logger: createLogger({ level: 'trace', destination }),
    });
  });
  after(async () => {
    await client.close();
    await kit.close();
  });

  test('success, 401, retried 5xx, 400 rows, timeout: nothing shows a key', async () => {
    const api = client.forKeys({
      state: 'ca',
      vendorKey: new Secret(VENDOR_KEY),
      userKey: new Secret(USER_KEY),
    });
    const wrong = client.forKeys({
      state: 'ca',
      vendorKey: new Secret(VENDOR_KEY),
      userKey: new Secret(WRONG_USER_KEY),
    });
    const { control } = kit.emulator;
    const errors: unknown[] = [];
    await listFacilities(api);
    errors.push(await listFacilities(wrong).catch((e: unknown) => e));
    const status = control.addFault({ kind: 'status', status: 500, path: '/facilities' });
    errors.push(await listFacilities(api).catch((e: unknown) => e));
    control.removeFault(status.id);
    errors.push(
      await createStrains(api, {
        licenseNumber: DEMO.ca.cultivator,
        rows: [{ Name: 'Bad Split', IndicaPercentage: 10, SativaPercentage: 10 }],
      }).catch((e: unknown) => e),
    );
    const hold = control.addFault({ kind: 'timeout', path: '/strains/v2' });
    errors.push(
      await createStrains(api, {
        licenseNumber: DEMO.ca.cultivator,
        rows: [{ Name: 'Held', IndicaPercentage: 50, SativaPercentage: 50 }],
      }).catch((e: unknown) => e),
    );
    control.removeFault(hold.id);
    assert.equal(errors.length, 4);
    assert.ok(lines.length > 0, 'the client logged');

    const header = basicAuthorization(new Secret(VENDOR_KEY), new Secret(USER_KEY));
    const forbidden = [
      VENDOR_KEY,
      USER_KEY,
      WRONG_USER_KEY,
      header,
      header.slice('Basic '.length),
      Buffer.from(`${VENDOR_KEY}:${WRONG_USER_KEY}`).toString('base64'),
    ];
    const texts = [
      ...lines,
      ...errors.flatMap((e) => [
        String(e),
        (e as Error).stack ?? '',
        JSON.stringify(e),
        JSON.stringify((e as { details?: unknown }).details),
        inspect(e, { depth: 8 }),
      ]),
      inspect(api, { depth: 8 }),
    ];
    for (const text of texts) {
      for (const secret of forbidden)
        assert.equal(text.includes(secret), false, `leaked into: ${text.slice(0, 200)}`);
    }
    // And the request log of the emulator names the user, never the key.
    const seen = JSON.stringify(control.requests());
    assert.ok(seen.includes('planted'));
    for (const secret of forbidden) assert.equal(seen.includes(secret), false);
  });
});
