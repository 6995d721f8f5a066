import type { Command } from 'commander';
import { registerAdminCommand } from './admin-command.ts';
import { registerAlertsCommand } from './alerts-command.ts';
import { registerCredentialsCommand } from './credentials-command.ts';
import { registerEmulatorCommand } from './emulator-command.ts';
import { registerMigrateCommand } from './migrate-command.ts';
import { registerStartCommand } from './start-command.ts';
import { registerSubmissionsCommand } from './submissions-command.ts';
import { registerSyncCommand } from './sync-command.ts';
import { registerTokenCommand } from './token-command.ts';
import { registerVaultCommand } from './vault-command.ts';
import { registerVendorKeyCommand } from './vendor-key-command.ts';

/** Every CLI command, registered in one place so `tracegate --help` lists them all. */
export function registerCommands(program: Command): void {
  registerStartCommand(program);
  registerMigrateCommand(program);
  registerAdminCommand(program);
  registerTokenCommand(program);
  registerVaultCommand(program);
  registerVendorKeyCommand(program);
  registerCredentialsCommand(program);
  registerEmulatorCommand(program);
  registerAlertsCommand(program);
  registerSyncCommand(program);
  registerSubmissionsCommand(program);
}
