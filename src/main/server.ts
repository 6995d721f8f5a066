import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from '../api/index.ts';
import type { Config } from '../config/index.ts';
import { createMetrcKeyProbe } from '../credentials/index.ts';
import { createDatabase, migrateToLatest } from '../db/index.ts';
import { type RunningEmulator, startEmulator } from '../emulator/index.ts';
import { createLogger, type Logger, type Secret, systemClock } from '../lib/index.ts';
import { createMetrcClientFromConfig } from '../metrc/index.ts';
import { type DemoMetrcSummary, seedDemo, seedDemoMetrc } from './demo-seed.ts';
import { removeEmulatorUrl, writeEmulatorUrl } from './emulator-url-file.ts';
import { openDatabaseVault } from './open-vault.ts';
import { createServices } from './services.ts';
import { createWorker } from './worker.ts';

export interface RunningTracegate {
  url: string;
  metrcBaseUrlTemplate: string;
  /** Set on the first start of a fresh deployment only. */
  demoAdmin: { email: string; password: Secret } | null;
  /** What the first start set up against the built-in emulator. */
  demoMetrc: DemoMetrcSummary | null;
  /** Where the master key comes from, and whether this start created it. */
  vaultKey: { source: string; created: boolean };
  close(): Promise<void>;
}

/**
 * `tracegate start`: migrates, starts the built-in Metrc when none is configured, seeds the demo
 * organization on first start, serves the API and runs the worker.
 */
/** What a process runs: the API, the worker (outbox dispatcher, scheduled jobs), or both. */
export type ProcessRole = 'api' | 'worker' | 'all';

export async function startTracegate(
  config: Config,
  options: { logger?: Logger; role?: ProcessRole } = {},
): Promise<RunningTracegate> {
  const role = options.role ?? 'all';
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  // A long-running process: SQLite checkpoints on a thread of its own (src/db/sqlite-checkpointer.ts).
  const database = createDatabase(config.database, { checkpointThread: true });
  const closers: Array<() => Promise<void>> = [() => database.close()];
  try {
    const applied = await migrateToLatest(database.db, database.dialect);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
    const vault = await openDatabaseVault({ config, database, clock: systemClock, logger });

    let metrcBaseUrlTemplate = config.metrcBaseUrlTemplate;
    let emulator: RunningEmulator | null = null;
    if (!metrcBaseUrlTemplate) {
      emulator = await startEmulator({ port: 0, scenario: 'demo' });
      closers.unshift(emulator.close);
      metrcBaseUrlTemplate = emulator.baseUrlTemplate;
      const url = metrcBaseUrlTemplate;
      writeEmulatorUrl(config.dataDir, url);
      closers.unshift(async () => removeEmulatorUrl(config.dataDir, url));
    }

    const metrc = await createMetrcClientFromConfig(config, {
      baseUrlTemplate: metrcBaseUrlTemplate,
      logger,
    });
    closers.unshift(() => metrc.close());
    // The built-in emulator means a demo on this machine: its webhook receivers are local too.
    const alerts = emulator ? { ...config.alerts, webhookAllowPrivate: true } : config.alerts;
    const services = createServices({
      config: { ...config, metrcBaseUrlTemplate, alerts },
      database,
      clock: systemClock,
      logger,
      vault,
      metrcProbe: createMetrcKeyProbe(metrc),
      metrc,
    });
    const demoAdmin = config.seedDemo && role !== 'worker' ? await seedDemo(services) : null;
    const demoMetrc =
      demoAdmin && emulator ? await seedDemoMetrc(services, emulator, demoAdmin) : null;
    let url = '';
    if (role !== 'worker') {
      const app = await buildApp(services);
      closers.unshift(() => app.close());
      const address = await app.listen({ host: config.host, port: config.port });
      const port = new URL(address).port;
      url = config.publicUrl ?? `http://${displayHost(config.host)}:${port}`;
      (app.log as FastifyBaseLogger).info({ url, database: database.dialect }, 'tracegate started');
    }
    if (role !== 'api') {
      const worker = createWorker(services, { metrc });
      worker.start();
      closers.unshift(worker.stop);
      if (role === 'worker') {
        // No server socket holds a worker's event loop open, and its timers are unref'd: keep it
        // alive until it is stopped.
        const keepAlive = setInterval(() => {}, 60_000);
        closers.unshift(async () => clearInterval(keepAlive));
        logger.info({ database: database.dialect }, 'tracegate worker started');
      }
    }
    return {
      url,
      metrcBaseUrlTemplate,
      demoAdmin,
      demoMetrc,
      vaultKey: { source: vault.status().keySource, created: vault.status().createdKey },
      close: async () => {
        for (const close of closers) await close();
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => {});
    throw error;
  }
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
