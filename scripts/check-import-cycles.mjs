#!/usr/bin/env node
// Fails when relative imports under a folder form a cycle, or when non-test code there imports
// from test/ (code under src/ never imports tests): node scripts/check-import-cycles.mjs [dir]
// Type-only imports count too (they still tie files together). No dependency: a regex over
// `import … from './x.ts'` / `export … from './x.ts'` is enough for this code base's style.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'src');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(path);
  }
};
walk(root);

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g;
const testsDir = resolve('test');
const graph = new Map();
const intoTests = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const deps = [];
  for (const match of text.matchAll(IMPORT)) deps.push(resolve(dirname(file), match[1]));
  for (const dep of deps) if (dep.startsWith(`${testsDir}/`)) intoTests.push([file, dep]);
  graph.set(
    file,
    deps.filter((d) => files.includes(d)),
  );
}

const cycles = [];
const state = new Map(); // 1 = on stack, 2 = done
const stack = [];
const visit = (file) => {
  state.set(file, 1);
  stack.push(file);
  for (const dep of graph.get(file) ?? []) {
    if (state.get(dep) === 1) cycles.push([...stack.slice(stack.indexOf(dep)), dep]);
    else if (!state.has(dep)) visit(dep);
  }
  stack.pop();
  state.set(file, 2);
};
for (const file of files) if (!state.has(file)) visit(file);

for (const [file, dep] of intoTests) {
  console.error(`${relative(process.cwd(), file)} imports ${relative(process.cwd(), dep)}`);
}
if (cycles.length === 0 && intoTests.length === 0) {
  console.log(
    `no import cycles in ${relative(process.cwd(), root) || '.'} (${files.length} files)`,
  );
} else {
  if (intoTests.length > 0) console.error('code under src/ must not import test/');
  for (const cycle of cycles)
    console.error(`cycle: ${cycle.map((f) => relative(root, f)).join(' -> ')}`);
  process.exit(1);
}
