import { vaultErrors } from './vault-errors.ts';

/**
 * The two serialised forms, text so they fit any column type. Both start with a prefix naming
 * their format version, so a future format can be read beside this one.
 *
 *   sealed payload  tgs1.<base64url( keyId 16 | iv 12 | tag 16 | ciphertext … )>
 *   wrapped key     tgk1.<base64url( masterKeyVersion u32 BE | iv 12 | tag 16 | wrapped data key 32 )>
 */
export const ENVELOPE_FORMAT = 1;
export const KEY_ID_BYTES = 16;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;

const SEALED_PREFIX = `tgs${ENVELOPE_FORMAT}.`;
const WRAPPED_PREFIX = `tgk${ENVELOPE_FORMAT}.`;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface SealedParts {
  format: number;
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

export interface WrappedParts {
  format: number;
  masterKeyVersion: number;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

export function formatSealed(parts: Omit<SealedParts, 'format'>): string {
  const body = Buffer.concat([
    Buffer.from(parts.keyId, 'hex'),
    parts.iv,
    parts.tag,
    parts.ciphertext,
  ]);
  return SEALED_PREFIX + body.toString('base64url');
}

/** Splits a sealed payload; any malformation is `VAULT_DECRYPT_FAILED` (reason `format`). */
export function parseSealed(text: string): SealedParts {
  const body = decodeBody(text, SEALED_PREFIX);
  const fixed = KEY_ID_BYTES + IV_BYTES + TAG_BYTES;
  if (body.length < fixed) throw malformed();
  return {
    format: ENVELOPE_FORMAT,
    keyId: body.subarray(0, KEY_ID_BYTES).toString('hex'),
    iv: body.subarray(KEY_ID_BYTES, KEY_ID_BYTES + IV_BYTES),
    tag: body.subarray(KEY_ID_BYTES + IV_BYTES, fixed),
    ciphertext: body.subarray(fixed),
  };
}

export function formatWrapped(parts: Omit<WrappedParts, 'format'>): string {
  const version = Buffer.alloc(4);
  version.writeUInt32BE(parts.masterKeyVersion);
  const body = Buffer.concat([version, parts.iv, parts.tag, parts.ciphertext]);
  return WRAPPED_PREFIX + body.toString('base64url');
}

/** Splits a wrapped data key; any malformation is `VAULT_DECRYPT_FAILED` (reason `format`). */
export function parseWrapped(text: string): WrappedParts {
  const body = decodeBody(text, WRAPPED_PREFIX);
  if (body.length !== 4 + IV_BYTES + TAG_BYTES + DATA_KEY_BYTES) throw malformed();
  return {
    format: ENVELOPE_FORMAT,
    masterKeyVersion: body.readUInt32BE(0),
    iv: body.subarray(4, 4 + IV_BYTES),
    tag: body.subarray(4 + IV_BYTES, 4 + IV_BYTES + TAG_BYTES),
    ciphertext: body.subarray(4 + IV_BYTES + TAG_BYTES),
  };
}

function decodeBody(text: string, prefix: string): Buffer {
  if (typeof text !== 'string' || !text.startsWith(prefix)) throw malformed();
  const encoded = text.slice(prefix.length);
  if (!BASE64URL.test(encoded)) throw malformed();
  const body = Buffer.from(encoded, 'base64url');
  // Reject non-canonical encodings so every accepted text maps to exactly one byte string.
  if (body.toString('base64url') !== encoded) throw malformed();
  return body;
}

function malformed() {
  return vaultErrors.VAULT_DECRYPT_FAILED({
    message: 'A stored secret could not be decrypted: its serialised form is malformed.',
    details: { reason: 'format' },
  });
}
