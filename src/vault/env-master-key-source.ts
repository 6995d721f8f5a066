import { parseEnvKeyring } from './keyring-format.ts';
import type { MasterKeySource } from './master-key-source.ts';

export const MASTER_KEY_ENV = 'TRACEGATE_MASTER_KEY';

/**
 * The keyring from `TRACEGATE_MASTER_KEY`, parsed once (a malformed value fails here, at boot,
 * naming the variable but never echoing it). Read-only: to rotate, the operator sets
 * `<new version>:<new key>,<old version>:<old key>`, restarts, runs `tracegate vault rotate`,
 * then drops the old entry.
 *
 * @example
 * const source = createEnvMasterKeySource(process.env);
 */
export function createEnvMasterKeySource(
  env: Record<string, string | undefined>,
  variable = MASTER_KEY_ENV,
): MasterKeySource {
  const value = env[variable];
  const keyring = value === undefined ? undefined : parseEnvKeyring(value, variable);
  return {
    label: variable,
    missingHint: `Set ${variable} to the keyring that sealed the stored secrets (e.g. 2:<key>,1:<old key>).`,
    read: async () => keyring,
    stamp: async () => 'env',
  };
}
