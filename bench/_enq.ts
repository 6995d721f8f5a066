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
import { sql } from 'kysely';
import pg from 'pg';
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
void token;
const principal = { kind: 'token' as const, organizationId: created.organization.id, role: 'staff' as const, userId: null, tokenId: 1, sessionId: null, isPlatformAdmin: false };
const body = (i: number) => ({
  license: 'C10-0000106-LIC',
  kind: 'sales.receipt.create',
  actor: { userId: created.admin.id },
  occurredAt: new Date(Date.now() - 60_000).toISOString(),
  payload: { externalNumber: `ING-${i}`, lines: [{ packageLabel: '1A4FF0100000022000000123', quantity: 1, unitOfMeasure: 'Each', totalAmount: 10 }] },
});
async function run(n: number, offset: number) {
  let next = 0;
  const cpu = process.cpuUsage(); const t = performance.now();
  await Promise.all(Array.from({ length: 20 }, async () => { for (;;) { const i = next++; if (i >= n) return; await services.outbox.service.enqueue(principal, body(offset + i)); } }));
  const c = process.cpuUsage(cpu);
  return { perSecond: Math.round(n / ((performance.now() - t) / 1000)), cpuMsPerEnqueue: Number(((c.user + c.system) / 1000 / n).toFixed(3)) };
}
await run(1000, 0);
process.stdout.write(`${JSON.stringify({ dialect: database.dialect, ...(await run(Number(process.env.N ?? 10000), 100000)) })}\n`);
await database.close();
process.exit(0);
