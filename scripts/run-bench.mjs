#!/usr/bin/env node
// Runs one benchmark from bench/: npm run bench -- <name> [args...]
// Each benchmark prints exactly one JSON line on stdout; progress goes to stderr.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const [name, ...rest] = process.argv.slice(2);
const available = readdirSync('bench')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
if (!name || !existsSync(`bench/${name}.ts`)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}
const child = spawn(process.execPath, ['--import', 'tsx', `bench/${name}.ts`, ...rest], {
  stdio: 'inherit',
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
