import type { Keyring } from './keyring.ts';

/**
 * Where the master keys (KEKs) come from: `TRACEGATE_MASTER_KEY`, the key file, or memory in
 * tests. Never the database. The vault asks `stamp()` before every seal and open, and reloads
 * when it changes, so a rotation run by another process is picked up without a restart.
 */
export interface MasterKeySource {
  /** Names the source in messages: `TRACEGATE_MASTER_KEY` or the key file's path. */
  readonly label: string;
  /** What an operator should do when the key is missing, in one sentence. */
  readonly missingHint: string;
  /** The current keyring, or `undefined` when none exists yet (no file, variable unset). */
  read(): Promise<Keyring | undefined>;
  /** A cheap value that changes whenever the keyring may have changed (file: stat fields). */
  stamp(): Promise<string>;
  /**
   * Creates and persists a first keyring (first start). Absent when the source cannot hold a
   * generated key (env). Must not replace an existing keyring: returns that one instead.
   */
  create?(): Promise<Keyring>;
  /** Persists a changed keyring (rotation). Absent when the operator owns the value (env). */
  write?(keyring: Keyring): Promise<void>;
  /**
   * Takes the one-rotation-at-a-time lock (sources with `write` only), so two rotations never
   * write different new keys under the same version. Throws `VAULT_ROTATION_LOCKED` when held.
   */
  acquireRotationLock?(): Promise<RotationLock>;
}

export interface RotationLock {
  release(): Promise<void>;
}
