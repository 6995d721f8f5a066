/**
 * `npm run bench -- ingest [--dialect sqlite|postgres] [--requests N] [--connections N]`
 *
 * Accepting submissions over HTTP: `POST /api/licenses/{license}/submissions` with an API token
 * naming the actor, 20 connections, against a bare Fastify route that inserts one row into the
 * same database, measured in the same run. Each side first gets a warm-up (`--warmup`, not
 * measured: JIT, statement caches, pool connections), then the same number of measured requests.
 * Prints ONE JSON line: acceptedPerSecond, p50Ms, p99Ms, cpuMsPerRequest (this process's CPU per
 * request: steadier than rates when the machine is shared), the baseline's, and ratio.
 * Target: ratio ≥ 0.5, p99 < 25 ms.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { Pool } from 'undici';
import { buildApp } from '../src/api/index.ts';
import { loadConfig } from '../src/config/index.ts';
import { NO_METRC_PROBE } from '../src/credentials/index.ts';
import { createDatabase, migrateToLatest } from '../src/db/index.ts';
import { createSilentLogger, Secret, systemClock, toTimestamp } from '../src/lib/index.ts';
import { openServices } from '../src/main/services.ts';

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
let databaseUrl: string | undefined;
if (args.dialect === 'postgres') {
  const name = `tg_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  databaseUrl = `postgres://postgres@127.0.0.1:5432/${name}`;
}
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

async function load(
  url: string,
  path: string,
  body: (i: number) => unknown,
  headers: Record<string, string>,
) {
  const pool = new Pool(url, { connections: CONNECTIONS });
  await run(pool, path, body, headers, WARMUP, REQUESTS);
  const measured = await run(pool, path, body, headers, REQUESTS, 0);
  await pool.close();
  return measured;
}

/** `count` requests over CONNECTIONS concurrent connections; bodies numbered from `firstIndex`. */
async function run(
  pool: Pool,
  path: string,
  body: (i: number) => unknown,
  headers: Record<string, string>,
  count: number,
  firstIndex: number,
) {
  const latencies: number[] = [];
  let next = 0;
  let accepted = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        const t0 = performance.now();
        const res = await pool.request({
          method: 'POST',
          path,
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body(firstIndex + i)),
        });
        await res.body.text();
        latencies.push(performance.now() - t0);
        if (res.statusCode < 300) accepted++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    Number((latencies[Math.floor(latencies.length * p)] ?? 0).toFixed(2));
  return {
    perSecond: Number((accepted / seconds).toFixed(1)),
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
    // This process's CPU (server and load generator) per request: steadier than rates on a
    // shared machine, where other processes take cores away.
    cpuMsPerRequest: Number(((cpu.user + cpu.system) / 1000 / count).toFixed(3)),
    accepted,
  };
}

const receipt = (i: number) => ({
  kind: 'sales.receipt.create',
  actor: { userId: created.admin.id },
  occurredAt: new Date(Date.now() - 60_000).toISOString(),
  payload: {
    externalNumber: `ING-${i}`,
    lines: [
      {
        packageLabel: '1A4FF0100000022000000123',
        quantity: 1,
        unitOfMeasure: 'Each',
        totalAmount: 10,
      },
    ],
  },
});

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
const baseline = await load(bareUrl, '/ingest', receipt, {});
await bare.close();

const app = await buildApp(services);
const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
progress(`tracegate: ${WARMUP} warm-up + ${REQUESTS} requests, ${CONNECTIONS} connections`);
const tracegate = await load(appUrl, '/api/licenses/C10-0000106-LIC/submissions', receipt, {
  authorization: `Bearer ${token}`,
});
await app.close();
// Speed is worthless if the chain forked: every accepted submission left a verifiable record.
const auditOk = (await services.audit.verify()).ok;

process.stdout.write(
  `${JSON.stringify({
    dialect: database.dialect,
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
await database.close();
if (databaseUrl) {
  const pgAdmin = new pg.Client({
    connectionString: 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await pgAdmin.connect();
  await pgAdmin.query(
    `drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`,
  );
  await pgAdmin.end();
}
process.exit(0);
