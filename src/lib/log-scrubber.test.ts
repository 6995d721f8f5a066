import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { openMemoryVault } from '../vault/index.ts';
import { MAX_SHORT_LIVED, scrubberSize, scrubSecrets } from './log-scrubber.ts';
import { Secret } from './secret.ts';

describe('log scrubber (issue 10, item 8)', () => {
  it('still scrubs a stored vendor key after 100,000 other secrets', async () => {
    const { vault } = await openMemoryVault();
    const vendorKey = `VENDOR-${randomBytes(12).toString('hex')}`;
    const sealed = await vault.seal('vendor_key:ca:production:test', new Secret(vendorKey));
    const opened = await vault.open('vendor_key:ca:production:test', sealed);
    assert.equal(opened.reveal(), vendorKey);
    for (let i = 0; i < 100_000; i++) new Secret(`pasted-key-${i}-${'x'.repeat(8)}`);
    assert.ok(scrubberSize().short <= MAX_SHORT_LIVED, 'short-lived values stay bounded');
    const line = `{"msg":"Metrc said 401 for ${vendorKey}:abc","escaped":"${vendorKey}"}`;
    assert.equal(scrubSecrets(line).includes(vendorKey), false);
    assert.match(scrubSecrets(line), /401 for \[REDACTED\]:abc/);
    // The most recent short-lived ones are scrubbed too; the oldest were forgotten.
    assert.equal(scrubSecrets('pasted-key-99999-xxxxxxxx'), '[REDACTED]');
    assert.equal(scrubSecrets('pasted-key-0-xxxxxxxx'), 'pasted-key-0-xxxxxxxx');
  });

  it('never remembers a password', () => {
    const password = `password-${randomBytes(8).toString('hex')}`;
    const secret = new Secret(password, { scrub: 'never' });
    assert.equal(secret.reveal(), password);
    assert.equal(scrubSecrets(`a ${password} b`), `a ${password} b`);
  });

  it('scrubs overlapping and JSON-escaped forms, longest first', () => {
    const key = 'OVERLAP-key-"quoted"-1234';
    new Secret(key);
    new Secret('OVERLAP-key');
    assert.equal(scrubSecrets(`x${key}y`), 'x[REDACTED]y');
    assert.equal(scrubSecrets(JSON.stringify({ k: key })), '{"k":"[REDACTED]"}');
    assert.equal(scrubSecrets('OVERLAP-key!'), '[REDACTED]!');
  });
});
