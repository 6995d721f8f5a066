import { Command } from 'commander';
import { reportFailure } from './cli-context.ts';
import { registerCommands } from './commands/index.ts';
import { limitHeapGrowth } from './heap-growth.ts';

limitHeapGrowth();

const program = new Command()
  .name('tracegate')
  .description('Tracegate: a safe, attribution-correct gateway to Metrc.')
  .showHelpAfterError()
  .configureHelp({ sortSubcommands: true });

registerCommands(program);

await program.parseAsync(process.argv).catch(reportFailure);
