import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';

const SRC = new URL('../../src/', import.meta.url).pathname;

it('every folder of src/ has a README with its invariants (issue 10, item 17)', () => {
  const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
  assert.ok(folders.length >= 10, 'found the feature folders');
  const missing = folders.filter((folder) => {
    const readme = join(SRC, folder, 'README.md');
    return !existsSync(readme) || !/^## Invariants/m.test(readFileSync(readme, 'utf8'));
  });
  assert.deepEqual(missing, []);
});

it('lib keeps no domain data', () => {
  const files = readdirSync(join(SRC, 'lib')).filter((f) => f.endsWith('.ts'));
  const domain = files.filter((f) => /metrc|license|credential/i.test(f));
  assert.deepEqual(domain, []);
});
