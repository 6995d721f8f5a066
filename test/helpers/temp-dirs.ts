import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every directory made here by this test process: removed when it exits, whatever the tests did. */
const made: string[] = [];

/** A fresh directory under the system temp dir (`<prefix>XXXXXX`), removed at process exit. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (made.length === 0)
    process.on('exit', () => {
      for (const one of made) rmSync(one, { recursive: true, force: true });
    });
  made.push(dir);
  return dir;
}

/**
 * One directory per key, made on first use: `dirFor(key)` answers the same directory for the same
 * key (e.g. one data dir, and so one vault key file, per test database).
 */
export function tempDirPerKey(prefix: string): (key: string) => string {
  const dirs = new Map<string, string>();
  return (key) => {
    let dir = dirs.get(key);
    if (!dir) {
      dir = tempDir(prefix);
      dirs.set(key, dir);
    }
    return dir;
  };
}
