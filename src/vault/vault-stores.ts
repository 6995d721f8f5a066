/**
 * The storage the vault needs, as two narrow interfaces. The database layer implements them over
 * two tables the vault owns (see README "Storage"); `memory-vault-stores.ts` implements them for
 * tests. Every method is one statement, so each is atomic on its own.
 */

/** Proof that a master-key version's key is the right one, without storing the key. */
export interface KeyCheck {
  masterKeyVersion: number;
  /** HMAC of a fixed label under a key derived from the master key (base64url). */
  value: string;
  /** ISO-8601 UTC. */
  createdAt: string;
  /** Set when a rotation retired this version; it must never seal again. ISO-8601 UTC or null. */
  retiredAt: string | null;
}

/** Table `vault_key_checks`: one row per master-key version ever used. */
export interface VaultMetaStore {
  listKeyChecks(): Promise<KeyCheck[]>;
  getKeyCheck(masterKeyVersion: number): Promise<KeyCheck | undefined>;
  /** Inserts unless a row for that version exists (primary-key conflict → do nothing); true if it inserted. */
  insertKeyCheck(check: KeyCheck): Promise<boolean>;
  /** Sets `retiredAt` (keeps the row as a tombstone so the version is never revived). */
  retireKeyCheck(masterKeyVersion: number, retiredAt: string): Promise<void>;
}

/** One credential's data key, wrapped (encrypted) under a master-key version. */
export interface WrappedDataKey {
  /** Random id (32 lowercase hex characters), also written inside the sealed payload. */
  keyId: string;
  /** The row the secret belongs to (`credential:42`); bound into both ciphertexts' AAD. */
  ref: string;
  masterKeyVersion: number;
  /** Serialised wrapped key (`tgk1.…`): format, master-key version, IV, tag, ciphertext. */
  wrappedKey: string;
  createdAt: string;
  /** When a rotation last re-wrapped it, or null. */
  rewrappedAt: string | null;
}

/** Table `vault_data_keys`: the wrapped data keys; rotation re-wraps them in place. */
export interface WrappedKeyStore {
  insert(row: WrappedDataKey): Promise<void>;
  get(keyId: string): Promise<WrappedDataKey | undefined>;
  /**
   * Up to `limit` rows whose `masterKeyVersion` differs from `masterKeyVersion`, ordered by
   * `keyId`, starting after `afterKeyId` (keyset pagination; rotation scans with it).
   */
  listNotOnVersion(
    masterKeyVersion: number,
    page: { limit: number; afterKeyId?: string },
  ): Promise<WrappedDataKey[]>;
  /**
   * Re-wraps one row only if it still holds `expectedWrappedKey`
   * (`UPDATE … WHERE key_id = ? AND wrapped_key = ?`); false when it changed or is gone, so a
   * concurrent rotation or destroy is never clobbered.
   */
  compareAndSet(
    keyId: string,
    expectedWrappedKey: string,
    next: Pick<WrappedDataKey, 'masterKeyVersion' | 'wrappedKey' | 'rewrappedAt'>,
  ): Promise<boolean>;
  /** Deletes one data key (`DELETE … WHERE key_id = ?`); true if it existed. */
  destroy(keyId: string): Promise<boolean>;
  /** Distinct `masterKeyVersion`s present (`SELECT DISTINCT`). */
  versionsInUse(): Promise<number[]>;
  /**
   * Destroys the data keys of `ref` (all of them, or all but `exceptKeyId`): the row must be
   * deleted (`DELETE`), not flagged, so the wrapped bytes are gone. Returns how many.
   */
  destroyByRef(ref: string, exceptKeyId?: string): Promise<number>;
}
