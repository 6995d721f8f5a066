import { vaultErrors } from './vault-errors.ts';

const MAX_REF_LENGTH = 200;

/**
 * Checks a row reference (`credential:42`, `vendor-key:CA:production`): the caller-chosen name
 * bound into both ciphertexts' AAD. It must be unique per stored secret and never reused for
 * another row.
 */
export function assertValidRef(ref: unknown): asserts ref is string {
  if (
    typeof ref !== 'string' ||
    ref.trim() === '' ||
    ref.length > MAX_REF_LENGTH ||
    /\p{Cc}/u.test(ref)
  ) {
    throw vaultErrors.VAULT_REF_INVALID();
  }
}
