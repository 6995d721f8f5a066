import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tempDir } from '../../test/helpers/temp-dirs.ts';
import { createTestDatabase } from '../../test/helpers/test-db.ts';
import { ConfigError, loadConfig } from '../config/index.ts';
import {
  createMetrcClientFromConfig,
  createRateLimitStoreFromConfig,
} from './metrc-client-from-config.ts';
import { listFacilities } from './people-endpoints.ts';
import { startMetrcTestKit } from './testing/metrc-test-kit.ts';
import {
  postgresProblem,
  redisProblem,
  skipUnless,
  TEST_REDIS_URL,
} from './testing/shared-stores.ts';

const cwd = tempDir('tg-metrc-config-');
const load = (env: Record<string, string>) => loadConfig({ env, cwd });
const noPostgres = skipUnless(await postgresProblem(), 'PostgreSQL');
const noRedis = skipUnless(await redisProblem(), 'Redis');

describe('Metrc client settings', () => {
  test("defaults are Metrc's published limits and a memory store", () => {
    const { metrc } = load({});
    assert.equal(metrc.rateLimitStore, 'memory');
    assert.equal(
      load({ DATABASE_URL: 'sqlite:./data/t.db' }).metrc.rateLimitStore,
      'memory',
      'SQLite: one process',
    );
    assert.equal(
      load({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tg' }).metrc.rateLimitStore,
      'postgres',
      'PostgreSQL: every process of the deployment shares the budgets unless told otherwise',
    );
    assert.equal(
      load({
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tg',
        METRC_RATE_LIMIT_STORE: 'memory',
      }).metrc.rateLimitStore,
      'memory',
    );
    assert.equal(metrc.timeoutMs, 60_000);
    assert.equal(metrc.getMaxAttempts, 4);
    assert.deepEqual(metrc.limits, {
      licenseGetsPerSecond: 50,
      licenseGetsInFlight: 10,
      vendorGetsPerSecond: 150,
      vendorGetsInFlight: 30,
      utilization: 0.95,
      licenseWritesPerSecond: 5,
    });
    assert.equal(metrc.v2MaxWindowHours, 24);
    assert.equal(metrc.redisUrl, undefined);
  });

  test('overrides, and REDIS_URL is kept as a Secret', () => {
    const { metrc } = load({
      METRC_TIMEOUT_MS: '5000',
      METRC_RATE_LIMIT_STORE: 'redis',
      REDIS_URL: 'redis://:hunter2-PLANTED@127.0.0.1:6379',
      METRC_VENDOR_GETS_PER_SECOND: '100',
      METRC_LIMIT_UTILIZATION: '0.9',
      METRC_V2_MAX_WINDOW_HOURS: '0',
    });
    assert.equal(metrc.timeoutMs, 5_000);
    assert.equal(metrc.limits.vendorGetsPerSecond, 100);
    assert.equal(metrc.limits.utilization, 0.9);
    assert.equal(metrc.v2MaxWindowHours, null);
    assert.equal(JSON.stringify(metrc).includes('hunter2'), false);
    assert.equal(metrc.redisUrl?.reveal(), 'redis://:hunter2-PLANTED@127.0.0.1:6379');
  });

  test('a shared store without its server, or a bad value, stops start-up by name', () => {
    assert.throws(
      () => load({ METRC_RATE_LIMIT_STORE: 'postgres' }),
      (e: unknown) => {
        return e instanceof ConfigError && /METRC_RATE_LIMIT_STORE.*DATABASE_URL/.test(e.message);
      },
    );
    assert.throws(() => load({ METRC_RATE_LIMIT_STORE: 'redis' }), /REDIS_URL/);
    assert.throws(() => load({ METRC_LIMIT_UTILIZATION: '1.5' }), /METRC_LIMIT_UTILIZATION/);
    assert.throws(() => load({ METRC_RATE_LIMIT_STORE: 'mongo' }), /METRC_RATE_LIMIT_STORE/);
  });

  test('the client built from config talks to Metrc (the emulator)', async () => {
    const kit = await startMetrcTestKit();
    const client = await createMetrcClientFromConfig(load({}), {
      baseUrlTemplate: kit.emulator.baseUrlTemplate,
    });
    try {
      assert.equal(client.limiter.store.kind, 'memory');
      const facilities = await listFacilities(client.forKeys(kit.keysOf('ca-owner')));
      assert.ok(facilities.length > 0);
    } finally {
      await client.close();
      await kit.close();
    }
  });

  test('postgres store from config: uses the migrated tables, refuses an unmigrated database', {
    skip: noPostgres,
  }, async () => {
    const database = await createTestDatabase('postgres');
    const bare = await createTestDatabase('postgres', { migrate: false });
    try {
      const store = await createRateLimitStoreFromConfig(
        load({ DATABASE_URL: database.location, METRC_RATE_LIMIT_STORE: 'postgres' }),
      );
      assert.equal(store.kind, 'postgres');
      assert.equal(
        (await store.tryAcquire([{ key: 'k', ratePerSecond: 1, burst: 1, maxInFlight: 1 }], 1_000))
          .granted,
        true,
      );
      await store.close();
      await assert.rejects(
        createRateLimitStoreFromConfig(
          load({ DATABASE_URL: bare.location, METRC_RATE_LIMIT_STORE: 'postgres' }),
        ),
        /run the Tracegate migrations/,
      );
    } finally {
      await database.drop();
      await bare.drop();
    }
  });

  test('redis store from config', { skip: noRedis }, async () => {
    const store = await createRateLimitStoreFromConfig(
      load({ REDIS_URL: TEST_REDIS_URL, METRC_RATE_LIMIT_STORE: 'redis' }),
    );
    assert.equal(store.kind, 'redis');
    await store.close();
  });
});
