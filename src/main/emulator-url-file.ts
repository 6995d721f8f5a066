import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a running `tracegate start` tells CLI commands of the same data dir how to reach its
 * built-in emulator: CLI commands that need Metrc read it when METRC_BASE_URL_TEMPLATE is unset,
 * so `credentials add` works against the server a newcomer just started. Only the built-in
 * emulator is written (a URL with fake keys); a real Metrc URL is configuration, not state.
 */
export const EMULATOR_URL_FILE = 'emulator.url';

export function writeEmulatorUrl(dataDir: string, baseUrlTemplate: string): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, EMULATOR_URL_FILE), `${baseUrlTemplate}\n`, { mode: 0o600 });
}

/** The URL the running server's emulator listens on, or null when no server wrote one. */
export function readEmulatorUrl(dataDir: string): string | null {
  try {
    const url = readFileSync(join(dataDir, EMULATOR_URL_FILE), 'utf8').trim();
    return /^https?:\/\/\S+$/.test(url) ? url : null;
  } catch {
    return null;
  }
}

/** Removed on a clean stop: a stale URL would send commands to a port nobody listens on. */
export function removeEmulatorUrl(dataDir: string, baseUrlTemplate: string): void {
  if (readEmulatorUrl(dataDir) === baseUrlTemplate) {
    rmSync(join(dataDir, EMULATOR_URL_FILE), { force: true });
  }
}
