#!/usr/bin/env node
// Builds the operator console (web/) into web/dist, which the server serves at `/`, and checks
// the initial JavaScript (entry + modulepreloads, gzip) against its budget.
// Run by `npm ci`/`npm install` (prepare) and `npm start` (prestart, only when missing).
// Usage: node scripts/build-web.mjs [--if-missing]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Initial JavaScript budget, gzip (issue 11): lazy-load pages to stay under it. */
export const INITIAL_JS_BUDGET_BYTES = 250 * 1024;

const webDir = new URL('../web/', import.meta.url).pathname;
const distDir = join(webDir, 'dist');

if (process.argv.includes('--if-missing') && existsSync(join(distDir, 'index.html'))) {
  process.exit(0);
}

let build;
try {
  ({ build } = await import('vite'));
} catch {
  // A production install without dev dependencies: the server says how to build instead.
  console.error('console not built: vite is not installed (run `npm ci` with dev dependencies)');
  process.exit(0);
}
await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });

const html = readFileSync(join(distDir, 'index.html'), 'utf8');
const scripts = [
  ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
].map((m) => m[1]);
let total = 0;
for (const file of new Set(scripts)) {
  const size = gzipSync(readFileSync(join(distDir, file))).length;
  total += size;
  console.log(`  ${file}  ${(size / 1024).toFixed(1)} kB gzip`);
}
const verdict = total <= INITIAL_JS_BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `console built: initial JavaScript ${(total / 1024).toFixed(1)} kB gzip (${verdict} the ${INITIAL_JS_BUDGET_BYTES / 1024} kB budget)`,
);
if (total > INITIAL_JS_BUDGET_BYTES) process.exit(1);
