import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';

/** Master keys (KEKs) are AES-256 keys. */
export const MASTER_KEY_BYTES = 32;

/** One master key and the version number stored beside everything it wraps. */
export interface MasterKeyEntry {
  version: number;
  key: Buffer;
}

/**
 * The master keys a process holds: one primary (wraps every new data key) and older versions
 * still needed to unwrap data keys a rotation has not reached yet. Immutable. Its JSON and
 * inspect forms list versions only, so a keyring can be logged without leaking a key.
 *
 * @example
 * const keyring = generateKeyring(); // version 1
 * const next = keyring.withNewPrimary(2); // [2 (primary), 1]
 */
export class Keyring {
  readonly primaryVersion: number;
  readonly #keys: ReadonlyMap<number, Buffer>;

  /** `entries[0]` is the primary. Throws a plain Error naming the problem (never the key). */
  constructor(entries: readonly MasterKeyEntry[]) {
    const first = entries[0];
    if (!first) throw new Error('a keyring needs at least one key');
    const keys = new Map<number, Buffer>();
    for (const { version, key } of entries) {
      if (!Number.isSafeInteger(version) || version < 1) {
        throw new Error(`master-key version ${version} is not a positive integer`);
      }
      if (keys.has(version)) throw new Error(`master-key version ${version} appears twice`);
      if (key.length !== MASTER_KEY_BYTES) {
        throw new Error(`master-key version ${version} is ${key.length} bytes, not 32`);
      }
      if (key.every((byte) => byte === key[0])) {
        throw new Error(`master-key version ${version} is one repeated byte, not a random key`);
      }
      keys.set(version, Buffer.from(key));
    }
    this.primaryVersion = first.version;
    this.#keys = keys;
  }

  /** Versions, primary first, then the others newest first. */
  get versions(): number[] {
    const others = [...this.#keys.keys()].filter((v) => v !== this.primaryVersion);
    return [this.primaryVersion, ...others.sort((a, b) => b - a)];
  }

  has(version: number): boolean {
    return this.#keys.has(version);
  }

  /** The key bytes; only the vault's crypto calls this. */
  keyFor(version: number): Buffer | undefined {
    return this.#keys.get(version);
  }

  /** Entries in `versions` order (for serialising to the key file). */
  entries(): MasterKeyEntry[] {
    return this.versions.map((version) => ({ version, key: this.#mustGet(version) }));
  }

  /** A keyring with a fresh random key as primary `version`, keeping every current key. */
  withNewPrimary(version: number): Keyring {
    return new Keyring([{ version, key: randomBytes(MASTER_KEY_BYTES) }, ...this.entries()]);
  }

  /** A keyring without `versions` (the primary cannot be dropped). */
  without(versions: readonly number[]): Keyring {
    if (versions.includes(this.primaryVersion)) throw new Error('cannot drop the primary key');
    return new Keyring(this.entries().filter((e) => !versions.includes(e.version)));
  }

  toJSON(): { primaryVersion: number; versions: number[] } {
    return { primaryVersion: this.primaryVersion, versions: this.versions };
  }

  [inspect.custom](): string {
    return `Keyring(primary=${this.primaryVersion}, versions=[${this.versions.join(', ')}])`;
  }

  #mustGet(version: number): Buffer {
    const key = this.#keys.get(version);
    if (!key) throw new Error(`no master key version ${version}`);
    return key;
  }
}

/** A new keyring with one random key, version 1 (first start). */
export function generateKeyring(version = 1): Keyring {
  return new Keyring([{ version, key: randomBytes(MASTER_KEY_BYTES) }]);
}
