/**
 * `npm run bench -- outbox-drain [--dialect sqlite|postgres] [--receipts N] [--licenses N]
 *   [--latency-ms N] [--cap N] [--workers N] [--filler N] [--batch N] [--warmup N]`
 *
 * Queues receipts across licenses (plus `filler` already-sent rows, so the table is big), then
 * drains them through the real dispatcher in `workers` worker PROCESSES (bench/support/
 * outbox-drain-worker.ts) against the emulator in a process of its own (bench/support/
 * emulator-child.ts) with a fixed latency — so the figures are a worker's own CPU and memory,
 * as against real Metrc. Prints ONE JSON line: requestsPerSecond, boundRequestsPerSecond
 * (cap ÷ latency), ratio, receiptsPerSecond, batchSize, duplicates, lost, orderViolations,
 * claimP50Ms (lease + next batch's reads, with the table full), peakRssMb (the largest worker),
 * workerRssAtStartMb, workerCpuMsPerRequest (all workers' CPU ÷ requests: what a request costs
 * Tracegate, whatever else runs on the machine; 1000 ÷ this is the most one core can serve),
 * emulatorAnswerMs (p50, mean, p99 of the emulator's own time per write: what of a write slot's
 * time was not the workers'), and from Linux's /proc (null elsewhere) emulatorCpuMsPerRequest,
 * postgresCpuMsPerRequest (this database's backends) and machineCpuMsPerRequest (every core, all
 * processes): steadier than the rates, they show what a change saved where runs vary; and
 * statementsPerRequest (every SQL statement the workers sent), which varies far less.
 * The workers first drain `warmup` receipts of their own (default: as many as are measured), not
 * measured: a fresh process spends its first seconds compiling the hot paths (V8's optimizing
 * compiler was ~19 % of the machine's CPU in a cold three-worker drain), which a worker in service
 * has long done; the ingest bench warms up too. `--warmup 0` measures a cold start. Then the
 * measured receipts are queued in one transaction, and `seconds` runs from its commit to the
 * last row's `sent_at` (not a poll tick). Duplicates, lost and order are checked over every
 * receipt, warm-up included.
 * BENCH_EXPLAIN=1 prints the claim queries' plans; BENCH_WORKER_EXEC_ARGV passes node flags to
 * the workers (e.g. `--cpu-prof --cpu-prof-dir=/tmp/x`), BENCH_EMULATOR_EXEC_ARGV to the emulator.
 * Issue target: 50,000 receipts, 100 licenses, 100 ms, cap 30, 1,000,000 rows; env
 * OUTBOX_DRAIN_SCALE (0–1) scales counts down. Default workers: 1 on SQLite, 3 on PostgreSQL,
 * where the workers share ONE write cap of `cap` through the PostgreSQL limiter store.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../src/auth/index.ts';
import { loadConfig } from '../src/config/index.ts';
import { createMetrcKeyProbe } from '../src/credentials/index.ts';
import { createDatabase, migrateToLatest } from '../src/db/index.ts';
import { createSilentLogger, Secret, systemClock, toTimestamp } from '../src/lib/index.ts';
import { openServices } from '../src/main/services.ts';
import {
  createMetrcClient,
  iterateWindowedRecords,
  listActivePackages,
  listActiveReceipts,
} from '../src/metrc/index.ts';
import { createLicenseLeasesRepo } from '../src/outbox/license-leases-repo.ts';
import { createSubmissionsRepo } from '../src/outbox/submissions-repo.ts';
import { createBenchPgDatabase } from './support/bench-postgres.ts';
import { startEmulatorProcess } from './support/emulator-process.ts';
import { cpuSince, readCpu } from './support/proc-cpu.ts';

const scale = Number(process.env.OUTBOX_DRAIN_SCALE ?? 1);
const { values: args } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    receipts: { type: 'string', default: String(Math.round(50_000 * scale)) },
    licenses: { type: 'string', default: '100' },
    'latency-ms': { type: 'string', default: '100' },
    cap: { type: 'string', default: '30' },
    workers: { type: 'string' },
    filler: { type: 'string', default: String(Math.round(1_000_000 * scale)) },
    batch: { type: 'string', default: '50' },
    // The same again: what is measured is a worker's second drain of this size.
    warmup: { type: 'string' },
  },
});
const RECEIPTS = Number(args.receipts);
const LICENSES = Number(args.licenses);
const LATENCY_MS = Number(args['latency-ms']);
const CAP = Number(args.cap);
const WORKERS = Number(args.workers ?? (args.dialect === 'postgres' ? 3 : 1));
const FILLER = Number(args.filler);
const BATCH = Number(args.batch);
const WARMUP = Number(args.warmup ?? RECEIPTS);
const progress = (text: string) => process.stderr.write(`[bench outbox-drain] ${text}\n`);

const emulator = await startEmulatorProcess({
  licenses: LICENSES * 2,
  packages: 2,
  state: 'ca',
  latencyMs: 0,
});
const scenario = emulator.scenario;
const ownerKey = scenario.users[0]?.userKey ?? '';
const vendorKey = scenario.vendorKeys[0]?.key ?? '';
const retailers = scenario.licenses.filter((l) => l.kind === 'retailer').map((l) => l.number);

const dataDir = mkdtempSync(join(tmpdir(), 'tg-bench-drain-'));
const benchPg = args.dialect === 'postgres' ? await createBenchPgDatabase() : undefined;
const databaseUrl = benchPg?.url;
const workerEnv = {
  TRACEGATE_DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  ...(databaseUrl && { DATABASE_URL: databaseUrl }),
  OUTBOX_WRITE_CAP: String(CAP),
  OUTBOX_BATCH_SIZE: String(BATCH),
  OUTBOX_WORKER_CONCURRENCY: String(LICENSES),
};
const config = loadConfig({ env: workerEnv, cwd: dataDir });
const database = createDatabase(config.database);
await migrateToLatest(database.db, database.dialect);
const metrc = createMetrcClient({
  baseUrlTemplate: emulator.baseUrlTemplate,
  limits: { licenseWritesPerSecond: 0 },
});
const services = await openServices({
  config,
  database,
  clock: systemClock,
  logger: createSilentLogger(),
  metrcProbe: createMetrcKeyProbe(metrc),
});
await services.vendorKeys.set(SYSTEM_ACTOR, {
  state: 'ca',
  environment: 'production',
  key: new Secret(vendorKey),
});
const org = await services.identity.createOrganization(
  { userId: null, tokenId: null },
  {
    name: 'Drain Co',
    slug: `drain-${Date.now()}`,
    admin: {
      email: 'a@drain.test',
      name: 'A',
      password: new Secret('correct horse battery staple'),
    },
  },
);
const principal = {
  organizationId: org.organization.id,
  role: 'admin' as const,
  userId: org.admin.id,
  tokenId: null,
};
progress(`verifying the facility key for ${retailers.length} licenses`);
await services.credentials.create(principal, {
  state: 'ca',
  kind: 'facility',
  licenseNumbers: retailers,
  key: new Secret(ownerKey),
});
const owner = metrc.forKeys({
  state: 'ca',
  vendorKey: new Secret(vendorKey),
  userKey: new Secret(ownerKey),
});
const licenses = await services.licenses.list(org.organization.id);
const labelOf = new Map<number, string>();
for (const license of licenses) {
  const page = await listActivePackages(owner, {
    licenseNumber: license.number,
    pageNumber: 1,
    pageSize: 20,
  });
  const pkg = page.data.find((p) => p.UnitOfMeasureName === 'Grams');
  if (pkg) labelOf.set(license.id, pkg.Label);
}

// Queue: raw inserts (setup, not what is measured), shaped exactly as enqueue writes them.
const db = database.db;
const now = new Date();
const stamp = toTimestamp(now);
const base = now.getTime() - 3 * 3_600_000;
// Sale times 100 ms apart, closer when there are many: every one sent must lie in the past
// (Metrc refuses a sale in the future, and a refused row would never let the drain end).
const saleStepMs = Math.min(100, Math.floor((2.5 * 3_600_000) / Math.max(1, WARMUP + RECEIPTS)));
/** Filler (`F`, already sent), warm-up (`W`) and measured (`Q`) rows; `i` orders their sale times. */
const row = (i: number, phase: 'F' | 'W' | 'Q') => {
  const license = licenses[i % licenses.length];
  const label = labelOf.get(license?.id ?? 0) ?? '';
  const reference = `TG-${phase}${i}`;
  const status: 'sent' | 'queued' = phase === 'F' ? 'sent' : 'queued';
  return {
    organization_id: org.organization.id,
    license_id: license?.id ?? 0,
    kind: 'sales.receipt.create',
    payload: JSON.stringify({
      externalNumber: reference,
      customerType: 'Consumer',
      lines: [{ packageLabel: label, quantity: 0.1, unitOfMeasure: 'Grams', totalAmount: 1 }],
    }),
    reference,
    touches: JSON.stringify([`receipt:${reference}`, `package:${label}`]),
    actor_user_id: org.admin.id,
    occurred_at: toTimestamp(new Date(base + i * saleStepMs)),
    status,
    next_attempt_at: stamp,
    created_at: stamp,
    updated_at: stamp,
    ...(status === 'sent' && { sent_at: stamp }),
  };
};
const CHUNK = 500;
const insertRows = async (from: number, count: number, phase: 'F' | 'W' | 'Q', into = db) => {
  for (let i = from; i < from + count; i += CHUNK) {
    await into
      .insertInto('submissions')
      .values(
        Array.from({ length: Math.min(CHUNK, from + count - i) }, (_, k) => row(i + k, phase)),
      )
      .execute();
  }
};
const leases = createLicenseLeasesRepo({ db, dialect: database.dialect, clock: systemClock });
const wakeAll = async (into = db) => {
  for (const license of licenses) {
    await leases.wake(
      { licenseId: license.id, organizationId: org.organization.id },
      new Date(),
      into,
    );
  }
};
progress(`inserting ${FILLER} sent rows and ${WARMUP} warm-up receipts`);
await insertRows(0, FILLER, 'F');
await insertRows(0, WARMUP, 'W');
// The claim probe below needs due work: the warm-up's, or (without a warm-up) the measured rows'.
if (WARMUP === 0) await insertRows(0, RECEIPTS, 'Q');
await wakeAll();

// Claiming the next batch with the table full: lease + line page + aside set, then release.
const submissions = createSubmissionsRepo(db);
const samples: number[] = [];
for (let i = 0; i < 200; i++) {
  const started = performance.now();
  const lease = await leases.claim('bench-probe', 30_000);
  if (!lease) break;
  await submissions.asideTouches(lease.licenseId);
  await submissions.lineWithSeq(lease.licenseId, 0, 200);
  samples.push(performance.now() - started);
  await leases.release(lease);
}
samples.sort((a, b) => a - b);
const claimP50Ms = samples[Math.floor(samples.length / 2)] ?? null;
if (process.env.BENCH_EXPLAIN) {
  // The plans behind claimP50Ms (stderr), to check the partial indexes are used at full size.
  const explain =
    database.dialect === 'postgres' ? 'explain (analyze, buffers)' : 'explain query plan';
  const license = licenses[0]?.id ?? 0;
  const now = toTimestamp(new Date());
  for (const query of [
    `select license_id from license_leases where wake_at is not null and paused_at is null and wake_at <= '${now}' and (lease_expires_at is null or lease_expires_at < '${now}') order by wake_at limit 1`,
    `select touches from submissions where license_id = ${license} and status in ('failed','held')`,
    `select l.work_seq, s.* from license_leases l left join (select * from submissions where license_id = ${license} and status in ('queued','sending') and id > 0 order by id limit 51) s on true where l.license_id = ${license} order by s.id`,
  ]) {
    const plan = await sql.raw(`${explain} ${query}`).execute(db);
    progress(`${query}\n${plan.rows.map((r) => Object.values(r as object).join(' ')).join('\n')}`);
  }
}

await emulator.control('POST', 'faults', { kind: 'latency', ms: LATENCY_MS });

progress(`starting ${WORKERS} worker process(es), cap ${CAP} shared, ${LATENCY_MS} ms latency`);
const workers: ChildProcess[] = Array.from({ length: WORKERS }, (_, n) =>
  fork(new URL('./support/outbox-drain-worker.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_WORKER_EXEC_ARGV?.split(' ') ?? [])],
    env: {
      ...process.env,
      ...workerEnv,
      BENCH_BASE_URL_TEMPLATE: emulator.baseUrlTemplate,
      BENCH_OWNER: `bench-${n}`,
      BENCH_SHARED_STORE: database.dialect === 'postgres' ? 'postgres' : 'memory',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  }),
);
const message = (child: ChildProcess, key: string) =>
  new Promise<Record<string, unknown>>((resolve, reject) => {
    const onMessage = (m: Record<string, unknown>) => {
      if (key in m) {
        child.off('message', onMessage);
        resolve(m);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
await Promise.all(workers.map((w) => message(w, 'ready')));
const untilDrained = async () => {
  for (;;) {
    // Is any row left? One index entry answers it; counting them all (a `count(*)` of up to
    // 50,000 rows every 50 ms) cost PostgreSQL about 20 ms a time, a quarter of its CPU during
    // the drain, taken from the workers being measured. Literal statuses: the partial index answers.
    const left = await sql<{ id: number }>`select id from submissions
      where status in ('queued','held','sending','failed') limit 1`.execute(db);
    if (left.rows.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
const maxId = async (table: 'submissions' | 'audit_events', into = db) =>
  Number(
    (
      await into
        .selectFrom(table)
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst()
    )?.id ?? 0,
  );
await emulator.control('DELETE', 'requests');
/** This bench's PostgreSQL backends (the workers' pools and its own connection). */
const backendPids = async () =>
  database.dialect === 'postgres'
    ? (
        await sql<{ pid: number }>`select pid from pg_stat_activity
          where datname = current_database()`.execute(db)
      ).rows.map((r) => r.pid)
    : [];
const readProcessesCpu = async () => ({
  emulator: readCpu([emulator.pid]),
  postgres: readCpu(await backendPids()),
});
let cpuAtStart = await readProcessesCpu();
let drainStarted = Date.now();
for (const w of workers) w.send({ cmd: 'go' });
let queuedFrom = 0;
let uploadsBefore = 0;
if (WARMUP > 0) {
  progress(`warming up: ${WARMUP} receipts`);
  await untilDrained();
  await emulator.control('DELETE', 'requests');
  uploadsBefore = await maxId('audit_events');
  progress(`queueing ${RECEIPTS} receipts in one transaction`);
  queuedFrom = await db.transaction().execute(async (trx) => {
    const from = (await maxId('submissions', trx)) + 1;
    await insertRows(WARMUP, RECEIPTS, 'Q', trx);
    await wakeAll(trx);
    return from;
  });
  drainStarted = Date.now();
  cpuAtStart = await readProcessesCpu();
  for (const w of workers) w.send({ cmd: 'measure' });
} else {
  queuedFrom = (await maxId('submissions')) - RECEIPTS + 1;
}
progress('draining');
await untilDrained();
const cpuSpent = {
  emulator: cpuSince(cpuAtStart.emulator),
  postgres:
    database.dialect === 'postgres' ? cpuSince(cpuAtStart.postgres, await backendPids()) : null,
};
// The end is the last row's sent_at (the workers' clock is this machine's), not the poll tick.
const last = await db
  .selectFrom('submissions')
  .select((eb) => eb.fn.max('sent_at').as('at'))
  .where('id', '>=', queuedFrom)
  .executeTakeFirstOrThrow();
const seconds = (new Date(String(last.at)).getTime() - drainStarted) / 1000;
const reports = await Promise.all(
  workers.map((w) => {
    const report = message(w, 'peakRssMb');
    w.send({ cmd: 'stop' });
    return report;
  }),
);
const peakRssMb = Math.max(...reports.map((r) => Number(r.peakRssMb)));
// Includes the graceful stop; a noisy machine stretches `seconds` but not this.
const workerCpuMs = reports.reduce((sum, r) => sum + Number(r.cpuMs), 0);
const workerStatements = reports.reduce((sum, r) => sum + Number(r.statements), 0);
const posts = await emulator.control('GET', 'counters');
// The emulator's own time per write (arrival to answer, the injected latency included). With
// the cap full, a slot is held cap ÷ requestsPerSecond on average: what exceeds this mean is the
// workers' (sending, and reading the answer once their event loop gets to it).
const writes = (
  (await emulator.control('GET', `requests?method=POST&limit=${RECEIPTS}`)) as Array<{
    durationMs: number;
  }>
)
  .map((entry) => entry.durationMs)
  .sort((a, b) => a - b);
const at = (q: number) => Number((writes[Math.floor(q * (writes.length - 1))] ?? 0).toFixed(1));
const emulatorAnswerMs = {
  p50: at(0.5),
  mean: Number((writes.reduce((sum, ms) => sum + ms, 0) / Math.max(1, writes.length)).toFixed(1)),
  p99: at(0.99),
};

progress('checking what Metrc holds');
await emulator.control('DELETE', 'faults');
const seen = new Map<string, number>();
let orderViolations = 0;
for (const license of licenses) {
  const mine = [];
  for await (const { record } of iterateWindowedRecords(
    (page) => listActiveReceipts(owner, { licenseNumber: license.number, ...page }),
    { start: new Date(now.getTime() - 60_000), end: new Date(Date.now() + 60_000) },
    { maxWindowMs: 24 * 3_600_000, overlapMs: 0 },
  )) {
    mine.push(record);
    const n = record.ExternalReceiptNumber ?? '';
    seen.set(n, (seen.get(n) ?? 0) + 1);
  }
  mine.sort((a, b) => a.Id - b.Id);
  for (let i = 1; i < mine.length; i++) {
    if ((mine[i]?.SalesDateTime ?? '') < (mine[i - 1]?.SalesDateTime ?? '')) orderViolations++;
  }
}
const requests = await db
  .selectFrom('audit_events')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('action', '=', 'submission.uploaded')
  .where('id', '>', uploadsBefore)
  .executeTakeFirstOrThrow();
const bound = CAP / (LATENCY_MS / 1000);
const perRequest = (ms: number | undefined) =>
  ms === undefined ? null : Number((ms / Math.max(1, Number(requests.n))).toFixed(2));
const result = {
  dialect: database.dialect,
  pgVia: benchPg?.via ?? null,
  workers: WORKERS,
  receipts: RECEIPTS,
  warmupReceipts: WARMUP,
  licenses: licenses.length,
  fillerRows: FILLER,
  latencyMs: LATENCY_MS,
  cap: CAP,
  batchSize: BATCH,
  seconds: Number(seconds.toFixed(2)),
  requests: Number(requests.n),
  requestsPerSecond: Number((Number(requests.n) / seconds).toFixed(1)),
  boundRequestsPerSecond: bound,
  ratio: Number((Number(requests.n) / seconds / bound).toFixed(3)),
  receiptsPerSecond: Number((RECEIPTS / seconds).toFixed(1)),
  duplicates: [...seen.values()].filter((n) => n > 1).length,
  lost: WARMUP + RECEIPTS - seen.size,
  orderViolations,
  claimP50Ms: claimP50Ms === null ? null : Number(claimP50Ms.toFixed(2)),
  peakRssMb,
  // Before any work: what loading Tracegate (and tsx) costs, for reading peakRssMb.
  workerRssAtStartMb: Math.max(...reports.map((r) => Number(r.rssAtGoMb))),
  // At the end, largest worker: V8's heap in use and reserved, and memory outside it.
  workerHeapMb: reports.map((r) => `${r.heapUsedMb}/${r.heapTotalMb}+${r.externalMb}`).join(' '),
  workerCpuMsPerRequest: perRequest(workerCpuMs),
  // From /proc over the measured drain (null elsewhere): what the rest of the machine spent.
  emulatorCpuMsPerRequest: perRequest(cpuSpent.emulator?.processesMs),
  postgresCpuMsPerRequest: perRequest(cpuSpent.postgres?.processesMs),
  machineCpuMsPerRequest: perRequest(cpuSpent.emulator?.machineMs),
  // Every SQL statement the workers sent (bench/support/statement-counter.ts): steady where CPU
  // is not, so it shows a change to the round trips at once.
  statementsPerRequest: perRequest(workerStatements),
  emulatorCounters: posts,
  emulatorAnswerMs,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
await metrc.close();
await database.close();
await emulator.close();
rmSync(dataDir, { recursive: true, force: true });
await benchPg?.drop();
process.exit(0);
