import { createEnvMasterKeySource, MASTER_KEY_ENV } from './env-master-key-source.ts';
import { createFileMasterKeySource } from './file-master-key-source.ts';
import type { MasterKeySource } from './master-key-source.ts';

/**
 * The key source a process uses: `TRACEGATE_MASTER_KEY` when set, else `<dataDir>/master.key`.
 *
 * @example
 * const source = selectMasterKeySource({ env: process.env, dataDir: config.dataDir });
 */
export function selectMasterKeySource(options: {
  env: Record<string, string | undefined>;
  dataDir: string;
}): MasterKeySource {
  return options.env[MASTER_KEY_ENV] !== undefined
    ? createEnvMasterKeySource(options.env)
    : createFileMasterKeySource({ dataDir: options.dataDir });
}
