/**
 * `npm run bench -- metrc-sync-throughput`: a full package sync of 20 licenses × 2,000 active
 * packages (pages of 20: 2,000 pages) through the Metrc client, against the emulator with 50 ms
 * latency and Metrc's limits (150 GET/s and 30 in flight per vendor key, 50/s and 10 per
 * license). Prints ONE JSON line:
 *   { pages, seconds, getsPerSecond, fractionOfVendorLimit, http429, ... }
 * Target: fractionOfVendorLimit ≥ 0.9 and http429 = 0. Progress goes to stderr.
 *
 * Options: --licenses N --packages N --latency-ms N --concurrency N (pages ahead per license)
 * --store memory|postgres|redis (shared stores use TEST_PG_URL / TEST_REDIS_URL).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_LIMITS, startEmulator } from '../src/emulator/index.ts';
import { Secret } from '../src/lib/index.ts';
import {
  createMemoryRateLimitStore,
  createMetrcClient,
  createPostgresRateLimitStore,
  createRedisRateLimitStore,
  iterateWindowedRecords,
  listActivePackages,
  listFacilities,
  type RateLimitStore,
} from '../src/metrc/index.ts';
import { createTestDatabase } from '../test/helpers/test-db.ts';

const { values: args } = parseArgs({
  options: {
    licenses: { type: 'string', default: '20' },
    packages: { type: 'string', default: '2000' },
    'latency-ms': { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '1' },
    store: { type: 'string', default: 'memory' },
  },
});
const LICENSES = Number(args.licenses);
const PACKAGES = Number(args.packages);
const LATENCY_MS = Number(args['latency-ms']);
const PAGES_AHEAD = Number(args.concurrency);
const DAY_MS = 24 * 3_600_000;

const progress = (text: string) => process.stderr.write(`[bench metrc-sync] ${text}\n`);

async function openStore(kind: string): Promise<RateLimitStore> {
  const suffix = `${process.pid}_${Date.now()}`;
  if (kind === 'postgres') {
    // A fresh migrated database: the store's tables come from migration 0004.
    const database = await createTestDatabase('postgres');
    const store = await createPostgresRateLimitStore({ connectionString: database.location });
    return {
      ...store,
      async close() {
        await store.close();
        await database.drop();
      },
    };
  }
  if (kind === 'redis') {
    return createRedisRateLimitStore({
      url: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      keyPrefix: `tracegate-bench:${suffix}:`,
    });
  }
  return createMemoryRateLimitStore();
}

progress(`loading scale scenario: ${LICENSES} licenses × ${PACKAGES} packages`);
const emulator = await startEmulator({
  port: 0,
  scenario: 'scale',
  scenarioParams: { licenses: LICENSES, packages: PACKAGES },
});
emulator.control.addFault({ kind: 'latency', ms: LATENCY_MS });
const scenario = emulator.scenario();
const user = scenario.users[0];
const vendor = scenario.vendorKeys[0];
if (!user || !vendor) throw new Error('the scale scenario has no user or vendor key');

const store = await openStore(args.store ?? 'memory');
const client = createMetrcClient({ baseUrlTemplate: emulator.baseUrlTemplate, store });
const api = client.forKeys({
  state: user.state,
  vendorKey: new Secret(vendor.key),
  userKey: new Secret(user.userKey),
});

// The sync of every license of the key: list the facilities, then for each license walk every
// page of every lastModified window of the last 24 hours, all licenses at once.
const licenses = (await listFacilities(api)).map((facility) => facility.License.Number);
emulator.control.clearRequests();
// Whole seconds, so the 24-hour range is exactly one window of Metrc's 24-hour maximum.
const end = new Date(Math.floor(Date.now() / 1000) * 1000);
const range = { start: new Date(end.getTime() - DAY_MS), end };
let pages = 0;
let packages = 0;
const started = performance.now();
const ticker = setInterval(
  () =>
    progress(
      `${pages} pages, ${packages} packages, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    ),
  2_000,
);
await Promise.all(
  licenses.map(async (licenseNumber) => {
    const records = iterateWindowedRecords(
      (query) => {
        pages++;
        return listActivePackages(api, { licenseNumber, ...query });
      },
      range,
      api.windowPolicy('/packages/v2/active'),
      { concurrency: PAGES_AHEAD },
    );
    for await (const _ of records) packages++;
  }),
);
const seconds = (performance.now() - started) / 1000;
clearInterval(ticker);

const counters = emulator.control.counters();
const gets = counters.total;
const getsPerSecond = gets / seconds;
const result = {
  bench: 'metrc-sync-throughput',
  licenses: licenses.length,
  packages,
  pages,
  seconds: Number(seconds.toFixed(3)),
  getsPerSecond: Number(getsPerSecond.toFixed(1)),
  fractionOfVendorLimit: Number((getsPerSecond / DEFAULT_LIMITS.vendorGetsPerSecond).toFixed(3)),
  http429: counters.byStatus['429'] ?? 0,
  otherErrors: gets - (counters.byStatus['200'] ?? 0) - (counters.byStatus['429'] ?? 0),
  latencyMs: LATENCY_MS,
  store: store.kind,
};
if (pages !== gets) progress(`note: ${gets} GETs for ${pages} pages`);
if ('drop' in store && typeof store.drop === 'function') await store.drop();
await client.close();
await emulator.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
