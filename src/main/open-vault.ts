import type { Config } from '../config/index.ts';
import type { Database } from '../db/index.ts';
import type { Clock, Logger } from '../lib/index.ts';
import {
  createVaultRepo,
  type MasterKeySource,
  openVault,
  selectMasterKeySource,
  type Vault,
} from '../vault/index.ts';

/** The master-key source this deployment uses: TRACEGATE_MASTER_KEY, else the key file. */
export function masterKeySourceFor(config: Config): MasterKeySource {
  return selectMasterKeySource({
    env: { TRACEGATE_MASTER_KEY: config.masterKey?.reveal() },
    dataDir: config.dataDir,
  });
}

/**
 * Opens the vault over the database. Fails before anything is written when the master key is
 * missing or wrong (VAULT_MASTER_KEY_*).
 */
export function openDatabaseVault(deps: {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
}): Promise<Vault> {
  const { meta, store } = createVaultRepo(deps.database.db);
  return openVault({
    source: masterKeySourceFor(deps.config),
    meta,
    store,
    clock: deps.clock,
    logger: deps.logger,
  });
}
