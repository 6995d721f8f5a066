import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  computeKeyCheck,
  decryptPayload,
  encryptPayload,
  keyCheckMatches,
  newDataKey,
  unwrapDataKey,
  wrapDataKey,
} from './envelope-crypto.ts';
import { parseSealed, parseWrapped } from './envelope-format.ts';

const REF = 'credential:1';
const plaintext = Buffer.from('metrc-user-key-PLANTED-0001');

function sealOne() {
  const { keyId, dataKey } = newDataKey();
  const masterKey = randomBytes(32);
  const sealed = encryptPayload({ dataKey, keyId, ref: REF, plaintext });
  const wrapped = wrapDataKey({ dataKey, masterKey, masterKeyVersion: 3, keyId, ref: REF });
  return { keyId, dataKey, masterKey, sealed, wrapped };
}

/** Flips one bit at `offset` of the base64url body (after the `tgX1.` prefix). */
function flipByte(text: string, offset: number): string {
  const [prefix, body] = [text.slice(0, 5), Buffer.from(text.slice(5), 'base64url')];
  body[offset] = (body[offset] ?? 0) ^ 0x01;
  return prefix + body.toString('base64url');
}

const failed = { code: 'VAULT_DECRYPT_FAILED' };

describe('envelope crypto', () => {
  it('round-trips a payload and a wrapped data key', () => {
    const { keyId, masterKey, sealed, wrapped } = sealOne();
    assert.match(sealed, /^tgs1\.[A-Za-z0-9_-]+$/);
    assert.match(wrapped, /^tgk1\.[A-Za-z0-9_-]+$/);
    const parts = parseWrapped(wrapped);
    assert.equal(parts.masterKeyVersion, 3);
    const dataKey = unwrapDataKey({ masterKey, keyId, ref: REF, parts });
    const opened = decryptPayload({ dataKey, ref: REF, parts: parseSealed(sealed) });
    assert.deepEqual(opened, plaintext);
  });

  it('fails on every tampered field of the sealed payload', () => {
    const { dataKey, sealed } = sealOne();
    const fields = { keyId: 0, iv: 16, tag: 28, ciphertext: 44 };
    for (const [field, offset] of Object.entries(fields)) {
      const tampered = flipByte(sealed, offset);
      assert.throws(
        () => decryptPayload({ dataKey, ref: REF, parts: parseSealed(tampered) }),
        failed,
        field,
      );
    }
    for (const broken of [`tgs2${sealed.slice(4)}`, sealed.slice(0, 40), `${sealed}!`, 'x']) {
      assert.throws(() => parseSealed(broken), failed);
    }
  });

  it('fails on every tampered field of the wrapped key', () => {
    const { keyId, masterKey, wrapped } = sealOne();
    const fields = { version: 3, iv: 4, tag: 16, ciphertext: 32 };
    for (const [field, offset] of Object.entries(fields)) {
      const parts = parseWrapped(flipByte(wrapped, offset));
      assert.throws(() => unwrapDataKey({ masterKey, keyId, ref: REF, parts }), failed, field);
    }
    assert.throws(() => parseWrapped(`tgk9${wrapped.slice(4)}`), failed);
  });

  it('fails under another row, another data key id, or another master key', () => {
    const { keyId, dataKey, masterKey, sealed, wrapped } = sealOne();
    const parts = parseWrapped(wrapped);
    assert.throws(() => unwrapDataKey({ masterKey, keyId, ref: 'credential:2', parts }), failed);
    const otherId = newDataKey().keyId;
    assert.throws(() => unwrapDataKey({ masterKey, keyId: otherId, ref: REF, parts }), failed);
    assert.throws(
      () => unwrapDataKey({ masterKey: randomBytes(32), keyId, ref: REF, parts }),
      failed,
    );
    const sealedParts = parseSealed(sealed);
    assert.throws(
      () => decryptPayload({ dataKey, ref: 'credential:2', parts: sealedParts }),
      failed,
    );
  });

  it('never puts plaintext into the serialised forms', () => {
    const { sealed, wrapped, dataKey } = sealOne();
    for (const text of [sealed, wrapped]) {
      assert.ok(!text.includes('PLANTED'));
      const bytes = Buffer.from(text.slice(5), 'base64url');
      assert.equal(bytes.indexOf(plaintext), -1);
      assert.equal(bytes.indexOf(dataKey), -1);
    }
  });

  it('key checks match only the right key and version', () => {
    const key = randomBytes(32);
    const check = computeKeyCheck(key, 1);
    assert.ok(keyCheckMatches(key, 1, check));
    assert.ok(!keyCheckMatches(key, 2, check));
    assert.ok(!keyCheckMatches(randomBytes(32), 1, check));
    assert.ok(!keyCheckMatches(key, 1, 'short'));
  });
});
