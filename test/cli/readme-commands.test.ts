import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { Command } from 'commander';
import { registerCommands } from '../../src/cli/commands/index.ts';

/** Issue 10, item 16: the README's command list names every command the CLI has. */
it('README lists every CLI command', () => {
  const program = new Command();
  registerCommands(program);
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const names = program.commands.flatMap((c) =>
    c.commands.length > 0 ? c.commands.map((s) => `${c.name()} ${s.name()}`) : [c.name()],
  );
  assert.ok(names.length > 10);
  const missing = names.filter((name) => !readme.includes(`npx tracegate ${name}`));
  assert.deepEqual(missing, []);
});
