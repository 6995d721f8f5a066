import type { Command } from 'commander';
import {
  type RunningEmulator,
  SCENARIOS,
  type ScenarioSummary,
  startEmulator,
} from '../../emulator/index.ts';

const integer = (name: string) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number`);
  return parsed;
};

/**
 * `tracegate emulator`: serves the Metrc emulator on its own, for demos and for pointing other
 * software at. Emulator keys are test fixtures, so they are printed (real Metrc keys never are).
 */
export function registerEmulatorCommand(program: Command): void {
  program
    .command('emulator')
    .description(
      'Run the Metrc emulator (every state under its own prefix, control API under /_emulator/)',
    )
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 picks a free one)', integer('--port'), 4010)
    .option(
      '--scenario <name>',
      `scenario to load: ${SCENARIOS.map((s) => s.name).join(', ')}`,
      'demo',
    )
    .option('--seed <n>', 'seed: the same seed gives the same keys and data', integer('--seed'), 1)
    .option('--json', 'print the scenario (keys, users, licenses) as JSON instead of a summary')
    .action(
      async (options: {
        host: string;
        port: number;
        scenario: string;
        seed: number;
        json?: boolean;
      }) => {
        const emulator = await startEmulator({
          host: options.host,
          port: options.port,
          scenario: options.scenario,
          seed: options.seed,
        });
        const summary = emulator.scenario();
        process.stdout.write(
          options.json
            ? `${JSON.stringify({ url: emulator.url, ...summary })}\n`
            : banner(emulator, summary),
        );

        let stopping = false;
        const stop = async (signal: string) => {
          if (stopping) return;
          stopping = true;
          process.stderr.write(`\n${signal}: stopping the emulator\n`);
          await emulator.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop('SIGINT'));
        process.once('SIGTERM', () => void stop('SIGTERM'));
      },
    );
}

function banner(emulator: RunningEmulator, summary: ScenarioSummary): string {
  const lines = [
    '',
    `  Metrc emulator: scenario "${summary.name}", seed ${summary.seed}`,
    `    URL:            ${emulator.url}`,
    `    Base URL:       ${emulator.baseUrlTemplate}   (e.g. ${emulator.url}/ca/facilities/v2)`,
    `    Control API:    ${emulator.url}/_emulator/scenario`,
    '',
    '  Vendor keys (HTTP Basic username):',
    ...summary.vendorKeys.map((key) => `    ${key.state.toUpperCase()}  ${key.key}`),
    '',
    '  Users (HTTP Basic password = user key):',
    ...summary.users.map(
      (user) =>
        `    ${user.state.toUpperCase()}  ${user.name.padEnd(16)} ${user.userKey}  ${user.licenses.length} license(s)`,
    ),
    '',
    '  Licenses:',
    ...summary.licenses
      .slice(0, 20)
      .map(
        (license) =>
          `    ${license.state.toUpperCase()}  ${license.number.padEnd(16)} ${license.licenseType} — ${license.name}`,
      ),
    ...(summary.licenses.length > 20 ? [`    … and ${summary.licenses.length - 20} more`] : []),
    '',
    '  Stop with Ctrl+C.',
    '',
  ];
  return lines.join('\n');
}
