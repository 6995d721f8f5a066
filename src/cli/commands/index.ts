import type { Command } from 'commander';
import { registerEmulatorCommand } from './emulator-command.ts';

/** Every CLI command, registered in one place so `tracegate --help` lists them all. */
export function registerCommands(program: Command): void {
  registerEmulatorCommand(program);
}
