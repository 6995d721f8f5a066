/**
 * `npm run bench -- ingest [--dialect sqlite|postgres] [--requests N] [--connections N]`
 *
 * Accepting submissions over HTTP: `POST /api/licenses/{license}/submissions` with an API token
 * naming the actor, 20 connections, against a bare Fastify route that inserts one row into the
 * same database, measured in the same run. Each side first gets a warm-up (`--warmup`, not
 * measured: JIT, statement caches, pool connections), then the same number of measured requests.
 * The load generator (undici, keep-alive) runs in a child process (`support/ingest-load-child.ts`),
 * so this process is the server alone: its CPU and event loop are not shared with the load.
 * Prints ONE JSON line: acceptedPerSecond, p50Ms, p99Ms, cpuMsPerRequest (the server process's
 * CPU per request: steadier than rates when the machine is shared), the baseline's, and ratio.
 * Target: ratio ≥ 0.5, p99 < 25 ms.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/api/index.ts';
import { loadConfig } from '../src/config/index.ts';
import { NO_METRC_PROBE } from '../src/credentials/index.ts';
import { createDatabase, migrateToLatest } from '../src/db/index.ts';
import { createSilentLogger, Secret, systemClock, toTimestamp } from '../src/lib/index.ts';
import { openServices } from '../src/main/services.ts';
import { createBenchPgDatabase } from './support/bench-postgres.ts';
import type { LoadOrder } from './support/ingest-load-child.ts';

const { values: args } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    requests: { type: 'string', default: process.env.INGEST_REQUESTS ?? '5000' },
    connections: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '500' },
  },
});
const REQUESTS = Number(args.requests);
const CONNECTIONS = Number(args.connections);
const WARMUP = Number(args.warmup);
const progress = (text: string) => process.stderr.write(`[bench ingest] ${text}\n`);

const dataDir = mkdtempSync(join(tmpdir(), 'tg-bench-ingest-'));
const benchPg = args.dialect === 'postgres' ? await createBenchPgDatabase() : undefined;
const databaseUrl = benchPg?.url;
const config = loadConfig({
  env: {
    TRACEGATE_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(databaseUrl && { DATABASE_URL: databaseUrl }),
  },
  cwd: dataDir,
});
const database = createDatabase(config.database);
await migrateToLatest(database.db, database.dialect);
const services = await openServices({
  config,
  database,
  clock: systemClock,
  logger: createSilentLogger(),
  metrcProbe: NO_METRC_PROBE,
});
const created = await services.identity.createOrganization(
  { userId: null, tokenId: null },
  {
    name: 'Ingest Co',
    slug: `ingest-${Date.now()}`,
    admin: {
      email: 'a@ingest.test',
      name: 'A',
      password: new Secret('correct horse battery staple'),
    },
  },
);
const admin = {
  organizationId: created.organization.id,
  role: 'admin' as const,
  userId: created.admin.id,
  tokenId: null,
};
await services.licenses.create(admin, {
  number: 'C10-0000106-LIC',
  state: 'ca',
  licenseType: 'Adult-Use Retailer',
  name: 'Store',
  facilityType: { CanSellToConsumers: true, CanAssignLocationsToPackages: true },
});
const { token } = await services.apiTokens.create(admin, { name: 'pos', role: 'staff' });

// The load generator runs in its own process: this process is the server alone, so its CPU per
// request and its event loop are the server's (the generator's were charged to it before).
const loader = fork(new URL('./support/ingest-load-child.ts', import.meta.url).pathname, [], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const fromLoader = (key: string) =>
  new Promise<Record<string, unknown>>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`load generator exited with ${code}`));
    const onMessage = (m: Record<string, unknown>) => {
      if (key in m) {
        loader.off('message', onMessage);
        loader.off('exit', onExit);
        resolve(m);
      }
    };
    loader.on('message', onMessage);
    loader.once('exit', onExit);
  });
await fromLoader('ready');

async function load(url: string, path: string, headers: Record<string, string>) {
  await run(url, path, headers, WARMUP, REQUESTS, false);
  return run(url, path, headers, REQUESTS, 0, true);
}

/** `count` requests over CONNECTIONS connections from the load generator; bodies from `firstIndex`. */
async function run(
  url: string,
  path: string,
  headers: Record<string, string>,
  count: number,
  firstIndex: number,
  close: boolean,
) {
  const order: LoadOrder = {
    url,
    path,
    headers,
    actorUserId: created.admin.id,
    connections: CONNECTIONS,
    count,
    firstIndex,
    close,
  };
  const answer = fromLoader('done');
  const cpuBefore = process.cpuUsage();
  loader.send(order);
  const { seconds, latencies, accepted } = (await answer) as unknown as {
    seconds: number;
    latencies: number[];
    accepted: number;
  };
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    Number((latencies[Math.floor(latencies.length * p)] ?? 0).toFixed(2));
  return {
    perSecond: Number((accepted / seconds).toFixed(1)),
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
    // The server process's CPU per request: steadier than rates on a shared machine, where
    // other processes take cores away. (It includes parsing the latencies sent back: small.)
    cpuMsPerRequest: Number(((cpu.user + cpu.system) / 1000 / count).toFixed(3)),
    accepted,
  };
}

// Baseline: bare Fastify, one insert of the body per request, same database.
await sql`create table bench_baseline (id integer primary key ${sql.raw(database.dialect === 'postgres' ? 'generated always as identity' : 'autoincrement')}, body text not null, created_at text not null)`.execute(
  database.db,
);
const bare = Fastify();
bare.post('/ingest', async (request, reply) => {
  await sql`insert into bench_baseline (body, created_at) values (${JSON.stringify(request.body)}, ${toTimestamp(new Date())})`.execute(
    database.db,
  );
  return reply.status(202).send({ ok: true });
});
const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
progress(`baseline: ${WARMUP} warm-up + ${REQUESTS} requests, ${CONNECTIONS} connections`);
const baseline = await load(bareUrl, '/ingest', {});
await bare.close();

const app = await buildApp(services);
const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
progress(`tracegate: ${WARMUP} warm-up + ${REQUESTS} requests, ${CONNECTIONS} connections`);
const tracegate = await load(appUrl, '/api/licenses/C10-0000106-LIC/submissions', {
  authorization: `Bearer ${token}`,
});
await app.close();
// Speed is worthless if the chain forked: every accepted submission left a verifiable record.
const auditOk = (await services.audit.verify()).ok;

process.stdout.write(
  `${JSON.stringify({
    dialect: database.dialect,
    pgVia: benchPg?.via ?? null,
    requests: REQUESTS,
    connections: CONNECTIONS,
    warmup: WARMUP,
    acceptedPerSecond: tracegate.perSecond,
    p50Ms: tracegate.p50Ms,
    p99Ms: tracegate.p99Ms,
    cpuMsPerRequest: tracegate.cpuMsPerRequest,
    accepted: tracegate.accepted,
    baselinePerSecond: baseline.perSecond,
    baselineP50Ms: baseline.p50Ms,
    baselineP99Ms: baseline.p99Ms,
    baselineCpuMsPerRequest: baseline.cpuMsPerRequest,
    ratio: Number((tracegate.perSecond / baseline.perSecond).toFixed(3)),
    auditOk,
  })}\n`,
);
loader.send({ cmd: 'stop' });
await database.close();
rmSync(dataDir, { recursive: true, force: true });
await benchPg?.drop();
process.exit(0);
