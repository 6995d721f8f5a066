/** The scenarios the emulator can load (`--scenario`, `POST /_emulator/scenario`). */
import type { Clock } from '../../lib/index.ts';
import { emulatorErrors } from '../emulator-errors.ts';
import { createEmulatorState, type EmulatorState } from '../state/emulator-state.ts';
import { buildDemoScenario } from './demo-scenario.ts';
import { buildScaleScenario, SCALE_DEFAULTS } from './scale-scenario.ts';
import { ScenarioBuilder } from './scenario-builder.ts';

export interface ScenarioDefinition {
  name: string;
  description: string;
  defaults: Record<string, unknown>;
  build(builder: ScenarioBuilder, params: Record<string, unknown>): void;
}

export const SCENARIOS: readonly ScenarioDefinition[] = [
  {
    name: 'demo',
    description:
      'CA and CO, every license type, an owner with full permissions and staff with partial ones.',
    defaults: {},
    build: (builder) => buildDemoScenario(builder),
  },
  {
    name: 'scale',
    description: 'One state, N licenses × M active packages (default 20 × 5,000) for benchmarks.',
    defaults: { ...SCALE_DEFAULTS },
    build: buildScaleScenario,
  },
  {
    name: 'empty',
    description: 'Nothing at all; build what a test needs through the control API.',
    defaults: {},
    build: () => {},
  },
];

/** Builds a fresh state for the named scenario; the same seed always gives the same state. */
export function buildScenario(
  name: string,
  options: { clock: Clock; seed: number; params?: Record<string, unknown> | undefined },
): EmulatorState {
  const definition = SCENARIOS.find((scenario) => scenario.name === name);
  if (!definition)
    throw emulatorErrors.EMULATOR_UNKNOWN_SCENARIO({
      details: { name, known: SCENARIOS.map((s) => s.name) },
    });
  const params = { ...definition.defaults, ...(options.params ?? {}) };
  const state = createEmulatorState({
    clock: options.clock,
    seed: options.seed,
    scenario: name,
    params,
  });
  const builder = new ScenarioBuilder(state);
  definition.build(builder, params);
  builder.finish();
  return state;
}
