/**
 * One outbox worker process of the outbox-drain bench: opens the services on the bench's
 * database (same env), builds a Metrc client against the emulator child, and runs one
 * dispatcher when the parent says `go`. Reports `{ ready }`; `measure` (after the warm-up) restarts
 * the CPU count and looks for work at once; on `stop` it drains gracefully and answers
 * `{ peakRssMb, cpuMs, statements }` (this process only: what a worker costs; CPU and SQL
 * statements sent from `measure`). On PostgreSQL the write cap
 * and the Metrc limiter share the PostgreSQL store, so N workers hold `cap` writes together.
 * Env: BENCH_BASE_URL_TEMPLATE, BENCH_OWNER, BENCH_SHARED_STORE (postgres|memory), plus the
 * Tracegate config env (TRACEGATE_DATA_DIR, DATABASE_URL, OUTBOX_*).
 * Like `tracegate start --role worker`, it caps V8's heap growth first (src/cli/heap-growth.ts).
 */
import { limitHeapGrowth } from '../../src/cli/heap-growth.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createMetrcKeyProbe } from '../../src/credentials/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { createSilentLogger, systemClock } from '../../src/lib/index.ts';
import { openServices } from '../../src/main/services.ts';
import { createMetrcClient, createPostgresRateLimitStore } from '../../src/metrc/index.ts';
import { statementCounter } from './statement-counter.ts';

limitHeapGrowth();

const config = loadConfig({ env: process.env, cwd: process.env.TRACEGATE_DATA_DIR ?? '.' });
// As `tracegate start` opens it: SQLite checkpoints on a thread of its own.
const database = createDatabase(config.database, { checkpointThread: true });
const store =
  process.env.BENCH_SHARED_STORE === 'postgres' && config.database.kind === 'postgres'
    ? await createPostgresRateLimitStore({ connectionString: config.database.url })
    : undefined;
const metrc = createMetrcClient({
  baseUrlTemplate: process.env.BENCH_BASE_URL_TEMPLATE ?? '',
  limits: { licenseWritesPerSecond: 0 },
  ...(store && { store }),
});
const services = await openServices({
  config,
  database,
  clock: systemClock,
  logger: createSilentLogger(),
  metrcProbe: createMetrcKeyProbe(metrc),
});
const dispatcher = services.outbox.createDispatcher({
  metrc,
  health: services.credentialHealth,
  owner: process.env.BENCH_OWNER ?? `bench-${process.pid}`,
});
const send = (message: unknown) => process.send?.(message);
let cpuAtGo = process.cpuUsage();
let rssAtGo = 0;
process.on('message', (message: { cmd?: string }) => {
  if (message.cmd === 'go') {
    cpuAtGo = process.cpuUsage();
    rssAtGo = process.memoryUsage().rss;
    dispatcher.start();
  }
  // After the warm-up: CPU counts from here, and the measured rows are looked for at once.
  if (message.cmd === 'measure') {
    cpuAtGo = process.cpuUsage();
    statementCounter.reset();
    dispatcher.wake();
  }
  if (message.cmd === 'stop') {
    void (async () => {
      await dispatcher.stop();
      const cpu = process.cpuUsage(cpuAtGo);
      const statements = statementCounter.read();
      for (const [text, n] of statementCounter.breakdown())
        process.stderr.write(`[worker ${process.pid}] ${String(n).padStart(6)} ${text}\n`);
      const heap = process.memoryUsage();
      send({
        // The kernel's high-water mark (exact, and free: a 50 ms sampler of RSS cost ≈ 1 % of
        // the worker's CPU and gave the same figure).
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        rssAtGoMb: Math.round(rssAtGo / 1_048_576),
        heapUsedMb: Math.round(heap.heapUsed / 1_048_576),
        heapTotalMb: Math.round(heap.heapTotal / 1_048_576),
        externalMb: Math.round((heap.external + heap.arrayBuffers) / 1_048_576),
        cpuMs: (cpu.user + cpu.system) / 1000,
        statements,
      });
      await metrc.close();
      await database.close();
      process.exit(0);
    })();
  }
});
// The parent died: nothing to report to.
process.on('disconnect', () => process.exit(0));
send({ ready: true });
