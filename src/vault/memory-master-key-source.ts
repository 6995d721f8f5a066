import { generateKeyring, type Keyring } from './keyring.ts';
import type { MasterKeySource } from './master-key-source.ts';
import { vaultErrors } from './vault-errors.ts';

export interface MemoryMasterKeySourceOptions {
  /** The starting keyring; none means "no key yet" (like a first start). */
  keyring?: Keyring;
  /** Behave like the env source: no `create`, no `write`. */
  readOnly?: boolean;
  label?: string;
}

export interface MemoryMasterKeySource extends MasterKeySource {
  /** Swap the keyring, as an operator or another process would. */
  replace(keyring: Keyring | undefined): void;
}

/**
 * A key source held in memory, for tests. Several vault instances may share one to act like
 * processes sharing a key file; `replace` simulates an operator editing it.
 *
 * @example
 * const source = createMemoryMasterKeySource({ keyring: generateKeyring() });
 */
export function createMemoryMasterKeySource(
  options: MemoryMasterKeySourceOptions = {},
): MemoryMasterKeySource {
  let current = options.keyring;
  let generation = 0;
  let locked = false;
  const replace = (keyring: Keyring | undefined) => {
    current = keyring;
    generation += 1;
  };
  const base = {
    label: options.label ?? 'memory',
    missingHint: 'Give the in-memory key source a keyring.',
    read: async () => current,
    stamp: async () => String(generation),
    replace,
  };
  if (options.readOnly) return base satisfies MasterKeySource;
  return {
    ...base,
    create: async () => {
      if (!current) replace(generateKeyring());
      return current as Keyring;
    },
    write: async (keyring: Keyring) => replace(keyring),
    acquireRotationLock: async () => {
      if (locked) throw vaultErrors.VAULT_ROTATION_LOCKED();
      locked = true;
      return {
        release: async () => {
          locked = false;
        },
      };
    },
  } satisfies MasterKeySource;
}
