import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../test/helpers/temp-dirs.ts';
import { ConfigError } from './config-errors.ts';
import { loadConfig } from './load-config.ts';

const configDir = () => tempDir('tg-config-');

describe('loadConfig', () => {
  it('has working defaults: embedded SQLite under ./data, 127.0.0.1:8080', () => {
    const cwd = configDir();
    const config = loadConfig({ env: {}, cwd });
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8080);
    assert.deepEqual(config.database, { kind: 'sqlite', path: join(cwd, 'data', 'tracegate.db') });
    assert.equal(config.metrcBaseUrlTemplate, undefined);
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({
      env: { DATABASE_URL: 'postgres://u@h:5432/db' },
      cwd: configDir(),
    });
    assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://u@h:5432/db' });
  });

  it('accepts sqlite: URLs for an SQLite file elsewhere', () => {
    const cwd = configDir();
    assert.deepEqual(loadConfig({ env: { DATABASE_URL: 'sqlite:///tmp/x.db' }, cwd }).database, {
      kind: 'sqlite',
      path: '/tmp/x.db',
    });
    assert.deepEqual(loadConfig({ env: { DATABASE_URL: 'sqlite:db/y.db' }, cwd }).database, {
      kind: 'sqlite',
      path: join(cwd, 'db', 'y.db'),
    });
  });

  it('reads tracegate.config.json, and the environment wins over it', () => {
    const cwd = configDir();
    writeFileSync(
      join(cwd, 'tracegate.config.json'),
      JSON.stringify({ PORT: 9001, HOST: '0.0.0.0' }),
    );
    const config = loadConfig({ env: { PORT: '9002' }, cwd });
    assert.equal(config.port, 9002);
    assert.equal(config.host, '0.0.0.0');
  });

  it('reports every problem at once, each by variable name, without echoing values', () => {
    const cwd = configDir();
    writeFileSync(join(cwd, 'tracegate.config.json'), JSON.stringify({ PROT: 1 }));
    try {
      loadConfig({
        env: {
          PORT: 'eighty',
          DATABASE_URL: 'mysql://secret-password@db',
          METRC_BASE_URL_TEMPLATE: 'https://api.metrc.com',
          LOG_LEVEL: 'loud',
        },
        cwd,
      });
      assert.fail('expected a ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      const names = error.problems.map((p) => p.split(':')[0]);
      assert.deepEqual(names.sort(), [
        'DATABASE_URL',
        'LOG_LEVEL',
        'METRC_BASE_URL_TEMPLATE',
        'PORT',
        'PROT',
      ]);
      assert.equal(error.message.includes('secret-password'), false);
    }
  });

  it('names a missing explicit config file', () => {
    assert.throws(
      () => loadConfig({ env: { TRACEGATE_CONFIG: 'nope.json' }, cwd: configDir() }),
      /TRACEGATE_CONFIG: file not found/,
    );
  });

  it('parses booleans the way people write them', () => {
    assert.equal(loadConfig({ env: { SEED_DEMO: 'no' }, cwd: configDir() }).seedDemo, false);
    assert.equal(loadConfig({ env: { SEED_DEMO: '1' }, cwd: configDir() }).seedDemo, true);
  });
});
