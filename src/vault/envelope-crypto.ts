import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import {
  DATA_KEY_BYTES,
  ENVELOPE_FORMAT,
  formatSealed,
  formatWrapped,
  IV_BYTES,
  KEY_ID_BYTES,
  type SealedParts,
  TAG_BYTES,
  type WrappedParts,
} from './envelope-format.ts';
import { vaultErrors } from './vault-errors.ts';

const CIPHER = 'aes-256-gcm';
// One master key, two purposes: derive a separate subkey for each so they never share a key.
const WRAP_INFO = 'tracegate/vault/v1/wrap';
const KEY_CHECK_INFO = 'tracegate/vault/v1/key-check';

/** A fresh data key and its random id, one per sealed secret. */
export function newDataKey(): { keyId: string; dataKey: Buffer } {
  return { keyId: randomBytes(KEY_ID_BYTES).toString('hex'), dataKey: randomBytes(DATA_KEY_BYTES) };
}

/** AES-256-GCM under the data key; the AAD binds the ciphertext to its row and data key. */
export function encryptPayload(input: {
  dataKey: Buffer;
  keyId: string;
  ref: string;
  plaintext: Buffer;
}): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, input.dataKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(payloadAad(input.ref, input.keyId));
  const ciphertext = Buffer.concat([cipher.update(input.plaintext), cipher.final()]);
  return formatSealed({ keyId: input.keyId, iv, tag: cipher.getAuthTag(), ciphertext });
}

export function decryptPayload(input: {
  dataKey: Buffer;
  ref: string;
  parts: SealedParts;
}): Buffer {
  const { parts } = input;
  return decrypt(
    input.dataKey,
    parts.iv,
    parts.tag,
    parts.ciphertext,
    payloadAad(input.ref, parts.keyId),
  );
}

/** Wraps a data key under a master key; the AAD binds it to its row, data key id and version. */
export function wrapDataKey(input: {
  dataKey: Buffer;
  masterKey: Buffer;
  masterKeyVersion: number;
  keyId: string;
  ref: string;
}): string {
  const iv = randomBytes(IV_BYTES);
  const kek = hkdf(input.masterKey, WRAP_INFO);
  const cipher = createCipheriv(CIPHER, kek, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(wrapAad(input.ref, input.keyId, input.masterKeyVersion));
  const ciphertext = Buffer.concat([cipher.update(input.dataKey), cipher.final()]);
  kek.fill(0);
  return formatWrapped({
    masterKeyVersion: input.masterKeyVersion,
    iv,
    tag: cipher.getAuthTag(),
    ciphertext,
  });
}

export function unwrapDataKey(input: {
  masterKey: Buffer;
  keyId: string;
  ref: string;
  parts: WrappedParts;
}): Buffer {
  const { parts } = input;
  const kek = hkdf(input.masterKey, WRAP_INFO);
  try {
    const aad = wrapAad(input.ref, input.keyId, parts.masterKeyVersion);
    return decrypt(kek, parts.iv, parts.tag, parts.ciphertext, aad);
  } finally {
    kek.fill(0);
  }
}

/**
 * The key-check value of a master-key version: an HMAC of a fixed label under a subkey of the
 * master key. It proves "this is the right key" at start-up and reveals nothing about the key.
 */
export function computeKeyCheck(masterKey: Buffer, masterKeyVersion: number): string {
  const key = hkdf(masterKey, KEY_CHECK_INFO);
  const mac = createHmac('sha256', key)
    .update(`tracegate vault key-check v${ENVELOPE_FORMAT} master-key-version ${masterKeyVersion}`)
    .digest('base64url');
  key.fill(0);
  return mac;
}

export function keyCheckMatches(
  masterKey: Buffer,
  masterKeyVersion: number,
  value: string,
): boolean {
  const expected = Buffer.from(computeKeyCheck(masterKey, masterKeyVersion));
  const actual = Buffer.from(value);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

// AADs are JSON arrays so no choice of `ref` can make two different tuples encode alike.
function payloadAad(ref: string, keyId: string): Buffer {
  return Buffer.from(JSON.stringify(['tracegate-vault', 'payload', ENVELOPE_FORMAT, ref, keyId]));
}

function wrapAad(ref: string, keyId: string, masterKeyVersion: number): Buffer {
  return Buffer.from(
    JSON.stringify(['tracegate-vault', 'wrap', ENVELOPE_FORMAT, ref, keyId, masterKeyVersion]),
  );
}

function hkdf(masterKey: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
}

function decrypt(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer, aad: Buffer): Buffer {
  try {
    const decipher = createDecipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // GCM failed authentication: altered bytes, another row's AAD, or the wrong key.
    throw vaultErrors.VAULT_DECRYPT_FAILED({ details: { reason: 'authentication' } });
  }
}
