// Writes the generated docs (docs/config.md, docs/errors.md); with --check, fails if stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderGeneratedDocs } from './docs.ts';

const check = process.argv.includes('--check');
const docs = await renderGeneratedDocs();
let stale = 0;
for (const [path, content] of Object.entries(docs)) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {}
  if (current === content) continue;
  if (check) {
    console.error(`${path} is out of date: run \`npm run docs\``);
    stale++;
  } else {
    writeFileSync(path, content);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
