/** Everything a running emulator holds, shared by the Metrc pipeline and the control API. */
import type { ServerResponse } from 'node:http';
import type { Clock } from '../lib/index.ts';
import { createFaultInjector, type FaultInjector } from './control/fault-injector.ts';
import { createRequestLog, type RequestLog, type UnimplementedHit } from './control/request-log.ts';
import {
  createEmulatorConfig,
  type EmulatorConfig,
  type EmulatorConfigPatch,
} from './emulator-config.ts';
import { createGetLimiter, type GetLimiter } from './http/get-rate-limiter.ts';
import { compileRoutes, type RouteTable } from './http/route-table.ts';
import { METRC_OPERATIONS } from './operations/index.ts';
import { buildScenario } from './scenarios/index.ts';
import { type AdjustableClock, createAdjustableClock } from './state/adjustable-clock.ts';
import type { EmulatorState } from './state/emulator-state.ts';
import { createSeededRandom } from './state/seeded-random.ts';

export interface EmulatorCore {
  state: EmulatorState;
  config: EmulatorConfig;
  readonly clock: AdjustableClock;
  readonly limiter: GetLimiter;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly routes: RouteTable;
  /**
   * Every request to a route the emulator does not implement, since start (a scenario load or
   * log clear keeps them): test kits fail a test run that hit one.
   */
  readonly unimplemented: UnimplementedHit[];
  /** Responses held open by timeout faults; ended when the emulator closes. */
  readonly held: Set<ServerResponse>;
}

export interface CoreOptions {
  clock: Clock;
  scenario: string;
  seed: number;
  params?: Record<string, unknown>;
  config?: EmulatorConfigPatch;
  requestLogSize?: number;
}

const routes = compileRoutes(METRC_OPERATIONS);

export function createEmulatorCore(options: CoreOptions): EmulatorCore {
  const clock = createAdjustableClock(options.clock);
  const faultRandom = createSeededRandom(options.seed ^ 0x5eed);
  const core: EmulatorCore = {
    state: buildScenario(options.scenario, { clock, seed: options.seed, params: options.params }),
    config: createEmulatorConfig(options.config),
    clock,
    limiter: createGetLimiter(
      () => core.config.limits,
      () => clock.now().getTime(),
    ),
    faults: createFaultInjector(() => faultRandom.next(), clock),
    log: createRequestLog(options.requestLogSize),
    routes,
    held: new Set(),
    unimplemented: [],
  };
  return core;
}

/**
 * Replaces the whole state with a freshly built scenario, and starts faults, limits and the
 * request log afresh; the config (limits, write-response mode) stays.
 */
export function loadScenario(
  core: EmulatorCore,
  name: string,
  options: { seed?: number; params?: Record<string, unknown> } = {},
): EmulatorState {
  const seed = options.seed ?? core.state.scenario.seed;
  const params =
    options.params ?? (name === core.state.scenario.name ? core.state.scenario.params : {});
  core.state = buildScenario(name, { clock: core.clock, seed, params });
  core.faults.clear();
  core.limiter.reset();
  core.log.clear();
  return core.state;
}
