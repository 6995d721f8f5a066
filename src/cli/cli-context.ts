import { type Config, ConfigError, loadConfig } from '../config/index.ts';
import { createMetrcKeyProbe, NO_METRC_PROBE } from '../credentials/index.ts';
import { createDatabase, migrateToLatest } from '../db/index.ts';
import { createSilentLogger, isAppError, systemClock } from '../lib/index.ts';
import { readEmulatorUrl } from '../main/emulator-url-file.ts';
import { type AppServices, openServices } from '../main/services.ts';
import { createMetrcClientFromConfig, type MetrcClient } from '../metrc/index.ts';

/** Exit codes: 1 = the operation failed, 2 = bad configuration or usage. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * Runs `fn` with the same services the server uses, on a migrated database, and closes it after.
 * Metrc is METRC_BASE_URL_TEMPLATE when set, else the built-in emulator of a `tracegate start`
 * running on the same data dir (it writes `<data dir>/emulator.url`); with neither, verifying a
 * key fails with METRC_NOT_CONFIGURED, which names the variable to set.
 */
export async function withServices<T>(fn: (services: AppServices) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = createDatabase(config.database);
  let metrc: MetrcClient | null = null;
  try {
    await migrateToLatest(database.db, database.dialect);
    const logger = createSilentLogger();
    const baseUrlTemplate = config.metrcBaseUrlTemplate ?? readEmulatorUrl(config.dataDir);
    metrc = baseUrlTemplate
      ? await createMetrcClientFromConfig(config, { logger, baseUrlTemplate })
      : null;
    const services = await openServices({
      config,
      database,
      clock: systemClock,
      logger,
      metrcProbe: metrc ? createMetrcKeyProbe(metrc) : NO_METRC_PROBE,
      metrc,
    });
    return await fn(services);
  } finally {
    await metrc?.close();
    await database.close();
  }
}

export function loadCliConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig(), ...overrides };
}

/** Prints data as JSON (for `--json`) or as the given human text. */
export function output(json: boolean | undefined, data: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
}

/** Turns any failure into one clear line on stderr and an exit code; never a stack for known errors. */
export function reportFailure(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(EXIT_USAGE);
  }
  if (isAppError(error)) {
    process.stderr.write(`error ${error.code}: ${error.message}\n`);
    process.exit(EXIT_FAILURE);
  }
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT_FAILURE);
}

/** Reads all of stdin (for secrets, which must never be command-line arguments). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}
