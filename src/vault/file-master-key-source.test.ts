import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isAppError } from '../lib/index.ts';
import { createFileMasterKeySource } from './file-master-key-source.ts';
import { selectMasterKeySource } from './select-master-key-source.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tracegate-vault-'));
  dirs.push(dir);
  return dir;
}
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const posix = process.platform !== 'win32';

describe('file master key source', () => {
  it('creates <dataDir>/master.key with mode 0600 on first start and reads it back', async () => {
    const dataDir = join(await tempDir(), 'data');
    const source = createFileMasterKeySource({ dataDir });
    assert.equal(source.label, join(dataDir, 'master.key'));
    assert.equal(await source.read(), undefined);
    const created = await source.create();
    if (posix) assert.equal((await stat(source.label)).mode & 0o777, 0o600);
    const read = await source.read();
    assert.deepEqual(read?.versions, [1]);
    assert.deepEqual(read?.keyFor(1), created.keyFor(1));
  });

  it('never replaces an existing key file when asked to create one', async () => {
    const source = createFileMasterKeySource({ dataDir: await tempDir() });
    const first = await source.create();
    const second = await source.create();
    assert.deepEqual(second.keyFor(1), first.keyFor(1));
  });

  it('refuses a key file readable by group or others, naming the path', {
    skip: !posix,
  }, async () => {
    const source = createFileMasterKeySource({ dataDir: await tempDir() });
    await source.create();
    for (const mode of [0o640, 0o604, 0o644]) {
      await chmod(source.label, mode);
      await assert.rejects(source.read(), (error) => {
        assert.ok(isAppError(error));
        assert.equal(error.code, 'VAULT_KEY_FILE_TOO_OPEN');
        assert.ok(error.message.includes(source.label));
        assert.ok(error.message.includes('chmod 600'));
        return true;
      });
    }
    await chmod(source.label, 0o600);
    assert.ok(await source.read());
  });

  it('rewrites the keyring atomically: new inode, mode 0600, no temp files left', async () => {
    const dataDir = await tempDir();
    const source = createFileMasterKeySource({ dataDir });
    const keyring = await source.create();
    const before = await stat(source.label);
    const stampBefore = await source.stamp();
    await source.write(keyring.withNewPrimary(2));
    const afterWrite = await stat(source.label);
    assert.notEqual(afterWrite.ino, before.ino, 'replaced by rename, not rewritten in place');
    if (posix) assert.equal(afterWrite.mode & 0o777, 0o600);
    assert.deepEqual(await readdir(dataDir), ['master.key']);
    assert.notEqual(await source.stamp(), stampBefore);
    assert.deepEqual((await source.read())?.versions, [2, 1]);
  });

  it('leaves the old file and no temp file behind when a write fails', async () => {
    const dir = await tempDir();
    const target = join(dir, 'master.key');
    await mkdir(target); // rename onto a directory fails
    await assert.rejects(writeFileAtomic(target, 'x'));
    assert.deepEqual(await readdir(dir), ['master.key']);

    const file = join(dir, 'other.key');
    await writeFile(file, 'old', { mode: 0o600 });
    await assert.rejects(writeFileAtomic(file, 'new', { exclusive: true }), { code: 'EEXIST' });
    assert.equal(await readFile(file, 'utf8'), 'old');
    assert.deepEqual((await readdir(dir)).sort(), ['master.key', 'other.key']);
  });

  it('holds one rotation lock at a time and takes over one left by a dead process', async () => {
    const source = createFileMasterKeySource({ dataDir: await tempDir() });
    await source.create();
    const lock = await source.acquireRotationLock();
    await assert.rejects(source.acquireRotationLock(), { code: 'VAULT_ROTATION_LOCKED' });
    await lock.release();

    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const lockPath = `${source.label}.rotating`;
    await writeFile(lockPath, JSON.stringify({ pid: Number(dead.stdout), host: hostname() }));
    const taken = await source.acquireRotationLock();
    await taken.release();
  });
});

describe('selectMasterKeySource', () => {
  it('uses TRACEGATE_MASTER_KEY when set, else the key file', async () => {
    const dataDir = await tempDir();
    const env = { TRACEGATE_MASTER_KEY: Buffer.alloc(32, 7).fill(9, 5).toString('base64') };
    assert.equal(selectMasterKeySource({ env, dataDir }).label, 'TRACEGATE_MASTER_KEY');
    assert.equal(selectMasterKeySource({ env: {}, dataDir }).label, join(dataDir, 'master.key'));
  });
});
