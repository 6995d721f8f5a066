import type { Clock } from '../lib/index.ts';
import { generateKeyring } from './keyring.ts';
import { createMemoryMasterKeySource } from './memory-master-key-source.ts';
import { createMemoryVaultMetaStore, createMemoryWrappedKeyStore } from './memory-vault-stores.ts';
import { openVault } from './vault-service.ts';

/**
 * A vault over in-memory key source and stores, for other features' tests.
 *
 * @example
 * const { vault } = await openMemoryVault();
 * const sealed = await vault.seal('credential:1', new Secret('key'));
 */
export async function openMemoryVault(options: { clock?: Clock } = {}) {
  const source = createMemoryMasterKeySource({ keyring: generateKeyring() });
  const meta = createMemoryVaultMetaStore();
  const store = createMemoryWrappedKeyStore();
  const vault = await openVault({ source, meta, store, clock: options.clock });
  return { vault, source, meta, store };
}
