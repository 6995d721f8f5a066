export { createEnvMasterKeySource, MASTER_KEY_ENV } from './env-master-key-source.ts';
export {
  createFileMasterKeySource,
  type FileMasterKeySourceOptions,
  MASTER_KEY_FILE_NAME,
} from './file-master-key-source.ts';
export { generateKeyring, Keyring, MASTER_KEY_BYTES, type MasterKeyEntry } from './keyring.ts';
export { formatEnvKeyring, parseEnvKeyring } from './keyring-format.ts';
export type { MasterKeySource, RotationLock } from './master-key-source.ts';
export {
  createMemoryMasterKeySource,
  type MemoryMasterKeySource,
  type MemoryMasterKeySourceOptions,
} from './memory-master-key-source.ts';
export { createMemoryVaultMetaStore, createMemoryWrappedKeyStore } from './memory-vault-stores.ts';
export { openMemoryVault } from './open-memory-vault.ts';
export { openedOnce, type SecretOpener } from './opened-secrets.ts';
export {
  ROTATION_BATCH_SIZE,
  ROTATION_MAX_PASSES,
  type RotateMasterKeyDeps,
  type RotationReport,
  rotateMasterKey,
} from './rotate-master-key.ts';
export { selectMasterKeySource } from './select-master-key-source.ts';
export { vaultErrors } from './vault-errors.ts';
export { createVaultRepo } from './vault-repo.ts';
export { openVault, type Vault, type VaultDeps, type VaultStatus } from './vault-service.ts';
export type { KeyCheck, VaultMetaStore, WrappedDataKey, WrappedKeyStore } from './vault-stores.ts';
