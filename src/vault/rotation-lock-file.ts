import { readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { RotationLock } from './master-key-source.ts';
import { vaultErrors } from './vault-errors.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/**
 * Takes the rotation lock file (created exclusively; holds pid, host and start time). A lock
 * left by a dead process on this host is taken over, so a crashed rotation can simply be rerun.
 */
export async function acquireRotationLockFile(lockPath: string): Promise<RotationLock> {
  const owner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 1; ; attempt++) {
    try {
      await writeFileAtomic(lockPath, `${JSON.stringify(owner)}\n`, { exclusive: true });
      return { release: () => unlink(lockPath).catch(() => {}) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (attempt === 1 && (await holderIsDead(lockPath))) {
        await unlink(lockPath).catch(() => {});
        continue;
      }
      throw vaultErrors.VAULT_ROTATION_LOCKED({
        message: `Another master-key rotation holds ${lockPath}. Wait for it to finish; if none is running, delete that file and run again.`,
        details: { lockPath },
      });
    }
  }
}

async function holderIsDead(lockPath: string): Promise<boolean> {
  try {
    const holder = JSON.parse(await readFile(lockPath, 'utf8')) as {
      pid?: unknown;
      host?: unknown;
    };
    if (holder.host !== hostname() || typeof holder.pid !== 'number') return false;
    process.kill(holder.pid, 0); // signal 0 only tests that the process exists
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
