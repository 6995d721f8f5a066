#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/, and the browser flows test/e2e/*.e2e.ts (real
// Chromium; each flow is bounded by its own timeout and skips, saying why, without Chromium
// unless CI=true), with node's test runner through tsx.
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

const args = [
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
  ...passThrough,
  ...files,
];
const child = spawn(process.execPath, args, { stdio: 'inherit', env: process.env });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
