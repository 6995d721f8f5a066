#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/, then the browser flows test/e2e/*.e2e.ts one at a
// time (real Chromium; each flow is bounded by its own timeout and skips, saying why, without
// Chromium unless CI=true), with node's test runner through tsx.
// Node 20 cannot expand globs itself, so the files are listed here.
// Usage: npm test [-- <path filter> ...]   e.g. npm test -- src/db test/auth
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOTS = ['src', 'test'];
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith('--'));

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules') return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = ROOTS.flatMap(walk)
  .filter((f) => f.endsWith('.test.ts') || f.endsWith('.e2e.ts'))
  .map((f) => relative('.', f))
  .filter((f) => filters.length === 0 || filters.some((p) => f.startsWith(p) || f.includes(p)))
  .sort();

if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(1);
}

/** Runs node's test runner over some files; resolves to its exit code. */
function run(list, concurrency) {
  const args = [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    `--test-concurrency=${concurrency}`,
    ...passThrough,
    ...list,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: process.env });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

// Browser flows run after the rest, one at a time: Chromium's load would otherwise skew the
// timing-sensitive tests beside them on a 2-core machine.
const browserFlows = files.filter((f) => f.endsWith('.e2e.ts'));
const rest = files.filter((f) => !f.endsWith('.e2e.ts'));
let failed = false;
if (rest.length > 0) failed = (await run(rest, process.env.TEST_CONCURRENCY ?? 2)) !== 0;
if (browserFlows.length > 0) failed = (await run(browserFlows, 1)) !== 0 || failed;
process.exit(failed ? 1 : 0);
