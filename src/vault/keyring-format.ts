import { Keyring, MASTER_KEY_BYTES, type MasterKeyEntry } from './keyring.ts';
import { vaultErrors } from './vault-errors.ts';

/** The `kind` marker of the key file, so a stray JSON file is never mistaken for a keyring. */
export const KEY_FILE_KIND = 'tracegate-master-keyring';
export const KEY_FILE_FORMAT = 1;

const GENERATE_HINT =
  "generate one with: node -e \"console.log(require('node:crypto').randomBytes(32).toString('base64'))\"";

/** base64 or base64url of exactly 32 bytes: 43 characters plus optional padding. */
const KEY_TEXT = /^[A-Za-z0-9+/_-]{43}=?$/;

/**
 * Parses `TRACEGATE_MASTER_KEY`: either one key (`<base64>`, version 1) or a keyring
 * `2:<base64>,1:<base64>` whose first entry is the primary. Errors name `source` and the entry,
 * never the value.
 *
 * @example
 * parseEnvKeyring('2:AAA…=,1:BBB…=', 'TRACEGATE_MASTER_KEY').primaryVersion; // 2
 */
export function parseEnvKeyring(value: string, source: string): Keyring {
  const text = value.trim();
  if (text === '') throw invalid(`${source} is empty; ${GENERATE_HINT}`);
  if (!text.includes(':') && !text.includes(',')) {
    return buildKeyring([{ version: 1, key: decodeKey(text, `${source}`) }], source);
  }
  const entries = text.split(',').map((part, index) => {
    const where = `${source} entry ${index + 1}`;
    const match = /^\s*(\d{1,9})\s*:\s*(\S+)\s*$/.exec(part);
    if (!match?.[1] || !match[2]) {
      throw invalid(`${where} is not <version>:<base64 key> (e.g. 2:<key>,1:<old key>)`);
    }
    return { version: Number(match[1]), key: decodeKey(match[2], where) };
  });
  return buildKeyring(entries, source);
}

/** Parses the key file's JSON (see `formatKeyringFile`). Errors name `path`, never the content. */
export function parseKeyringFile(text: string, path: string): Keyring {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid(`the master key file ${path} is not valid JSON`);
  }
  const file = data as { kind?: unknown; format?: unknown; primary?: unknown; keys?: unknown };
  if (typeof data !== 'object' || data === null || file.kind !== KEY_FILE_KIND) {
    throw invalid(
      `the master key file ${path} is not a Tracegate keyring (kind "${KEY_FILE_KIND}")`,
    );
  }
  if (file.format !== KEY_FILE_FORMAT) {
    throw invalid(`the master key file ${path} has unsupported format ${String(file.format)}`);
  }
  if (!Array.isArray(file.keys) || file.keys.length === 0) {
    throw invalid(`the master key file ${path} has no keys`);
  }
  const entries = file.keys.map((entry: unknown, index: number) => {
    const where = `the master key file ${path}, key ${index + 1}`;
    const { version, key } = (entry ?? {}) as { version?: unknown; key?: unknown };
    if (typeof version !== 'number' || typeof key !== 'string') {
      throw invalid(`${where} needs a numeric "version" and a base64 "key"`);
    }
    return { version, key: decodeKey(key, where) };
  });
  // `primary` is authoritative (a person may reorder keys by hand); it must name one of them.
  const primary = entries.find((e) => e.version === file.primary);
  if (!primary) {
    throw invalid(`the master key file ${path} has no key for its "primary" version`);
  }
  const ordered = [primary, ...entries.filter((e) => e !== primary)];
  return buildKeyring(ordered, `the master key file ${path}`);
}

/** The key file's content: JSON, primary first. Written only by `writeFileAtomic` with mode 0600. */
export function formatKeyringFile(keyring: Keyring): string {
  const keys = keyring
    .entries()
    .map(({ version, key }) => ({ version, key: key.toString('base64') }));
  const file = {
    kind: KEY_FILE_KIND,
    format: KEY_FILE_FORMAT,
    primary: keyring.primaryVersion,
    keys,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The `TRACEGATE_MASTER_KEY` form of a keyring (for operators moving from file to env). */
export function formatEnvKeyring(keyring: Keyring): string {
  return keyring
    .entries()
    .map(({ version, key }) => `${version}:${key.toString('base64')}`)
    .join(',');
}

function decodeKey(text: string, where: string): Buffer {
  if (!KEY_TEXT.test(text)) {
    throw invalid(`${where} is not base64 of ${MASTER_KEY_BYTES} bytes; ${GENERATE_HINT}`);
  }
  return Buffer.from(text, 'base64');
}

function buildKeyring(entries: MasterKeyEntry[], source: string): Keyring {
  try {
    return new Keyring(entries);
  } catch (error) {
    throw invalid(`${source}: ${(error as Error).message}`);
  }
}

function invalid(message: string) {
  return vaultErrors.VAULT_MASTER_KEY_INVALID({ message: `Invalid master key: ${message}.` });
}
