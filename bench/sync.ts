/**
 * `npm run bench -- sync`: the initial pull sync of 20 licenses × 5,000 packages into the mirror,
 * through the real services (database, vault, Metrc client and its limiter, leases, checkpoints,
 * gap check per window), against the emulator (in its own process) with 50 ms latency and
 * Metrc's limits. Runs on SQLite and on PostgreSQL (`TEST_PG_URL`) and prints ONE JSON line:
 *   { bench, sqlite: { seconds, getsPerSecond, fractionOfVendorLimit, http429, recordsStored,
 *     expectedRecords, peakRssMb, ... }, postgres: { … }, seconds, … (the slower run) }
 * Targets: fractionOfVendorLimit ≥ 0.9, http429 = 0, recordsStored = licenses × packages,
 * peakRssMb < 250. Progress goes to stderr.
 *
 * Honest measuring: Metrc is not on our machine, so the emulator (100,000 packages, its JSON
 * encoding, its latency timers) runs in a child process (`support/emulator-child.ts`): its CPU
 * is not the sync's event loop and its memory is not in `peakRssMb`. With `both`, each dialect
 * runs in a fresh process of its own (with its own emulator), so the second run's RSS does not
 * carry the first's. `peakRssMb` is this process's RSS sampled every 100 ms (`atPeakMb`: what V8's
 * heap held at that moment); `rssBeforeSyncMb` is the process with services open, before pulling.
 *
 * Options: --licenses N --packages N --latency-ms N --dialect sqlite|postgres|both
 * --pages-ahead N (SYNC_PAGES_AHEAD)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/auth/index.ts';
import { limitHeapGrowth } from '../src/cli/heap-growth.ts';
import { loadConfig } from '../src/config/index.ts';
import { createMetrcKeyProbe } from '../src/credentials/index.ts';
import { createDatabase, type Dialect, migrateToLatest } from '../src/db/index.ts';
import { DEFAULT_LIMITS } from '../src/emulator/index.ts';
import { createSilentLogger, Secret, systemClock } from '../src/lib/index.ts';
import { openServices } from '../src/main/services.ts';
import { createMetrcClient } from '../src/metrc/index.ts';
import { startEmulatorProcess } from './support/emulator-process.ts';

const { values: args } = parseArgs({
  options: {
    licenses: { type: 'string', default: '20' },
    packages: { type: 'string', default: '5000' },
    'latency-ms': { type: 'string', default: '50' },
    dialect: { type: 'string', default: 'both' },
    'pages-ahead': { type: 'string', default: '2' },
  },
});
const LICENSES = Number(args.licenses);
const PACKAGES = Number(args.packages);
const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// The heap settings `tracegate start` runs with (src/cli/heap-growth.ts).
limitHeapGrowth();

const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));
const progress = (text: string) => process.stderr.write(`[bench sync] ${text}\n`);

async function databaseFor(dialect: Dialect) {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tg-bench-sync-'));
    return {
      url: `sqlite:${join(dir, 'tracegate.db')}`,
      dataDir: dir,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `tg_bench_sync_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), 'tg-bench-sync-'));
  return {
    url: url.toString(),
    dataDir: dir,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function run(dialect: Dialect, emulator: Awaited<ReturnType<typeof startEmulatorProcess>>) {
  const owner = emulator.scenario.users[0];
  const vendorKey = emulator.scenario.vendorKeys[0];
  if (!owner || !vendorKey) throw new Error('the scale scenario has no user or vendor key');
  const target = await databaseFor(dialect);
  const config = loadConfig({
    env: {
      TRACEGATE_DATA_DIR: target.dataDir,
      DATABASE_URL: target.url,
      LOG_LEVEL: 'silent',
      SYNC_PAGES_AHEAD: String(args['pages-ahead']),
    },
    cwd: target.dataDir,
  });
  const database = createDatabase(config.database);
  await migrateToLatest(database.db, database.dialect);
  const metrc = createMetrcClient({ baseUrlTemplate: emulator.baseUrlTemplate });
  const services = await openServices({
    config,
    database,
    clock: systemClock,
    logger: createSilentLogger(),
    metrcProbe: createMetrcKeyProbe(metrc),
    metrc,
  });
  await services.vendorKeys.set(SYSTEM_ACTOR, {
    state: owner.state,
    environment: 'production',
    key: new Secret(vendorKey.key),
  });
  const { organization, admin } = await services.identity.createOrganization(SYSTEM_ACTOR, {
    name: 'Bench',
    admin: { email: 'bench@bench.test', name: 'Bench' },
  });
  await services.credentials.create(
    { organizationId: organization.id, role: 'admin', userId: admin.id, tokenId: null },
    { state: owner.state, kind: 'facility', key: new Secret(owner.userKey) },
  );
  const licenses = await services.licenses.list(organization.id);
  progress(`${dialect}: syncing ${licenses.length} licenses × ${PACKAGES} packages`);

  await emulator.control('DELETE', 'requests');
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  let atPeak = process.memoryUsage();
  let pages = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    if (usage.rss > peakRss) {
      peakRss = usage.rss;
      atPeak = usage;
    }
  }, 100);
  const started = performance.now();
  const ticker = setInterval(
    () =>
      progress(
        `${dialect}: ${pages} pages, ${((performance.now() - started) / 1000).toFixed(1)} s`,
      ),
    5_000,
  );
  // The packages of the scale scenario span the last 23 hours: a one-day backfill holds them.
  const since = new Date(Date.now() - 86_400_000);
  const results = await Promise.all(
    licenses.map((license) =>
      services.sync.syncLicense(organization.id, license.id, {
        resources: ['packages'],
        since,
        onProgress: () => {
          pages++;
        },
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  clearInterval(ticker);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const counters = (await emulator.control('GET', 'counters')) as {
    total: number;
    byStatus: Record<string, number>;
  };
  const stored = await database.db
    .selectFrom('mirror_packages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const getsPerSecond = counters.total / seconds;
  const result = {
    licenses: licenses.length,
    seconds: Number(seconds.toFixed(3)),
    gets: counters.total,
    getsPerSecond: Number(getsPerSecond.toFixed(1)),
    fractionOfVendorLimit: Number((getsPerSecond / DEFAULT_LIMITS.vendorGetsPerSecond).toFixed(3)),
    http429: counters.byStatus['429'] ?? 0,
    otherErrors: counters.total - (counters.byStatus['200'] ?? 0) - (counters.byStatus['429'] ?? 0),
    recordsStored: Number(stored.n),
    expectedRecords: LICENSES * PACKAGES,
    failedLicenses: results.filter((r) => r.status !== 'ok').length,
    peakRssMb: Number((peakRss / 1024 / 1024).toFixed(1)),
    /** The process before the sync started (modules, services, Verify & Save done). */
    rssBeforeSyncMb: Number((rssBefore / 1024 / 1024).toFixed(1)),
    /** What the peak was made of: V8's heap (used / reserved) and memory outside it. */
    atPeakMb: {
      heapUsed: mb(atPeak.heapUsed),
      heapTotal: mb(atPeak.heapTotal),
      external: mb(atPeak.external),
    },
  };
  await metrc.close();
  await database.close();
  await target.drop();
  return result;
}

/** One dialect in a fresh process, so its peak RSS owes nothing to the other dialect's run. */
async function runInChild(dialect: Dialect): Promise<Awaited<ReturnType<typeof run>>> {
  const argv = process.argv
    .slice(2)
    .filter((a, i, all) => a !== '--dialect' && all[i - 1] !== '--dialect');
  const child = spawn(
    process.execPath,
    [...process.execArgv, process.argv[1] as string, ...argv, '--dialect', dialect],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the ${dialect} run exited with ${code}`);
  return (JSON.parse(output.trim()) as Record<string, Awaited<ReturnType<typeof run>>>)[
    dialect
  ] as Awaited<ReturnType<typeof run>>;
}

const dialects: Dialect[] =
  args.dialect === 'both' ? ['sqlite', 'postgres'] : [args.dialect as Dialect];
const out: Record<string, unknown> = { bench: 'sync', latencyMs: Number(args['latency-ms']) };
if (dialects.length > 1) {
  for (const dialect of dialects) out[dialect] = await runInChild(dialect);
} else {
  progress(`starting the emulator: ${LICENSES} licenses × ${PACKAGES} packages`);
  const emulator = await startEmulatorProcess({
    licenses: LICENSES,
    packages: PACKAGES,
    latencyMs: Number(args['latency-ms']),
  });
  try {
    for (const dialect of dialects) out[dialect] = await run(dialect, emulator);
  } finally {
    await emulator.close();
  }
}
// The headline figures are the slower run's.
const runs = dialects.map((d) => out[d] as Awaited<ReturnType<typeof run>>);
const slowest = runs.reduce((a, b) => (b.seconds > a.seconds ? b : a));
const all = {
  ...out,
  seconds: slowest.seconds,
  getsPerSecond: slowest.getsPerSecond,
  fractionOfVendorLimit: slowest.fractionOfVendorLimit,
  http429: runs.reduce((sum, r) => sum + r.http429, 0),
  recordsStored: Math.min(...runs.map((r) => r.recordsStored)),
  peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
};
process.stdout.write(`${JSON.stringify(all)}\n`);
