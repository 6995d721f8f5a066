import type { Command } from 'commander';

/** Every CLI command, registered in one place so `tracegate --help` lists them all. */
export function registerCommands(program: Command): void {
  void program;
}
