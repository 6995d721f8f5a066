/**
 * Secrets opened once for one short task (the outbox: one drain of one license, at most a few
 * dozen requests): the same ref and the same sealed text, read fresh from its row by the caller
 * each time, open to the same key, so the second open skips the data-key read and the
 * decryption. Nothing outlives the task, and the vault's guarantees hold: a replaced key is new
 * sealed text (opened anew); a deleted one is no longer read by the caller; a master-key rotation
 * re-wraps the data key but cannot change what the sealed text holds.
 */
import type { Secret } from '../lib/index.ts';
import type { Vault } from './vault-service.ts';

export type SecretOpener = Pick<Vault, 'open'>;

export function openedOnce(vault: SecretOpener): SecretOpener {
  const opened = new Map<string, Promise<Secret>>();
  return {
    open(ref, sealed) {
      const key = `${ref}\n${sealed}`;
      let secret = opened.get(key);
      if (!secret) {
        secret = vault.open(ref, sealed);
        opened.set(key, secret);
        // A failed open is not remembered: the next one tries again.
        secret.catch(() => opened.delete(key));
      }
      return secret;
    },
  };
}
