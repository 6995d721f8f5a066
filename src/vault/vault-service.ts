import { createHmac, hkdfSync } from 'node:crypto';
import { type Clock, type Logger, Secret, systemClock } from '../lib/index.ts';
import {
  decryptPayload,
  encryptPayload,
  newDataKey,
  unwrapDataKey,
  wrapDataKey,
} from './envelope-crypto.ts';
import { parseSealed, parseWrapped } from './envelope-format.ts';
import type { Keyring } from './keyring.ts';
import { loadVerifiedKeyring } from './load-verified-keyring.ts';
import type { MasterKeySource } from './master-key-source.ts';
import { vaultErrors } from './vault-errors.ts';
import { assertValidRef } from './vault-ref.ts';
import type { VaultMetaStore, WrappedKeyStore } from './vault-stores.ts';

/** HKDF info of the subkey that hashes secrets for equality (never the key check's label). */
const KEY_HASH_LABEL = 'tracegate/secret-equality-hash/v1';

export interface VaultDeps {
  source: MasterKeySource;
  meta: VaultMetaStore;
  store: WrappedKeyStore;
  clock?: Clock;
  logger?: Pick<Logger, 'info' | 'warn'>;
}

export interface VaultStatus {
  /** `TRACEGATE_MASTER_KEY` or the key file's path. */
  keySource: string;
  /** True when this start created the key file: print its path and tell the operator to back it up. */
  createdKey: boolean;
  primaryVersion: number;
  versions: number[];
}

/** Seals and opens secrets with envelope encryption. One per process; safe for concurrent use. */
export interface Vault {
  /**
   * Encrypts `plaintext` under a fresh data key bound to `ref` and stores the wrapped data key.
   * Returns the sealed text to store in the row named by `ref` (e.g. `credential:42`).
   */
  seal(ref: string, plaintext: Secret): Promise<string>;
  /** Decrypts what `seal(ref, …)` returned. Fails with `VAULT_DECRYPT_FAILED` for another row's value. */
  open(ref: string, sealed: string): Promise<Secret>;
  /**
   * Destroys the data keys of `ref` (call after deleting the row), or all but the one `keep`
   * uses (call after storing a replacement secret). Returns how many were destroyed.
   */
  destroy(ref: string, options?: { keep?: string }): Promise<number>;
  /**
   * Keyed hashes of a secret, one per master-key version, the primary's first
   * (`v<version>:<hex>`): HMAC-SHA-256 under an HKDF subkey of the master key, so equal secrets
   * can be found without storing or revealing them. Lookups match any version (a rotation has
   * not re-hashed every row yet); store the first.
   */
  keyHashes(plaintext: Secret): Promise<string[]>;
  status(): VaultStatus;
}

/**
 * Opens the vault: loads the keyring and verifies it against the stored key checks before
 * touching anything (start-up stops on `VAULT_MASTER_KEY_MISSING` / `_WRONG` / `_RETIRED`);
 * creates the key file on a first start with an empty database.
 *
 * @example
 * const vault = await openVault({ source: selectMasterKeySource({ env, dataDir }), meta, store });
 * if (vault.status().createdKey) log.warn(`Created ${vault.status().keySource}; back it up.`);
 * const sealed = await vault.seal('credential:42', new Secret(apiKey));
 */
export async function openVault(deps: VaultDeps): Promise<Vault> {
  const clock = deps.clock ?? systemClock;
  const keyringDeps = { source: deps.source, meta: deps.meta, store: deps.store, clock };
  const stampAtLoad = await deps.source.stamp();
  const first = await loadVerifiedKeyring(keyringDeps, { allowCreate: true });
  let keyring = first.keyring;
  let stamp = first.created ? await deps.source.stamp() : stampAtLoad;
  let reloading: Promise<void> | undefined;
  let loadsStarted = 0;
  let loadApplied = 0;

  /** Cheap stat before each use; reload (and re-verify) when the key source changed. */
  function refresh(force = false): Promise<void> {
    if (!force && reloading) return reloading;
    const run = reload(force).finally(() => {
      if (reloading === run) reloading = undefined;
    });
    reloading = run;
    return run;
  }

  async function reload(force: boolean): Promise<void> {
    const seq = ++loadsStarted;
    const current = await deps.source.stamp();
    if (!force && current === stamp) return;
    const loaded = await loadVerifiedKeyring(keyringDeps, { allowCreate: false });
    if (seq < loadApplied) return; // a later load already finished; never go back in time
    loadApplied = seq;
    const changed = loaded.keyring.versions.join() !== keyring.versions.join();
    keyring = loaded.keyring;
    stamp = current;
    if (changed) {
      deps.logger?.info(
        { keySource: deps.source.label, ...keyring.toJSON() },
        'vault: master keyring reloaded',
      );
    }
  }

  async function seal(ref: string, plaintext: Secret): Promise<string> {
    assertValidRef(ref);
    plaintext.scrubForLifetime();
    await refresh();
    const ring = keyring;
    const version = ring.primaryVersion;
    const { keyId, dataKey } = newDataKey();
    const bytes = Buffer.from(plaintext.reveal(), 'utf8');
    try {
      const sealed = encryptPayload({ dataKey, keyId, ref, plaintext: bytes });
      const wrappedKey = wrapDataKey({
        dataKey,
        masterKey: primaryKey(ring),
        masterKeyVersion: version,
        keyId,
        ref,
      });
      await deps.store.insert({
        keyId,
        ref,
        masterKeyVersion: version,
        wrappedKey,
        createdAt: clock.now().toISOString(),
        rewrappedAt: null,
      });
      await guardAgainstRetirement({ keyId, ref, version, wrappedKey, dataKey });
      return sealed;
    } finally {
      bytes.fill(0);
      dataKey.fill(0);
    }
  }

  /**
   * A rotation retires a version, then scans for rows still on it. Reading the key check after
   * our insert closes the gap: if it is not retired yet, the scan will find our row; if it is,
   * we move our own row to the new primary (or undo it when this process has no newer key).
   */
  async function guardAgainstRetirement(row: {
    keyId: string;
    ref: string;
    version: number;
    wrappedKey: string;
    dataKey: Buffer;
  }): Promise<void> {
    const check = await deps.meta.getKeyCheck(row.version);
    if (check && !check.retiredAt) return;
    try {
      await refresh(true);
      if (keyring.primaryVersion === row.version) {
        throw vaultErrors.VAULT_MASTER_KEY_RETIRED({
          message: `Master-key version ${row.version} in ${deps.source.label} was retired by a rotation. Update ${deps.source.label} to the current keyring and restart.`,
          details: { keySource: deps.source.label, version: row.version },
        });
      }
    } catch (error) {
      await deps.store.destroy(row.keyId);
      throw error;
    }
    const wrappedKey = wrapDataKey({
      dataKey: row.dataKey,
      masterKey: primaryKey(keyring),
      masterKeyVersion: keyring.primaryVersion,
      keyId: row.keyId,
      ref: row.ref,
    });
    // False means the rotation's final scan re-wrapped it first, which is just as good.
    await deps.store.compareAndSet(row.keyId, row.wrappedKey, {
      masterKeyVersion: keyring.primaryVersion,
      wrappedKey,
      rewrappedAt: clock.now().toISOString(),
    });
  }

  async function open(ref: string, sealed: string): Promise<Secret> {
    assertValidRef(ref);
    const parts = parseSealed(sealed);
    // Two attempts: a rotation may re-wrap the row and drop its old key between our reads.
    for (let attempt = 1; ; attempt++) {
      const row = await deps.store.get(parts.keyId);
      if (!row) throw vaultErrors.VAULT_SECRET_DESTROYED({ details: { ref } });
      if (row.ref !== ref) {
        throw vaultErrors.VAULT_DECRYPT_FAILED({ details: { ref, reason: 'ref-mismatch' } });
      }
      const wrapped = parseWrapped(row.wrappedKey);
      if (wrapped.masterKeyVersion !== row.masterKeyVersion) {
        throw vaultErrors.VAULT_DECRYPT_FAILED({ details: { ref, reason: 'version-mismatch' } });
      }
      await refresh();
      if (!keyring.has(wrapped.masterKeyVersion)) await refresh(true);
      const masterKey = keyring.keyFor(wrapped.masterKeyVersion);
      if (!masterKey) {
        if (attempt < 2) continue;
        throw vaultErrors.VAULT_MASTER_KEY_MISSING({
          message: `A stored secret is sealed under master-key version ${wrapped.masterKeyVersion}, which ${deps.source.label} does not contain. ${deps.source.missingHint}`,
          details: { keySource: deps.source.label, version: wrapped.masterKeyVersion, ref },
        });
      }
      const dataKey = unwrapDataKey({ masterKey, keyId: parts.keyId, ref, parts: wrapped });
      try {
        const bytes = decryptPayload({ dataKey, ref, parts });
        // A stored key lives long: the scrubber keeps it for the life of the process.
        const secret = new Secret(bytes.toString('utf8'), { scrub: 'lifetime' });
        bytes.fill(0);
        return secret;
      } finally {
        dataKey.fill(0);
      }
    }
  }

  async function destroy(ref: string, options: { keep?: string } = {}): Promise<number> {
    assertValidRef(ref);
    const keep = options.keep === undefined ? undefined : parseSealed(options.keep).keyId;
    return deps.store.destroyByRef(ref, keep);
  }

  const hashKeys = new Map<number, Buffer>();
  function hashKeyFor(version: number, masterKey: Buffer): Buffer {
    let key = hashKeys.get(version);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), KEY_HASH_LABEL, 32));
      hashKeys.set(version, key);
    }
    return key;
  }

  async function keyHashes(plaintext: Secret): Promise<string[]> {
    await refresh();
    const ring = keyring;
    const versions = [
      ring.primaryVersion,
      ...ring.versions.filter((v) => v !== ring.primaryVersion),
    ];
    return versions.map((version) => {
      const key = hashKeyFor(version, ring.keyFor(version) as Buffer);
      const mac = createHmac('sha256', key).update(plaintext.reveal(), 'utf8').digest('hex');
      return `v${version}:${mac}`;
    });
  }

  return {
    seal,
    open,
    destroy,
    keyHashes,
    status: () => ({
      keySource: deps.source.label,
      createdKey: first.created,
      primaryVersion: keyring.primaryVersion,
      versions: keyring.versions,
    }),
  };
}

function primaryKey(keyring: Keyring): Buffer {
  return keyring.keyFor(keyring.primaryVersion) as Buffer;
}
