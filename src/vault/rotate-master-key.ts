import { type Clock, type Logger, systemClock } from '../lib/index.ts';
import { unwrapDataKey, wrapDataKey } from './envelope-crypto.ts';
import { parseWrapped } from './envelope-format.ts';
import type { Keyring } from './keyring.ts';
import { ensurePrimaryKeyCheck, loadVerifiedKeyring } from './load-verified-keyring.ts';
import type { MasterKeySource } from './master-key-source.ts';
import { vaultErrors } from './vault-errors.ts';
import type { VaultMetaStore, WrappedDataKey, WrappedKeyStore } from './vault-stores.ts';

/** Rows re-wrapped per page. */
export const ROTATION_BATCH_SIZE = 200;
/** Full re-scans before giving up while concurrent writers keep adding rows on old versions. */
export const ROTATION_MAX_PASSES = 20;

export interface RotateMasterKeyDeps {
  source: MasterKeySource;
  meta: VaultMetaStore;
  store: WrappedKeyStore;
  clock?: Clock;
  logger?: Pick<Logger, 'info'>;
}

export interface RotationReport {
  /** The version every data key is now wrapped under. */
  primaryVersion: number;
  /** The version this run created, or null when it finished an earlier run or used the env keyring. */
  createdVersion: number | null;
  /** Versions retired by this rotation; nothing is wrapped under them any more. */
  retiredVersions: number[];
  /** Data keys this run re-wrapped. */
  rewrapped: number;
  /** Retired versions still in a read-only source (env): the operator removes them. */
  operatorMustRemove: number[];
}

/**
 * Re-wraps every data key under a new master key while servers keep running:
 * 1. add a new primary to the keyring (key file rewritten; env: the operator already set
 *    `new,old`), so processes seal new secrets under it from their next stat;
 * 2. re-wrap each data key still on an old version (compare-and-set), re-scanning until none;
 * 3. retire the old versions' key checks, re-scan once more for racing seals, then drop the
 *    old keys from the key file.
 * Payloads are never re-encrypted. Every step is idempotent: after a crash, run it again and it
 * finishes the interrupted rotation instead of starting another.
 *
 * @example
 * const report = await rotateMasterKey({ source, meta, store });
 * console.log(`re-wrapped ${report.rewrapped} data keys under version ${report.primaryVersion}`);
 */
export async function rotateMasterKey(
  deps: RotateMasterKeyDeps,
  options: { batchSize?: number; maxPasses?: number } = {},
): Promise<RotationReport> {
  const clock = deps.clock ?? systemClock;
  const keyringDeps = { source: deps.source, meta: deps.meta, store: deps.store, clock };
  const lock = await deps.source.acquireRotationLock?.();
  try {
    let { keyring } = await loadVerifiedKeyring(keyringDeps, { allowCreate: false });
    const inUse = await deps.store.versionsInUse();
    const unfinished =
      keyring.versions.length > 1 || inUse.some((v) => v !== keyring.primaryVersion);
    let createdVersion: number | null = null;

    if (!unfinished) {
      if (!deps.source.write) {
        throw vaultErrors.VAULT_ROTATION_NEEDS_NEW_KEY({
          message: `${deps.source.label} holds a single key (version ${keyring.primaryVersion}). To rotate, set it to ${keyring.primaryVersion + 1}:<new key>,${keyring.primaryVersion}:<current key> on every process, restart them, and run this again.`,
        });
      }
      const checks = await deps.meta.listKeyChecks();
      createdVersion =
        Math.max(...keyring.versions, ...inUse, ...checks.map((c) => c.masterKeyVersion)) + 1;
      keyring = keyring.withNewPrimary(createdVersion);
      await deps.source.write(keyring); // step 1
      await ensurePrimaryKeyCheck(keyringDeps, keyring);
      deps.logger?.info({ version: createdVersion }, 'vault rotate: new primary master key added');
    } else {
      deps.logger?.info(
        { primaryVersion: keyring.primaryVersion },
        'vault rotate: finishing a rotation to the current primary',
      );
    }

    const target = keyring.primaryVersion;
    const oldVersions = [...new Set([...keyring.versions, ...inUse])].filter((v) => v !== target);
    const rewrap = () => rewrapAll({ ...deps, clock }, keyring, target, options);

    let rewrapped = await rewrap(); // step 2
    for (const version of oldVersions) {
      await deps.meta.retireKeyCheck(version, clock.now().toISOString()); // step 3
    }
    rewrapped += await rewrap(); // seals that raced the retirement

    let operatorMustRemove: number[] = [];
    if (deps.source.write) {
      const current = (await deps.source.read()) ?? keyring;
      const drop = oldVersions.filter((v) => current.has(v) && v !== current.primaryVersion);
      if (drop.length > 0) await deps.source.write(current.without(drop));
    } else {
      operatorMustRemove = oldVersions.filter((v) => keyring.has(v));
    }
    deps.logger?.info({ target, rewrapped, retired: oldVersions }, 'vault rotate: done');
    return {
      primaryVersion: target,
      createdVersion,
      retiredVersions: oldVersions,
      rewrapped,
      operatorMustRemove,
    };
  } finally {
    await lock?.release();
  }
}

/** Re-wraps every row not on `target`, in passes, until a pass finds none. */
async function rewrapAll(
  deps: RotateMasterKeyDeps & { clock: Clock },
  keyring: Keyring,
  target: number,
  options: { batchSize?: number; maxPasses?: number },
): Promise<number> {
  const limit = options.batchSize ?? ROTATION_BATCH_SIZE;
  const maxPasses = options.maxPasses ?? ROTATION_MAX_PASSES;
  let rewrapped = 0;
  for (let pass = 1; pass <= maxPasses; pass++) {
    let seen = 0;
    let afterKeyId: string | undefined;
    for (;;) {
      const rows = await deps.store.listNotOnVersion(target, { limit, afterKeyId });
      if (rows.length === 0) break;
      for (const row of rows) {
        seen += 1;
        if (await rewrapOne(deps, keyring, target, row)) rewrapped += 1;
      }
      afterKeyId = rows[rows.length - 1]?.keyId;
    }
    if (seen === 0) return rewrapped;
  }
  throw vaultErrors.VAULT_ROTATION_INCOMPLETE();
}

/** One compare-and-set; false when the row changed or vanished meanwhile (the next pass decides). */
async function rewrapOne(
  deps: RotateMasterKeyDeps & { clock: Clock },
  keyring: Keyring,
  target: number,
  row: WrappedDataKey,
): Promise<boolean> {
  const parts = parseWrapped(row.wrappedKey);
  if (parts.masterKeyVersion !== row.masterKeyVersion) {
    throw vaultErrors.VAULT_DECRYPT_FAILED({
      message: `Rotation stopped: the data key of ${row.ref} names master-key version ${parts.masterKeyVersion} but its row says ${row.masterKeyVersion} (it was altered). Delete that secret and run the rotation again.`,
      details: { ref: row.ref, reason: 'version-mismatch' },
    });
  }
  const masterKey = keyring.keyFor(parts.masterKeyVersion);
  if (!masterKey) {
    throw vaultErrors.VAULT_MASTER_KEY_MISSING({
      message: `Rotation stopped: the data key of ${row.ref} is wrapped under master-key version ${parts.masterKeyVersion}, which ${deps.source.label} does not contain. ${deps.source.missingHint}`,
      details: { ref: row.ref, version: parts.masterKeyVersion },
    });
  }
  let dataKey: Buffer;
  try {
    dataKey = unwrapDataKey({ masterKey, keyId: row.keyId, ref: row.ref, parts });
  } catch (error) {
    throw vaultErrors.VAULT_DECRYPT_FAILED({
      message: `Rotation stopped: the data key of ${row.ref} cannot be unwrapped (it was altered). Delete that secret (its data key is unusable) and run the rotation again.`,
      details: { ref: row.ref, reason: 'authentication', cause: (error as Error).message },
    });
  }
  try {
    const wrappedKey = wrapDataKey({
      dataKey,
      masterKey: keyring.keyFor(target) as Buffer,
      masterKeyVersion: target,
      keyId: row.keyId,
      ref: row.ref,
    });
    return await deps.store.compareAndSet(row.keyId, row.wrappedKey, {
      masterKeyVersion: target,
      wrappedKey,
      rewrappedAt: deps.clock.now().toISOString(),
    });
  } finally {
    dataKey.fill(0);
  }
}
