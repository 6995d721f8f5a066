import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Secret } from '../lib/index.ts';
import { createEnvMasterKeySource } from './env-master-key-source.ts';
import { unwrapDataKey } from './envelope-crypto.ts';
import { parseWrapped } from './envelope-format.ts';
import { createFileMasterKeySource } from './file-master-key-source.ts';
import { generateKeyring, Keyring } from './keyring.ts';
import { formatEnvKeyring } from './keyring-format.ts';
import { createMemoryMasterKeySource } from './memory-master-key-source.ts';
import { createMemoryVaultMetaStore, createMemoryWrappedKeyStore } from './memory-vault-stores.ts';
import { rotateMasterKey } from './rotate-master-key.ts';
import { openVault, type Vault } from './vault-service.ts';
import type { WrappedKeyStore } from './vault-stores.ts';

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

type Sealed = Array<{ ref: string; sealed: string; plain: string }>;

async function sealMany(vault: Vault, count: number, prefix = 'credential'): Promise<Sealed> {
  const out: Sealed = [];
  for (let i = 0; i < count; i++) {
    const ref = `${prefix}:${i}`;
    const plain = `metrc-key-${prefix}-${i}-PLANTED`;
    out.push({ ref, plain, sealed: await vault.seal(ref, new Secret(plain)) });
  }
  return out;
}

async function assertAllOpen(vault: Vault, items: Sealed) {
  for (const { ref, sealed, plain } of items) {
    assert.equal((await vault.open(ref, sealed)).reveal(), plain, ref);
  }
}

/** The old master key, tried directly on every stored wrapped data key, opens none of them. */
function assertOldKeyOpensNothing(store: { rows: Map<string, unknown> }, old: Buffer) {
  const rows = [...store.rows.values()] as Array<{
    keyId: string;
    ref: string;
    wrappedKey: string;
  }>;
  assert.ok(rows.length > 0);
  for (const row of rows) {
    const parts = parseWrapped(row.wrappedKey);
    assert.throws(() => unwrapDataKey({ masterKey: old, keyId: row.keyId, ref: row.ref, parts }), {
      code: 'VAULT_DECRYPT_FAILED',
    });
  }
}

describe('rotateMasterKey with the key file', () => {
  it('re-wraps every data key under a new version; the old key opens nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tracegate-vault-'));
    dirs.push(dataDir);
    const meta = createMemoryVaultMetaStore();
    const store = createMemoryWrappedKeyStore();
    const running = await openVault({
      source: createFileMasterKeySource({ dataDir }),
      meta,
      store,
    });
    const items = await sealMany(running, 25);
    const source = createFileMasterKeySource({ dataDir });
    const oldKeyring = await source.read();
    assert.ok(oldKeyring);
    const payloadsBefore = items.map((i) => i.sealed);

    const report = await rotateMasterKey({ source, meta, store }, { batchSize: 7 });
    assert.deepEqual(report, {
      primaryVersion: 2,
      createdVersion: 2,
      retiredVersions: [1],
      rewrapped: 25,
      operatorMustRemove: [],
    });
    assert.deepEqual((await source.read())?.versions, [2], 'old key dropped from the file');
    assert.deepEqual(await store.versionsInUse(), [2]);
    assert.ok(meta.checks.get(1)?.retiredAt);
    assert.deepEqual(await readdir(dataDir), ['master.key'], 'lock released, no temp files');
    assert.deepEqual(
      items.map((i) => i.sealed),
      payloadsBefore,
    );

    await assertAllOpen(running, items); // the running server reloaded the file
    await assertAllOpen(await openVault({ source, meta, store }), items);

    assertOldKeyOpensNothing(store, oldKeyring.keyFor(1) as Buffer);
    const oldSource = createMemoryMasterKeySource({ keyring: oldKeyring });
    await assert.rejects(openVault({ source: oldSource, meta, store }), {
      code: 'VAULT_MASTER_KEY_MISSING',
    });
    const oldKeyAsV2 = new Keyring([{ version: 2, key: oldKeyring.keyFor(1) as Buffer }]);
    await assert.rejects(
      openVault({ source: createMemoryMasterKeySource({ keyring: oldKeyAsV2 }), meta, store }),
      { code: 'VAULT_MASTER_KEY_WRONG' },
    );

    const again = await rotateMasterKey({ source, meta, store });
    assert.equal(again.createdVersion, 3);
    await assertAllOpen(running, items);
  });
});

describe('rotateMasterKey while servers keep sealing', () => {
  it('leaves everything on the new version only, including seals that raced it', async () => {
    const source = createMemoryMasterKeySource({ keyring: generateKeyring() });
    const meta = createMemoryVaultMetaStore();
    const store = createMemoryWrappedKeyStore();
    const server = await openVault({ source, meta, store });
    // A second process that notices the key change late (its stat never changes).
    const lagging = await openVault({
      source: { ...source, stamp: async () => 'stale' },
      meta,
      store,
    });
    const oldKey = (await source.read())?.keyFor(1) as Buffer;
    const items = await sealMany(server, 30);

    let done = false;
    const rotation = rotateMasterKey({ source, meta, store }, { batchSize: 4 }).finally(() => {
      done = true;
    });
    const raced: Sealed = [];
    let i = 0;
    while (!done) {
      for (const vault of [server, lagging]) {
        const ref = `raced:${i++}`;
        const plain = `raced-key-${i}-PLANTED`;
        raced.push({ ref, plain, sealed: await vault.seal(ref, new Secret(plain)) });
      }
      const pick = items[i % items.length];
      assert.ok(pick);
      assert.equal((await server.open(pick.ref, pick.sealed)).reveal(), pick.plain);
    }
    const report = await rotation;
    assert.ok(raced.length > 4, `seals raced the rotation (${raced.length})`);
    assert.equal(report.primaryVersion, 2);

    assert.deepEqual(await store.versionsInUse(), [2]);
    assert.deepEqual((await source.read())?.versions, [2]);
    const fresh = await openVault({ source, meta, store });
    await assertAllOpen(fresh, [...items, ...raced]);
    assertOldKeyOpensNothing(store, oldKey);
  });

  it('lets only one rotation run at a time', async () => {
    const source = createMemoryMasterKeySource({ keyring: generateKeyring() });
    const meta = createMemoryVaultMetaStore();
    const store = createMemoryWrappedKeyStore();
    await sealMany(await openVault({ source, meta, store }), 5);
    const first = rotateMasterKey({ source, meta, store });
    await assert.rejects(rotateMasterKey({ source, meta, store }), {
      code: 'VAULT_ROTATION_LOCKED',
    });
    assert.equal((await first).createdVersion, 2);
  });
});

describe('rotateMasterKey after a crash', () => {
  it('resumes the interrupted rotation instead of starting another', async () => {
    const source = createMemoryMasterKeySource({ keyring: generateKeyring() });
    const meta = createMemoryVaultMetaStore();
    const store = createMemoryWrappedKeyStore();
    const vault = await openVault({ source, meta, store });
    const items = await sealMany(vault, 20);

    let rewraps = 0;
    const crashing: WrappedKeyStore = {
      ...store,
      async compareAndSet(...args) {
        if (rewraps++ === 10) throw new Error('simulated crash');
        return store.compareAndSet(...args);
      },
    };
    await assert.rejects(rotateMasterKey({ source, meta, store: crashing }, { batchSize: 3 }), {
      message: 'simulated crash',
    });
    assert.deepEqual((await source.read())?.versions, [2, 1]);
    assert.deepEqual(await store.versionsInUse(), [1, 2]);
    await assertAllOpen(vault, items); // half-rotated is fully usable

    const report = await rotateMasterKey({ source, meta, store });
    assert.equal(report.createdVersion, null);
    assert.equal(report.primaryVersion, 2);
    assert.equal(report.rewrapped, 10);
    assert.deepEqual(await store.versionsInUse(), [2]);
    assert.deepEqual((await source.read())?.versions, [2]);
    await assertAllOpen(await openVault({ source, meta, store }), items);
  });
});

describe('rotateMasterKey with TRACEGATE_MASTER_KEY', () => {
  it('uses the operator’s new,old keyring and tells them to drop the old entry', async () => {
    const k1 = generateKeyring();
    const k2 = k1.withNewPrimary(2);
    const env = (keyring: Keyring) =>
      createEnvMasterKeySource({ TRACEGATE_MASTER_KEY: formatEnvKeyring(keyring) });
    const meta = createMemoryVaultMetaStore();
    const store = createMemoryWrappedKeyStore();
    const stale = await openVault({ source: env(k1), meta, store });
    const items = await sealMany(stale, 5);

    await assert.rejects(rotateMasterKey({ source: env(k1), meta, store }), (error) => {
      assert.equal((error as { code?: string }).code, 'VAULT_ROTATION_NEEDS_NEW_KEY');
      assert.match((error as Error).message, /TRACEGATE_MASTER_KEY/);
      assert.ok(!(error as Error).message.includes(formatEnvKeyring(k1).slice(2)));
      return true;
    });

    const report = await rotateMasterKey({ source: env(k2), meta, store });
    assert.deepEqual(report, {
      primaryVersion: 2,
      createdVersion: null,
      retiredVersions: [1],
      rewrapped: 5,
      operatorMustRemove: [1],
    });

    const current = k2.without([1]);
    await assertAllOpen(await openVault({ source: env(current), meta, store }), items);
    await assert.rejects(openVault({ source: env(k1), meta, store }), {
      code: 'VAULT_MASTER_KEY_MISSING',
    });
    assertOldKeyOpensNothing(store, k1.keyFor(1) as Buffer);

    // A process still on the old keyring can neither seal nor open any more.
    const rows = store.rows.size;
    // Its keyring lacks the version everything is now under: the message says so.
    await assert.rejects(stale.seal('credential:99', new Secret('late-key-PLANTED')), {
      code: 'VAULT_MASTER_KEY_MISSING',
    });
    assert.equal(store.rows.size, rows, 'its refused seal left no data key behind');
    const first = items[0];
    assert.ok(first);
    await assert.rejects(stale.open(first.ref, first.sealed), { code: 'VAULT_MASTER_KEY_MISSING' });

    await assert.rejects(rotateMasterKey({ source: env(current), meta, store }), {
      code: 'VAULT_ROTATION_NEEDS_NEW_KEY',
    });
  });

  it('refuses to seal under a retired primary and leaves no data key behind', async () => {
    const k1 = generateKeyring();
    const meta = createMemoryVaultMetaStore();
    const store = createMemoryWrappedKeyStore();
    const env = createEnvMasterKeySource({ TRACEGATE_MASTER_KEY: formatEnvKeyring(k1) });
    const stale = await openVault({ source: env, meta, store });
    await meta.retireKeyCheck(1, new Date().toISOString());
    await assert.rejects(stale.seal('credential:1', new Secret('late-key-PLANTED')), {
      code: 'VAULT_MASTER_KEY_RETIRED',
    });
    assert.equal(store.rows.size, 0);
    await assert.rejects(openVault({ source: env, meta, store }), {
      code: 'VAULT_MASTER_KEY_RETIRED',
    });
  });
});
