/**
 * Starts `emulator-child.ts` in a process of its own and talks to it over its control API, so a
 * benchmark's CPU and memory figures are Tracegate's alone (Metrc is not on our machine either).
 *
 * @example
 * const emulator = await startEmulatorProcess({ licenses: 20, packages: 5000, latencyMs: 50 });
 * await emulator.control('DELETE', 'requests');
 * await emulator.close();
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ScenarioSummary } from '../../src/emulator/index.ts';

export interface EmulatorProcessOptions {
  licenses: number;
  packages: number;
  /** 0: none (add a latency fault later over the control API). */
  latencyMs: number;
  state?: string;
}

export async function startEmulatorProcess(options: EmulatorProcessOptions) {
  const child = spawn(
    process.execPath,
    [
      // e.g. `--cpu-prof --cpu-prof-dir=/tmp/x`: what the emulator's own CPU goes to.
      ...(process.env.BENCH_EMULATOR_EXEC_ARGV?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      new URL('./emulator-child.ts', import.meta.url).pathname,
      '--licenses',
      String(options.licenses),
      '--packages',
      String(options.packages),
      '--latency-ms',
      String(options.latencyMs),
      ...(options.state ? ['--state', options.state] : []),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const ready = JSON.parse(first) as {
    url: string;
    baseUrlTemplate: string;
    scenario: ScenarioSummary;
  };
  /** The emulator's control API (`/_emulator/<path>`), answered as JSON. */
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${ready.url}/_emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return response.json() as Promise<unknown>;
  };
  return {
    ...ready,
    /** For reading its CPU (support/proc-cpu.ts). */
    pid: child.pid ?? 0,
    control,
    /** Closing its stdin ends the child (it also ends if this process dies). */
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
