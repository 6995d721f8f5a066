import type { Command } from 'commander';
import { createDatabase, migrateToLatest } from '../../db/index.ts';
import { loadCliConfig, output } from '../cli-context.ts';

/** `tracegate migrate`: applies pending migrations (start does this too). */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadCliConfig();
      const database = createDatabase(config.database);
      try {
        const applied = await migrateToLatest(database.db, database.dialect);
        output(
          options.json,
          { dialect: database.dialect, applied },
          applied.length ? `applied ${applied.join(', ')}` : 'database is up to date',
        );
      } finally {
        await database.close();
      }
    });
}
