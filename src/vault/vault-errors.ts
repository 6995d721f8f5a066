import { defineErrors } from '../lib/index.ts';

/**
 * The vault's error codes. Messages name the key source (`TRACEGATE_MASTER_KEY` or the key file
 * path) and what to do; they never carry key material, plaintext or ciphertext.
 */
export const vaultErrors = defineErrors('vault', {
  VAULT_MASTER_KEY_MISSING: {
    status: 500,
    message: 'The master key needed to open stored secrets is missing.',
    description:
      'The database holds secrets sealed under a master-key version the configured key source does not have (or no key is configured). Start-up stops before touching anything. Restore the key file from backup or set `TRACEGATE_MASTER_KEY` to the keyring that sealed them.',
  },
  VAULT_MASTER_KEY_WRONG: {
    status: 500,
    message: 'The master key does not match the one that sealed the stored secrets.',
    description:
      "A master-key version's key-check value does not match the configured key, so it is not the key that sealed the database's secrets. Start-up stops before touching anything. Point `TRACEGATE_MASTER_KEY` or the key file at the right key.",
  },
  VAULT_MASTER_KEY_INVALID: {
    status: 500,
    message: 'The master key is malformed.',
    description:
      '`TRACEGATE_MASTER_KEY` or the key file is not a valid key or keyring: each key must be base64 of 32 random bytes, versions positive integers, each once. The message says which entry is wrong; it never repeats the value.',
  },
  VAULT_MASTER_KEY_RETIRED: {
    status: 500,
    message: 'The primary master key was retired by a rotation.',
    description:
      "This process's keyring names as primary a master-key version that `tracegate vault rotate` has retired. Nothing was sealed under it. Update `TRACEGATE_MASTER_KEY` (or the key file) to the current keyring and restart.",
  },
  VAULT_KEY_FILE_TOO_OPEN: {
    status: 500,
    message: 'The master key file is readable by other users.',
    description:
      'The key file must be readable by its owner only. Run `chmod 600` on the path in the message and start again; the key is not used until then.',
  },
  VAULT_DECRYPT_FAILED: {
    status: 500,
    message: 'A stored secret could not be decrypted.',
    description:
      'The sealed value or its wrapped data key was altered, belongs to another row, is in an unknown format, or the master key is wrong. Nothing of the secret is revealed. Re-enter the secret if it cannot be restored from backup.',
  },
  VAULT_SECRET_DESTROYED: {
    status: 500,
    message: 'The data key of this stored secret has been destroyed.',
    description:
      'The secret was deleted (its data key destroyed), so the sealed value can never be opened again. Re-enter the secret.',
  },
  VAULT_REF_INVALID: {
    status: 500,
    message: 'A vault reference must be a non-empty printable string of at most 200 characters.',
    description:
      'A programming error: the row reference bound into the ciphertext (e.g. `credential:42`) is missing or malformed.',
  },
  VAULT_ROTATION_NEEDS_NEW_KEY: {
    status: 500,
    message: 'Rotation needs a new master key, and this key source cannot create one.',
    description:
      '`TRACEGATE_MASTER_KEY` holds a single key. Set it to `<new version>:<new key>,<old version>:<old key>` on every process, restart them, run `tracegate vault rotate`, then drop the old entry.',
  },
  VAULT_ROTATION_LOCKED: {
    status: 409,
    message: 'Another master-key rotation holds the rotation lock.',
    description:
      'Only one `tracegate vault rotate` may run at a time. Wait for it to finish. If none is running (it stopped on another machine), delete the lock file named in the message and run again.',
  },
  VAULT_ROTATION_INCOMPLETE: {
    status: 500,
    message: 'Rotation could not move every data key to the new master key; run it again.',
    description:
      'Data keys kept changing under the rotation (concurrent writes) for too many passes. Nothing is lost: old keys stay in the keyring until a rotation completes. Run `tracegate vault rotate` again.',
    retryable: true,
  },
});
