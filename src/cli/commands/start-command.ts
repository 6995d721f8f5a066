import type { Command } from 'commander';
import { type ProcessRole, startTracegate } from '../../main/server.ts';
import { loadCliConfig } from '../cli-context.ts';

/** `tracegate start`: API server + worker (+ built-in Metrc emulator when none is configured). */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description(
      'Serve the API and console and run the worker (uses the built-in Metrc emulator unless METRC_BASE_URL_TEMPLATE is set)',
    )
    .option('--host <host>', 'interface to listen on (overrides HOST)')
    .option('--port <port>', 'port to listen on (overrides PORT)', (v) => Number.parseInt(v, 10))
    .option(
      '--role <role>',
      'api (serve the API only), worker (outbox dispatcher and scheduled jobs only) or all',
      'all',
    )
    .action(async (options: { host?: string; port?: number; role: string }) => {
      if (!['api', 'worker', 'all'].includes(options.role)) {
        process.stderr.write('--role must be api, worker or all\n');
        process.exit(2);
      }
      const config = loadCliConfig({
        ...(options.host !== undefined && { host: options.host }),
        ...(options.port !== undefined && { port: options.port }),
      });
      const running = await startTracegate(config, { role: options.role as ProcessRole });
      if (options.role === 'worker') process.stdout.write('Tracegate worker is running\n');
      else printBanner(running, config.database.kind);

      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stderr.write(`\n${signal}: stopping (waiting for in-flight requests)…\n`);
        const force = setTimeout(() => process.exit(1), config.shutdownTimeoutMs);
        force.unref();
        await running.close();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop('SIGTERM'));
      process.once('SIGINT', () => void stop('SIGINT'));
    });
}

function printBanner(running: Awaited<ReturnType<typeof startTracegate>>, database: string): void {
  const lines = [
    '',
    '  Tracegate is running',
    `    Console:   ${running.url}/`,
    `    API docs:  ${running.url}/api/docs`,
    `    Database:  ${database === 'sqlite' ? 'embedded SQLite' : 'PostgreSQL'}`,
    `    Metrc:     ${running.metrcBaseUrlTemplate}`,
    `    Vault key: ${running.vaultKey.source}${running.vaultKey.created ? '  (created now: back it up; without it stored Metrc keys cannot be read)' : ''}`,
  ];
  if (running.demoAdmin) {
    lines.push(
      '',
      '  First start: a demo organization was created. Sign in as',
      `    E-mail:    ${running.demoAdmin.email}`,
      `    Password:  ${running.demoAdmin.password.reveal()}   (shown once; change it after signing in)`,
    );
  }
  if (running.demoMetrc) {
    const demo = running.demoMetrc;
    lines.push(
      '',
      '  Demo Metrc (built-in emulator):',
      `    Vendor keys:    ${demo.vendorKeyStates.map((s) => s.toUpperCase()).join(', ')}`,
      ...demo.facilityKeys.map(
        (k) =>
          `    Facility key:   ${k.state.toUpperCase()}, ${k.licenses} licenses, verified (owner ${k.owner})`,
      ),
      `    Personal keys:  ${demo.withKey} has one; ${demo.withoutKey} has none yet`,
      '',
      '  Try Verify & Save (fake emulator keys, for the demo only):',
      ...demo.tryKeys.map(
        (k) => `    Metrc key of ${k.person} <${k.email}> (${k.state.toUpperCase()}): ${k.key}`,
      ),
      '    POST /api/credentials {"state":"ca","kind":"user","ownerUserId":<their id>,"apiKey":"<key>"}',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
