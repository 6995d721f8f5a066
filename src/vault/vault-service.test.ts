import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isAppError, Secret } from '../lib/index.ts';
import { createEnvMasterKeySource } from './env-master-key-source.ts';
import { createFileMasterKeySource } from './file-master-key-source.ts';
import { generateKeyring } from './keyring.ts';
import { formatEnvKeyring } from './keyring-format.ts';
import { createMemoryMasterKeySource } from './memory-master-key-source.ts';
import { createMemoryVaultMetaStore, createMemoryWrappedKeyStore } from './memory-vault-stores.ts';
import { openVault } from './vault-service.ts';

const PLANTED = 'PLANTED-metrc-key-7f3a91c2';

async function setup() {
  const source = createMemoryMasterKeySource({ keyring: generateKeyring() });
  const meta = createMemoryVaultMetaStore();
  const store = createMemoryWrappedKeyStore();
  const vault = await openVault({ source, meta, store });
  return { source, meta, store, vault };
}

function snapshot(meta: { checks: Map<unknown, unknown> }, store: { rows: Map<unknown, unknown> }) {
  return JSON.stringify([[...meta.checks.entries()], [...store.rows.entries()]]);
}

/** Asserts a clean AppError with `code` that carries no part of the planted secret. */
function failsWith(code: string | string[]) {
  const codes = Array.isArray(code) ? code : [code];
  return (error: unknown) => {
    assert.ok(isAppError(error), String(error));
    assert.ok(codes.includes(error.code), `${error.code}: ${error.message}`);
    assert.ok(!`${error.message}${JSON.stringify(error.details)}`.includes(PLANTED));
    return true;
  };
}

/** Flips one bit of the base64url body at `offset`. */
function flipByte(text: string, offset: number): string {
  const body = Buffer.from(text.slice(5), 'base64url');
  body[offset] = (body[offset] ?? 0) ^ 0x01;
  return text.slice(0, 5) + body.toString('base64url');
}

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'tracegate-vault-'));
  dirs.push(dir);
  return dir;
}

describe('vault seal and open', () => {
  it('round-trips a secret with a fresh data key per seal', async () => {
    const { vault, store } = await setup();
    const first = await vault.seal('credential:1', new Secret(PLANTED));
    const second = await vault.seal('credential:2', new Secret(PLANTED));
    assert.notEqual(first, second);
    assert.equal(store.rows.size, 2);
    const opened = await vault.open('credential:1', first);
    assert.ok(opened instanceof Secret);
    assert.equal(opened.reveal(), PLANTED);
    assert.equal((await vault.open('credential:2', second)).reveal(), PLANTED);
    const wrapped = [...store.rows.values()].map((r) => r.wrappedKey);
    assert.notEqual(wrapped[0], wrapped[1]);
  });

  it('refuses another row’s ciphertext (AAD binds the row)', async () => {
    const { vault, store } = await setup();
    const one = await vault.seal('credential:1', new Secret(PLANTED));
    const two = await vault.seal('credential:2', new Secret('another-key-0000'));
    await assert.rejects(vault.open('credential:2', one), failsWith('VAULT_DECRYPT_FAILED'));

    // Swapping columns between the two data-key rows is caught by the wrap AAD.
    const [a, b] = [...store.rows.values()];
    assert.ok(a && b);
    const original = { a: { ...a }, b: { ...b } };
    a.wrappedKey = original.b.wrappedKey;
    b.wrappedKey = original.a.wrappedKey;
    await assert.rejects(vault.open('credential:1', one), failsWith('VAULT_DECRYPT_FAILED'));
    await assert.rejects(vault.open('credential:2', two), failsWith('VAULT_DECRYPT_FAILED'));
    Object.assign(a, original.a, { ref: 'credential:2' });
    await assert.rejects(vault.open('credential:1', one), failsWith('VAULT_DECRYPT_FAILED'));
    Object.assign(a, original.a, { masterKeyVersion: 7 });
    await assert.rejects(vault.open('credential:1', one), failsWith('VAULT_DECRYPT_FAILED'));
    Object.assign(a, original.a);
    assert.equal((await vault.open('credential:1', one)).reveal(), PLANTED);
  });

  it('fails cleanly on a tampered payload or wrapped key, field by field', async () => {
    const { vault, store } = await setup();
    const sealed = await vault.seal('credential:1', new Secret(PLANTED));
    const payloadFields = { keyId: 0, iv: 16, tag: 28, ciphertext: 44 };
    for (const offset of Object.values(payloadFields)) {
      await assert.rejects(
        vault.open('credential:1', flipByte(sealed, offset)),
        // A changed keyId names no stored data key at all.
        failsWith(['VAULT_DECRYPT_FAILED', 'VAULT_SECRET_DESTROYED']),
      );
    }
    await assert.rejects(
      vault.open('credential:1', 'tgs9.AAAA'),
      failsWith('VAULT_DECRYPT_FAILED'),
    );
    const row = [...store.rows.values()][0];
    assert.ok(row);
    const good = row.wrappedKey;
    for (const offset of [3, 4, 16, 32, 63]) {
      row.wrappedKey = flipByte(good, offset);
      await assert.rejects(
        vault.open('credential:1', sealed),
        failsWith(['VAULT_DECRYPT_FAILED', 'VAULT_MASTER_KEY_MISSING']),
      );
    }
    row.wrappedKey = good;
    assert.equal((await vault.open('credential:1', sealed)).reveal(), PLANTED);
  });

  it('destroys data keys: the sealed value never opens again', async () => {
    const { vault, store } = await setup();
    const old = await vault.seal('credential:1', new Secret(PLANTED));
    const replacement = await vault.seal('credential:1', new Secret('replacement-key-1'));
    assert.equal(await vault.destroy('credential:1', { keep: replacement }), 1);
    await assert.rejects(vault.open('credential:1', old), failsWith('VAULT_SECRET_DESTROYED'));
    assert.equal((await vault.open('credential:1', replacement)).reveal(), 'replacement-key-1');
    assert.equal(await vault.destroy('credential:1'), 1);
    assert.equal(store.rows.size, 0);
    await assert.rejects(
      vault.open('credential:1', replacement),
      failsWith('VAULT_SECRET_DESTROYED'),
    );
  });

  it('rejects a malformed ref', async () => {
    const { vault } = await setup();
    for (const ref of ['', '   ', 'a\nb', 'x'.repeat(201)]) {
      await assert.rejects(vault.seal(ref, new Secret(PLANTED)), failsWith('VAULT_REF_INVALID'));
    }
  });
});

describe('vault start-up key check', () => {
  it('stops on a wrong master key before touching anything', async () => {
    const { vault, meta, store } = await setup();
    await vault.seal('credential:1', new Secret(PLANTED));
    const before = snapshot(meta, store);
    const wrong = createMemoryMasterKeySource({ keyring: generateKeyring() });
    await assert.rejects(openVault({ source: wrong, meta, store }), (error) => {
      failsWith('VAULT_MASTER_KEY_WRONG')(error);
      assert.ok((error as Error).message.includes('memory'));
      return true;
    });
    assert.equal(snapshot(meta, store), before);
  });

  it('names TRACEGATE_MASTER_KEY when the env keyring lacks a version in use', async () => {
    const { vault, meta, store, source } = await setup();
    await vault.seal('credential:1', new Secret(PLANTED));
    const before = snapshot(meta, store);
    const current = await source.read();
    assert.ok(current);
    const env = { TRACEGATE_MASTER_KEY: formatEnvKeyring(generateKeyring(2)) };
    const envSource = createEnvMasterKeySource(env);
    await assert.rejects(openVault({ source: envSource, meta, store }), (error) => {
      failsWith('VAULT_MASTER_KEY_MISSING')(error);
      assert.ok((error as Error).message.includes('TRACEGATE_MASTER_KEY'));
      assert.ok(!(error as Error).message.includes(env.TRACEGATE_MASTER_KEY));
      return true;
    });
    await assert.rejects(
      openVault({ source: createEnvMasterKeySource({}), meta, store }),
      failsWith('VAULT_MASTER_KEY_MISSING'),
    );
    // The right keyring in env form opens it.
    const right = createEnvMasterKeySource({ TRACEGATE_MASTER_KEY: formatEnvKeyring(current) });
    await openVault({ source: right, meta, store });
    assert.equal(snapshot(meta, store), before);
  });

  it('creates the key file on first start, and never over a database that has key checks', async () => {
    const dataDir = await tempDir();
    const meta = createMemoryVaultMetaStore();
    const store = createMemoryWrappedKeyStore();
    const vault = await openVault({ source: createFileMasterKeySource({ dataDir }), meta, store });
    assert.deepEqual(vault.status(), {
      keySource: join(dataDir, 'master.key'),
      createdKey: true,
      primaryVersion: 1,
      versions: [1],
    });
    const sealed = await vault.seal('credential:1', new Secret(PLANTED));

    const again = await openVault({ source: createFileMasterKeySource({ dataDir }), meta, store });
    assert.equal(again.status().createdKey, false);
    assert.equal((await again.open('credential:1', sealed)).reveal(), PLANTED);

    const emptyDir = await tempDir();
    const before = snapshot(meta, store);
    const lost = createFileMasterKeySource({ dataDir: emptyDir });
    await assert.rejects(openVault({ source: lost, meta, store }), (error) => {
      failsWith('VAULT_MASTER_KEY_MISSING')(error);
      assert.ok((error as Error).message.includes(lost.label));
      return true;
    });
    assert.deepEqual(await readdir(emptyDir), [], 'no new key file orphaning the database');
    assert.equal(snapshot(meta, store), before);
  });
});

describe('vault key reload', () => {
  it('seals under a new primary as soon as the key source changes', async () => {
    const { vault, source, store, meta } = await setup();
    const other = await openVault({ source, meta, store });
    const current = await source.read();
    assert.ok(current);
    source.replace(current.withNewPrimary(2));
    const sealed = await other.seal('credential:9', new Secret(PLANTED));
    assert.deepEqual(
      [...store.rows.values()].map((r) => r.masterKeyVersion),
      [2],
    );
    assert.ok(meta.checks.get(2), 'key check recorded before sealing under version 2');
    assert.equal((await vault.open('credential:9', sealed)).reveal(), PLANTED);
    assert.equal(vault.status().primaryVersion, 2);
  });

  it('reloads when it meets an unknown master-key version even if the stamp did not change', async () => {
    const { vault, source, store, meta } = await setup();
    const frozen = { ...source, stamp: async () => 'unchanged' };
    const reader = await openVault({ source: frozen, meta, store });
    const current = await source.read();
    assert.ok(current);
    source.replace(current.withNewPrimary(2));
    const sealed = await vault.seal('credential:3', new Secret(PLANTED));
    assert.equal((await reader.open('credential:3', sealed)).reveal(), PLANTED);
  });
});
