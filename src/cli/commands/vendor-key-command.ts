import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../auth/index.ts';
import { commonErrors, Secret } from '../../lib/index.ts';
import { output, readStdin, withServices } from '../cli-context.ts';

/** `tracegate vendor-key set|list|delete`: the integrator's Metrc keys per state (key read from stdin). */
export function registerVendorKeyCommand(program: Command): void {
  const vendorKey = program
    .command('vendor-key')
    .description("Manage the deployment's Metrc vendor keys");

  vendorKey
    .command('set')
    .description('Set the vendor key of a state; the key is read from stdin, never from arguments')
    .requiredOption('--state <code>', 'two-letter state code, e.g. CA')
    .option('--environment <env>', 'production or sandbox', 'production')
    .option('--json', 'print the result as JSON')
    .action(async (options: { state: string; environment: string; json?: boolean }) => {
      if (options.environment !== 'production' && options.environment !== 'sandbox') {
        throw commonErrors.REQUEST_INVALID({
          message: '--environment must be production or sandbox',
        });
      }
      const environment = options.environment;
      if (process.stdin.isTTY)
        process.stderr.write(`Paste the ${options.state.toUpperCase()} vendor key, then Ctrl-D:\n`);
      const key = new Secret(await readStdin());
      await withServices(async (services) => {
        const saved = await services.vendorKeys.set(SYSTEM_ACTOR, {
          state: options.state,
          environment,
          key,
        });
        output(
          options.json,
          saved,
          `vendor key for ${saved.state.toUpperCase()} (${environment}) set: ${saved.fingerprint}\n${saved.message}`,
        );
      });
    });

  vendorKey
    .command('delete')
    .description('Delete the vendor key of a state and destroy it; confirm with its fingerprint')
    .requiredOption('--state <code>', 'two-letter state code, e.g. CA')
    .option('--environment <env>', 'production or sandbox', 'production')
    .requiredOption('--confirm <fingerprint>', 'the last four characters of the key, as listed')
    .action(async (options: { state: string; environment: string; confirm: string }) => {
      if (options.environment !== 'production' && options.environment !== 'sandbox') {
        throw commonErrors.REQUEST_INVALID({
          message: '--environment must be production or sandbox',
        });
      }
      const environment = options.environment;
      await withServices(async (services) => {
        await services.vendorKeys.remove(SYSTEM_ACTOR, options.state, environment, options.confirm);
        process.stdout.write(
          `vendor key for ${options.state.toUpperCase()} (${environment}) deleted\n`,
        );
      });
    });

  vendorKey
    .command('list')
    .description('List vendor keys by state (fingerprints only)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      await withServices(async (services) => {
        const keys = await services.vendorKeys.list();
        output(
          options.json,
          keys,
          keys.length
            ? keys
                .map(
                  (k) => `${k.state.toUpperCase()}  ${k.environment.padEnd(10)}  ${k.fingerprint}`,
                )
                .join('\n')
            : 'no vendor keys set',
        );
      });
    });
}
