import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { renderGeneratedDocs } from '../../scripts/docs.ts';

it('keeps docs/config.md and docs/errors.md in step with the code (run `npm run docs`)', async () => {
  for (const [path, content] of Object.entries(await renderGeneratedDocs())) {
    assert.equal(readFileSync(path, 'utf8'), content, `${path} is stale`);
  }
});

it('documents every error code with a status and a description', async () => {
  const errors = (await renderGeneratedDocs())['docs/errors.md'] ?? '';
  for (const code of ['AUTH_INVALID_CREDENTIALS', 'REQUEST_TOO_LARGE', 'VAULT_MASTER_KEY_WRONG']) {
    assert.match(errors, new RegExp(`\\| \`${code}\` \\| \\d{3} \\|`));
  }
});
