import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WriteFileAtomicOptions {
  /** File mode, applied before any byte is written. Default 0o600 (owner only). */
  mode?: number;
  /** Fail with EEXIST instead of replacing an existing file (first-start creation races). */
  exclusive?: boolean;
}

/**
 * Writes `data` to `path` so that readers see either the old file or the whole new one, never a
 * torn write: a 0600 temp file beside it, fsync, then rename (or hard link when `exclusive`),
 * then fsync of the directory so the rename survives a power cut.
 *
 * @example
 * await writeFileAtomic('/var/lib/tracegate/master.key', json, { mode: 0o600 });
 */
export async function writeFileAtomic(
  path: string,
  data: string,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const mode = options.mode ?? 0o600;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.chmod(mode); // the umask may have narrowed it; make it exact
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) await linkExclusive(temp, path);
    else await rename(temp, path);
    await syncDirectory(dirname(path));
  } finally {
    await unlink(temp).catch(() => {}); // gone after rename; a leftover after link or failure
  }
}

/** A hard link fails if `path` exists, which makes creation atomic and race-free. */
async function linkExclusive(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Some filesystems (FAT, some FUSE mounts) have no hard links; an exclusive copy still never
    // replaces an existing key, at the cost of a torn file if the machine dies mid-copy.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    await copyFile(from, to, constants.COPYFILE_EXCL);
  }
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported on every platform (Windows); the rename itself is still atomic.
  }
}
