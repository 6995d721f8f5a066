import type { Clock } from '../lib/index.ts';
import { computeKeyCheck, keyCheckMatches } from './envelope-crypto.ts';
import type { Keyring } from './keyring.ts';
import type { MasterKeySource } from './master-key-source.ts';
import { vaultErrors } from './vault-errors.ts';
import type { KeyCheck, VaultMetaStore, WrappedKeyStore } from './vault-stores.ts';

export interface KeyringDeps {
  source: MasterKeySource;
  meta: VaultMetaStore;
  store: WrappedKeyStore;
  clock: Clock;
}

/**
 * Reads the keyring and proves it can open what the database holds, before anything is written:
 * every active key check must have its version in the keyring (else `VAULT_MASTER_KEY_MISSING`)
 * and match it (else `VAULT_MASTER_KEY_WRONG`). A first keyring is created only when the
 * database holds no key checks and no data keys — otherwise a new key would orphan them.
 * Only then is the primary's key check written (if new).
 */
export async function loadVerifiedKeyring(
  deps: KeyringDeps,
  options: { allowCreate: boolean },
): Promise<{ keyring: Keyring; created: boolean }> {
  const checks = await deps.meta.listKeyChecks();
  let keyring = await deps.source.read();
  let created = false;
  if (!keyring) {
    const sealedVersions = new Set([
      ...checks.map((c) => c.masterKeyVersion),
      ...(await deps.store.versionsInUse()),
    ]);
    if (sealedVersions.size > 0 || !options.allowCreate || !deps.source.create) {
      const held =
        sealedVersions.size > 0
          ? `the database holds secrets sealed under master-key version(s) ${[...sealedVersions].join(', ')}`
          : 'no master key is configured';
      throw vaultErrors.VAULT_MASTER_KEY_MISSING({
        message: `No master key: ${deps.source.label} is not set or does not exist, and ${held}. ${deps.source.missingHint} Nothing was changed.`,
        details: { keySource: deps.source.label, versions: [...sealedVersions] },
      });
    }
    keyring = await deps.source.create();
    created = true;
  }
  verifyKeyring(keyring, checks, deps.source);
  if (!checks.some((c) => c.masterKeyVersion === keyring.primaryVersion)) {
    await ensurePrimaryKeyCheck(deps, keyring);
  }
  return { keyring, created };
}

/** Throws MISSING / WRONG / RETIRED when `keyring` cannot stand for the stored key checks. */
export function verifyKeyring(
  keyring: Keyring,
  checks: readonly KeyCheck[],
  source: MasterKeySource,
): void {
  // Active versions first: "the key that sealed your data is missing" matters most.
  for (const check of checks) {
    const version = check.masterKeyVersion;
    if (check.retiredAt) continue; // nothing stays sealed under a version once it is retired
    const key = keyring.keyFor(version);
    if (!key) {
      throw vaultErrors.VAULT_MASTER_KEY_MISSING({
        message: `The database holds secrets sealed under master-key version ${version}, which ${source.label} does not contain (it has ${keyring.versions.join(', ')}). ${source.missingHint} Nothing was changed.`,
        details: { keySource: source.label, version },
      });
    }
    if (!keyCheckMatches(key, version, check.value)) {
      throw vaultErrors.VAULT_MASTER_KEY_WRONG({
        message: `Master-key version ${version} in ${source.label} is not the key that sealed the stored secrets (its key check does not match). Point ${source.label} at the right key. Nothing was changed.`,
        details: { keySource: source.label, version },
      });
    }
  }
  const primary = checks.find((c) => c.masterKeyVersion === keyring.primaryVersion);
  if (primary?.retiredAt) throw retired(source, primary.masterKeyVersion);
}

/**
 * Records the primary's key check if it has none (first start, or a rotation's new version),
 * before anything is sealed under it. Losing an insert race to a different key is WRONG.
 */
export async function ensurePrimaryKeyCheck(deps: KeyringDeps, keyring: Keyring): Promise<void> {
  const version = keyring.primaryVersion;
  const key = keyring.keyFor(version) as Buffer;
  const inserted = await deps.meta.insertKeyCheck({
    masterKeyVersion: version,
    value: computeKeyCheck(key, version),
    createdAt: deps.clock.now().toISOString(),
    retiredAt: null,
  });
  if (inserted) return;
  const existing = await deps.meta.getKeyCheck(version);
  if (!existing) return;
  if (existing.retiredAt) throw retired(deps.source, version);
  verifyKeyring(keyring, [existing], deps.source);
}

function retired(source: MasterKeySource, version: number) {
  return vaultErrors.VAULT_MASTER_KEY_RETIRED({
    message: `The primary master key in ${source.label} (version ${version}) was retired by a rotation. Update ${source.label} to the current keyring and restart. What it sealed has been re-wrapped under a newer version.`,
    details: { keySource: source.label, version },
  });
}
