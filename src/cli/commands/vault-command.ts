import type { Command } from 'commander';
import { createDatabase, migrateToLatest } from '../../db/index.ts';
import { createSilentLogger } from '../../lib/index.ts';
import { masterKeySourceFor } from '../../main/open-vault.ts';
import { createVaultRepo, rotateMasterKey } from '../../vault/index.ts';
import { loadCliConfig, output } from '../cli-context.ts';

/** `tracegate vault rotate`: re-wraps every data key under a new master key, servers running. */
export function registerVaultCommand(program: Command): void {
  const vault = program.command('vault').description('Manage the vault that encrypts Metrc keys');
  vault
    .command('rotate')
    .description(
      'Re-wrap every stored key under a new master key while servers keep running (key file: a new key is added automatically; TRACEGATE_MASTER_KEY: set "new,old" first). Re-run to finish an interrupted rotation.',
    )
    .option('--json', 'print the report as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadCliConfig();
      const database = createDatabase(config.database);
      try {
        await migrateToLatest(database.db, database.dialect);
        const { meta, store } = createVaultRepo(database.db);
        const source = masterKeySourceFor(config);
        const report = await rotateMasterKey({ source, meta, store, logger: createSilentLogger() });
        const removeHint = report.operatorMustRemove.length
          ? `\nnow remove version(s) ${report.operatorMustRemove.join(', ')} from TRACEGATE_MASTER_KEY and restart`
          : '';
        output(
          options.json,
          { keySource: source.label, ...report },
          `re-wrapped ${report.rewrapped} key(s) under master-key version ${report.primaryVersion} (${source.label}); retired ${report.retiredVersions.join(', ') || 'none'}${removeHint}`,
        );
      } finally {
        await database.close();
      }
    });
}
