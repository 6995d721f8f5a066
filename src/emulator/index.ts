/**
 * The Metrc emulator: a faithful, multi-state Metrc in miniature over real HTTP, with a control
 * API for tests. See docs/emulator.md and README.md in this folder.
 *
 * @example
 * const emulator = await startEmulator({ port: 0 });
 * const { vendorKeys, users } = emulator.scenario();
 * // GET `${emulator.url}/ca/facilities/v2` with Basic base64(vendorKey:userKey)
 * await emulator.close();
 */
import { type Clock, systemClock } from '../lib/index.ts';
import { createEmulatorControl, type EmulatorControl } from './control/emulator-control.ts';
import type { ScenarioSummary } from './control/scenario-summary.ts';
import type { EmulatorConfigPatch, EmulatorLimits } from './emulator-config.ts';
import { createEmulatorCore } from './emulator-core.ts';
import { listen } from './http/emulator-server.ts';

export type { EmulatorControl, PermissionsInput } from './control/emulator-control.ts';
export type { FaultInput, FaultKind, FaultRule } from './control/fault-injector.ts';
export { FAULT_KINDS } from './control/fault-injector.ts';
export type {
  RequestCounters,
  RequestLogEntry,
  RequestLogFilter,
  UnimplementedHit,
} from './control/request-log.ts';
export type {
  EmployeeSummary,
  LicenseSummary,
  ScenarioSummary,
  UserSummary,
  VendorKeySummary,
} from './control/scenario-summary.ts';
export type {
  AuthFailureShape,
  EmulatorConfig,
  EmulatorConfigPatch,
  EmulatorLimits,
  ExternalReceiptShape,
} from './emulator-config.ts';
export { DEFAULT_LIMITS } from './emulator-config.ts';
export { emulatorErrors } from './emulator-errors.ts';
export { SCENARIOS } from './scenarios/index.ts';
export type { FacilityType, LicenseKind } from './state/facility-types.ts';
export {
  ALL_PERMISSIONS,
  type Permission,
  VIEW_ONLY_PERMISSIONS,
} from './state/metrc-permissions.ts';
export { METRC_STATES, type MetrcState } from './state/metrc-states.ts';

export interface EmulatorOptions {
  /** Interface to listen on; default 127.0.0.1 (never all interfaces unless asked). */
  host?: string;
  /** Port; 0 (the default) picks a free one. */
  port?: number;
  /** Scenario to load: `demo` (default), `scale`, `empty`. */
  scenario?: string;
  /** Same seed, same keys and data. Default 1. */
  seed?: number;
  /** Scenario parameters, e.g. `{ licenses: 20, packages: 5000 }` for `scale`. */
  scenarioParams?: Record<string, unknown>;
  /** Metrc's limits are the defaults; override any of them. */
  limits?: Partial<EmulatorLimits>;
  writeResponse?: EmulatorConfigPatch['writeResponse'];
  rejectDuplicateExternalReceiptNumbers?: boolean;
  /** Per state: `object` (default, Metrc's docs), `envelope` (OM) or `array`. */
  externalReceiptLookup?: EmulatorConfigPatch['externalReceiptLookup'];
  /** 401 with `{"Message"}` (default), 401 with no body, or 403 for denials. */
  authFailures?: EmulatorConfigPatch['authFailures'];
  /** Time source (the emulator adds its own forward-only offset). */
  clock?: Clock;
  /** Request log entries kept (default 10,000). */
  requestLogSize?: number;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:4010` */
  url: string;
  /** `http://127.0.0.1:4010/{state}`: the Metrc base URL template for clients. */
  baseUrlTemplate: string;
  host: string;
  port: number;
  /** Same data as `GET /_emulator/scenario`. */
  scenario(): ScenarioSummary;
  /** The control API, in process. */
  control: EmulatorControl;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const core = createEmulatorCore({
    clock: options.clock ?? systemClock,
    scenario: options.scenario ?? 'demo',
    seed: options.seed ?? 1,
    params: options.scenarioParams,
    config: {
      limits: options.limits,
      writeResponse: options.writeResponse,
      rejectDuplicateExternalReceiptNumbers: options.rejectDuplicateExternalReceiptNumbers,
      externalReceiptLookup: options.externalReceiptLookup,
      authFailures: options.authFailures,
    },
    requestLogSize: options.requestLogSize,
  });
  let baseUrlTemplate: string | null = null;
  const control = createEmulatorControl(core, () => baseUrlTemplate);
  const server = await listen(core, control, { host, port: options.port ?? 0 });
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${server.port}`;
  baseUrlTemplate = `${url}/{state}`;
  return {
    url,
    baseUrlTemplate,
    host,
    port: server.port,
    scenario: () => control.scenario(),
    control,
    close: () => server.close(),
  };
}
