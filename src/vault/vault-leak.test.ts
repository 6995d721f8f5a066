import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { createLogger, isAppError, Secret } from '../lib/index.ts';
import { createEnvMasterKeySource } from './env-master-key-source.ts';
import { generateKeyring } from './keyring.ts';
import { formatEnvKeyring, parseEnvKeyring } from './keyring-format.ts';
import { createMemoryMasterKeySource } from './memory-master-key-source.ts';
import { createMemoryVaultMetaStore, createMemoryWrappedKeyStore } from './memory-vault-stores.ts';
import { rotateMasterKey } from './rotate-master-key.ts';
import { openVault } from './vault-service.ts';

const PLANTED = 'PLANTED-metrc-user-key-c0ffee42';

function collectingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

/** The ways key bytes could appear in text. */
function keyForms(key: Buffer): string[] {
  const buffer = inspect(key); // '<Buffer 0a 1b …'
  return [
    key.toString('base64'),
    key.toString('base64url'),
    key.toString('hex'),
    buffer.slice(9, 40),
  ];
}

/** Every textual form a value could leak through. */
function forms(value: unknown): string[] {
  const out = [inspect(value, { depth: 10, showHidden: true })];
  try {
    out.push(JSON.stringify(value) ?? '');
  } catch {}
  if (value instanceof Error) {
    out.push(
      value.message,
      String(value.stack),
      String(JSON.stringify((value as { details?: unknown }).details)),
    );
  }
  return out;
}

function assertAbsent(haystacks: string[], needles: string[], what: string) {
  for (const text of haystacks) {
    for (const needle of needles) assert.ok(!text.includes(needle), `${what} leaked`);
  }
}

describe('vault never leaks a planted secret or the master key', () => {
  it('not in inspect, JSON, stored rows, ciphertexts, errors or logs', async () => {
    const keyring = generateKeyring();
    const keyTexts = [1]
      .map((v) => keyring.keyFor(v) as Buffer)
      .flatMap((k) => [k.toString('base64'), k.toString('base64url'), k.toString('hex')]);
    const source = createMemoryMasterKeySource({ keyring });
    const meta = createMemoryVaultMetaStore();
    const store = createMemoryWrappedKeyStore();
    const { logger, lines } = collectingLogger();
    const vault = await openVault({ source, meta, store, logger });

    const sealed = await vault.seal('credential:1', new Secret(PLANTED));
    const opened = await vault.open('credential:1', sealed);
    assert.equal(opened.reveal(), PLANTED);

    const errors: unknown[] = [];
    const capture = (p: Promise<unknown>) =>
      p.then(
        () => assert.fail('should fail'),
        (e) => errors.push(e),
      );
    await capture(vault.open('credential:2', sealed));
    await capture(vault.open('credential:1', `${sealed.slice(0, -4)}AAAA`));
    const other = await vault.seal('credential:3', new Secret(PLANTED));
    await vault.destroy('credential:3');
    await capture(vault.open('credential:3', other));
    await capture(
      openVault({
        source: createMemoryMasterKeySource({ keyring: generateKeyring() }),
        meta,
        store,
      }),
    );
    await capture(
      Promise.resolve().then(() =>
        parseEnvKeyring(`1:${keyTexts[0]},1:${keyTexts[0]}`, 'TRACEGATE_MASTER_KEY'),
      ),
    );
    assert.equal(errors.length, 5);
    assert.ok(errors.every(isAppError));

    await rotateMasterKey({ source, meta, store, logger });
    const rotated = await source.read();
    assert.ok(rotated);
    const newKeyTexts = keyForms(rotated.keyFor(2) as Buffer);

    const sealedBytes = Buffer.from(sealed.slice(5), 'base64url');
    assert.equal(sealedBytes.indexOf(Buffer.from(PLANTED)), -1);

    const haystacks = [
      ...forms(vault),
      ...forms(vault.status()),
      ...forms(opened),
      ...forms({ opened }),
      ...forms(source),
      ...forms(rotated),
      ...forms(keyring),
      ...forms([...store.rows.values()]),
      ...forms([...meta.checks.values()]),
      sealed,
      sealedBytes.toString('latin1'),
      ...errors.flatMap(forms),
      ...lines,
    ];
    assert.ok(lines.length > 0, 'the vault logged something to check');
    assertAbsent(haystacks, [PLANTED], 'planted secret');
    assertAbsent(haystacks, [...keyTexts, ...newKeyTexts], 'master key');
  });

  it('env parsing errors never echo the variable', () => {
    const value = formatEnvKeyring(generateKeyring());
    for (const bad of [`${value}x`, `${value},${value}`, value.replace(':', ';')]) {
      assert.throws(
        () => createEnvMasterKeySource({ TRACEGATE_MASTER_KEY: bad }),
        (error) => {
          assert.ok(isAppError(error));
          assert.equal(error.code, 'VAULT_MASTER_KEY_INVALID');
          assertAbsent(forms(error), [value.slice(2), bad], 'TRACEGATE_MASTER_KEY');
          return true;
        },
      );
    }
  });
});
