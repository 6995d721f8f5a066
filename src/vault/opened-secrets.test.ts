import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError, Secret } from '../lib/index.ts';
import { openMemoryVault } from './open-memory-vault.ts';
import { openedOnce } from './opened-secrets.ts';

async function setup() {
  const { vault } = await openMemoryVault();
  let opens = 0;
  const counting = {
    open: (ref: string, sealed: string) => {
      opens++;
      return vault.open(ref, sealed);
    },
  };
  return { vault, counting, opens: () => opens };
}

describe('openedOnce', () => {
  it('opens the same ref and sealed text once, and anything else anew', async () => {
    const { vault, counting, opens } = await setup();
    const first = await vault.seal('credential:1', new Secret('key-one-aaaaaaaaaaaa'));
    const other = await vault.seal('credential:2', new Secret('key-two-bbbbbbbbbbbb'));
    const opener = openedOnce(counting);
    assert.equal((await opener.open('credential:1', first)).reveal(), 'key-one-aaaaaaaaaaaa');
    assert.equal((await opener.open('credential:1', first)).reveal(), 'key-one-aaaaaaaaaaaa');
    assert.equal(opens(), 1);
    assert.equal((await opener.open('credential:2', other)).reveal(), 'key-two-bbbbbbbbbbbb');
    // A replaced key is new sealed text under the same ref: opened, never the old one.
    const replaced = await vault.seal('credential:1', new Secret('key-new-cccccccccccc'));
    assert.equal((await opener.open('credential:1', replaced)).reveal(), 'key-new-cccccccccccc');
    assert.equal(opens(), 3);
    // Another task's opener shares nothing.
    await openedOnce(counting).open('credential:1', first);
    assert.equal(opens(), 4);
  });

  it('does not remember a failed open', async () => {
    const { vault, counting, opens } = await setup();
    const sealed = await vault.seal('credential:3', new Secret('key-three-dddddddddd'));
    await vault.destroy('credential:3');
    const opener = openedOnce(counting);
    for (let i = 0; i < 2; i++) {
      await assert.rejects(
        opener.open('credential:3', sealed),
        (error: unknown) => isAppError(error) && error.code === 'VAULT_SECRET_DESTROYED',
      );
    }
    assert.equal(opens(), 2);
  });
});
