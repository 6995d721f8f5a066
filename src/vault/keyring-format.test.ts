import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { isAppError } from '../lib/index.ts';
import { Keyring } from './keyring.ts';
import {
  formatEnvKeyring,
  formatKeyringFile,
  parseEnvKeyring,
  parseKeyringFile,
} from './keyring-format.ts';

const VAR = 'TRACEGATE_MASTER_KEY';
const keyText = () => randomBytes(32).toString('base64');

function assertInvalid(fn: () => unknown, secretText: string, mentions: string) {
  assert.throws(fn, (error) => {
    assert.ok(isAppError(error));
    assert.equal(error.code, 'VAULT_MASTER_KEY_INVALID');
    assert.ok(error.message.includes(mentions), error.message);
    assert.ok(!error.message.includes(secretText), 'the value is never echoed');
    assert.ok(!JSON.stringify(error.details ?? null).includes(secretText));
    return true;
  });
}

describe('parseEnvKeyring', () => {
  it('reads a single base64 key as version 1', () => {
    const text = keyText();
    const keyring = parseEnvKeyring(text, VAR);
    assert.equal(keyring.primaryVersion, 1);
    assert.deepEqual(keyring.keyFor(1), Buffer.from(text, 'base64'));
  });

  it('accepts base64url without padding', () => {
    const key = randomBytes(32);
    assert.deepEqual(parseEnvKeyring(key.toString('base64url'), VAR).keyFor(1), key);
  });

  it('reads a keyring whose first entry is the primary', () => {
    const [a, b] = [keyText(), keyText()];
    const keyring = parseEnvKeyring(`2:${a}, 1:${b}`, VAR);
    assert.equal(keyring.primaryVersion, 2);
    assert.deepEqual(keyring.versions, [2, 1]);
    assert.deepEqual(keyring.keyFor(1), Buffer.from(b, 'base64'));
  });

  it('round-trips through formatEnvKeyring', () => {
    const text = `3:${keyText()},1:${keyText()}`;
    assert.equal(formatEnvKeyring(parseEnvKeyring(text, VAR)), text);
  });

  it('rejects malformed values naming the variable, never the value', () => {
    const short = randomBytes(24).toString('base64');
    assertInvalid(() => parseEnvKeyring(short, VAR), short, VAR);
    assertInvalid(() => parseEnvKeyring('', VAR), '\0', VAR);
    const notBase64 = `${'!'.repeat(43)}=`;
    assertInvalid(() => parseEnvKeyring(notBase64, VAR), notBase64, VAR);
    const good = keyText();
    assertInvalid(() => parseEnvKeyring(`2:${good},2:${keyText()}`, VAR), good, 'twice');
    assertInvalid(() => parseEnvKeyring(`0:${good}`, VAR), good, 'positive');
    assertInvalid(() => parseEnvKeyring(`x:${good}`, VAR), good, `${VAR} entry 1`);
    assertInvalid(() => parseEnvKeyring(`2:${good},${good}`, VAR), good, `${VAR} entry 2`);
    const zeros = Buffer.alloc(32).toString('base64');
    assertInvalid(() => parseEnvKeyring(zeros, VAR), zeros, 'random');
  });
});

describe('key file format', () => {
  it('round-trips a keyring', () => {
    const keyring = new Keyring([
      { version: 2, key: randomBytes(32) },
      { version: 1, key: randomBytes(32) },
    ]);
    const parsed = parseKeyringFile(formatKeyringFile(keyring), '/x/master.key');
    assert.deepEqual(parsed.versions, [2, 1]);
    assert.deepEqual(parsed.keyFor(1), keyring.keyFor(1));
  });

  it('takes the primary from the "primary" field, whatever the order of keys', () => {
    const keyring = new Keyring([
      { version: 1, key: randomBytes(32) },
      { version: 2, key: randomBytes(32) },
    ]);
    const text = formatKeyringFile(keyring).replace('"primary": 1', '"primary": 2');
    assert.equal(parseKeyringFile(text, '/x/master.key').primaryVersion, 2);
    const dangling = formatKeyringFile(keyring).replace('"primary": 1', '"primary": 5');
    assertInvalid(() => parseKeyringFile(dangling, '/x/master.key'), '"key"', 'primary');
  });

  it('rejects other JSON and broken entries, naming the path', () => {
    const path = '/data/master.key';
    assertInvalid(() => parseKeyringFile('{"a":1}', path), '"a"', path);
    assertInvalid(() => parseKeyringFile('not json', path), 'not json', path);
    const text = formatKeyringFile(new Keyring([{ version: 1, key: randomBytes(32) }]));
    const broken = text.replace(/"key": "[^"]+"/, '"key": "c2hvcnQ="');
    assertInvalid(() => parseKeyringFile(broken, path), 'c2hvcnQ=', `${path}, key 1`);
  });
});

describe('Keyring', () => {
  it('never shows key bytes in JSON or inspect', () => {
    const key = randomBytes(32);
    const keyring = new Keyring([{ version: 1, key }]);
    for (const text of [JSON.stringify({ keyring }), inspect(keyring), inspect({ keyring })]) {
      assert.ok(!text.includes(key.toString('base64')));
      assert.ok(!text.includes(key.toString('hex')));
      assert.ok(text.includes('1'));
    }
  });

  it('adds a new primary and drops old versions, never the primary', () => {
    const next = new Keyring([{ version: 1, key: randomBytes(32) }]).withNewPrimary(2);
    assert.deepEqual(next.versions, [2, 1]);
    assert.deepEqual(next.without([1]).versions, [2]);
    assert.throws(() => next.without([2]));
  });
});
