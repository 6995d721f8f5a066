import { mkdir, open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKeyring, type Keyring } from './keyring.ts';
import { formatKeyringFile, parseKeyringFile } from './keyring-format.ts';
import type { MasterKeySource } from './master-key-source.ts';
import { acquireRotationLockFile } from './rotation-lock-file.ts';
import { vaultErrors } from './vault-errors.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export const MASTER_KEY_FILE_NAME = 'master.key';
const ROTATION_LOCK_SUFFIX = '.rotating';
const OWNER_ONLY = 0o600;
/** Group and other permission bits: any of them set means someone else may read the key. */
const GROUP_OR_OTHER = 0o077;

export interface FileMasterKeySourceOptions {
  /** The data directory; the key lives at `<dataDir>/master.key`. */
  dataDir: string;
}

/**
 * The keyring in `<dataDir>/master.key` (JSON, mode 0600). Created on first start by the vault
 * only when the database holds no sealed secrets; refused when group or others may read it;
 * rewritten atomically by rotation.
 *
 * @example
 * const source = createFileMasterKeySource({ dataDir: './data' });
 * source.label; // './data/master.key' — print it at start-up so the operator backs it up
 */
export function createFileMasterKeySource(
  options: FileMasterKeySourceOptions,
): MasterKeySource & Required<Pick<MasterKeySource, 'create' | 'write' | 'acquireRotationLock'>> {
  const path = join(options.dataDir, MASTER_KEY_FILE_NAME);

  async function read(): Promise<Keyring | undefined> {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      // Check the opened file itself, not the path, so a swap between check and read can't fool us.
      const info = await handle.stat();
      if (!info.isFile()) {
        throw vaultErrors.VAULT_MASTER_KEY_INVALID({
          message: `Invalid master key: ${path} is not a regular file.`,
        });
      }
      if (process.platform !== 'win32' && (info.mode & GROUP_OR_OTHER) !== 0) {
        const mode = (info.mode & 0o777).toString(8).padStart(3, '0');
        throw vaultErrors.VAULT_KEY_FILE_TOO_OPEN({
          message: `The master key file ${path} has mode ${mode}; it must be readable by its owner only. Run: chmod 600 ${path}`,
          details: { path, mode },
        });
      }
      return parseKeyringFile(await handle.readFile('utf8'), path);
    } finally {
      await handle.close();
    }
  }

  return {
    label: path,
    missingHint: `Restore ${path} from backup (or set TRACEGATE_MASTER_KEY to the keyring that sealed the stored secrets).`,
    read,
    async stamp() {
      try {
        const info = await stat(path);
        // A rename gives a new inode, so this changes even within one mtime tick.
        return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
        throw error;
      }
    },
    async create() {
      await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
      const keyring = generateKeyring();
      try {
        await writeFileAtomic(path, formatKeyringFile(keyring), {
          mode: OWNER_ONLY,
          exclusive: true,
        });
        return keyring;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        // Another process created it first: use theirs, never replace it.
        const existing = await read();
        if (!existing) throw error;
        return existing;
      }
    },
    async write(keyring) {
      await writeFileAtomic(path, formatKeyringFile(keyring), { mode: OWNER_ONLY });
    },
    acquireRotationLock: () => acquireRotationLockFile(path + ROTATION_LOCK_SUFFIX),
  };
}
