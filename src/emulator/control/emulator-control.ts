/**
 * The control surface, shared by `/_emulator/*` and the `RunningEmulator.control` handle: load
 * scenarios, manage keys, users, employees and permissions, inject faults, read the request log.
 */
import {
  applyConfigPatch,
  type EmulatorConfig,
  type EmulatorConfigPatch,
} from '../emulator-config.ts';
import { type EmulatorCore, loadScenario } from '../emulator-core.ts';
import { emulatorErrors } from '../emulator-errors.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { ScenarioBuilder } from '../scenarios/scenario-builder.ts';
import { seedInventory } from '../scenarios/seed-inventory.ts';
import {
  addLicense,
  addUser,
  addVendorKey,
  employ,
  expireUserKey,
  regenerateUserKey,
  removeEmployee,
  requireEmployee,
  setUserActive,
  setVendorKeyActive,
} from '../state/emulator-people.ts';
import { LICENSE_KINDS, type LicenseKind, type Program } from '../state/facility-types.ts';
import {
  ALL_PERMISSIONS,
  type Permission,
  parsePermission,
  VIEW_ONLY_PERMISSIONS,
} from '../state/metrc-permissions.ts';
import { type MetrcState, parseMetrcState } from '../state/metrc-states.ts';
import type { FaultInput, FaultRule } from './fault-injector.ts';
import type {
  RequestCounters,
  RequestLogEntry,
  RequestLogFilter,
  UnimplementedHit,
} from './request-log.ts';
import {
  type LicenseSummary,
  type ScenarioSummary,
  summarizeScenario,
  type UserSummary,
  type VendorKeySummary,
} from './scenario-summary.ts';

/** A permission list: names, or `'all'`, or Metrc's default `'view-only'`. */
export type PermissionsInput = readonly string[] | 'all' | 'view-only';

export interface EmulatorControl {
  scenario(): ScenarioSummary;
  scenarios(): { name: string; description: string; defaults: Record<string, unknown> }[];
  loadScenario(
    name: string,
    options?: { seed?: number; params?: Record<string, unknown> },
  ): ScenarioSummary;
  /** Reloads the current scenario (optionally with another seed). */
  reset(options?: { seed?: number }): ScenarioSummary;
  config(): EmulatorConfig;
  updateConfig(patch: EmulatorConfigPatch): EmulatorConfig;
  now(): Date;
  advanceClock(ms: number): Date;
  createVendorKey(input: { state: string; key?: string }): VendorKeySummary;
  setVendorKeyActive(id: string, active: boolean): VendorKeySummary;
  createUser(input: {
    state: string;
    name: string;
    id?: string;
    email?: string;
    userKey?: string;
  }): UserSummary;
  regenerateUserKey(userId: string, userKey?: string): UserSummary;
  expireUserKey(userId: string): UserSummary;
  setUserActive(userId: string, active: boolean): UserSummary;
  createLicense(input: {
    state: string;
    kind: string;
    number?: string;
    name?: string;
    licenseType?: string;
    program?: string;
    inventory?: boolean;
  }): LicenseSummary;
  /** Adds the user to the license, or replaces the employment. */
  setEmployee(input: {
    license: string;
    userId: string;
    permissions?: PermissionsInput;
    isOwner?: boolean;
    isManager?: boolean;
  }): LicenseSummary;
  setPermissions(input: {
    license: string;
    userId: string;
    permissions?: PermissionsInput;
    add?: readonly string[];
    remove?: readonly string[];
  }): LicenseSummary;
  removeEmployee(license: string, userId: string): LicenseSummary;
  addFault(input: FaultInput): FaultRule;
  removeFault(id: string): void;
  clearFaults(): void;
  faults(): FaultRule[];
  requests(filter?: RequestLogFilter): RequestLogEntry[];
  clearRequests(): void;
  counters(): RequestCounters;
  /**
   * Requests to routes the emulator does not implement, since it started (scenario loads and
   * log clears keep them). Test kits assert this is empty at teardown.
   */
  unimplemented(): UnimplementedHit[];
}

const DEFAULT_LICENSE_TYPES: Record<LicenseKind, string> = {
  cultivator: 'Adult-Use Cultivation',
  manufacturer: 'Adult-Use Manufacturer',
  distributor: 'Adult-Use Distributor',
  transporter: 'Distributor-Transport Only',
  testingLab: 'Testing Laboratory',
  retailer: 'Adult-Use Retailer',
  microbusiness: 'Adult-Use Microbusiness',
};

function invalid(message: string, details?: unknown): never {
  throw emulatorErrors.EMULATOR_CONTROL_INVALID({ message, details });
}

function stateCode(text: unknown): MetrcState {
  const state = parseMetrcState(typeof text === 'string' ? text : undefined);
  return state ?? invalid(`Unknown state "${String(text)}".`);
}

function permissionList(input: PermissionsInput | undefined): Permission[] | undefined {
  if (input === undefined) return undefined;
  if (input === 'all') return [...ALL_PERMISSIONS];
  if (input === 'view-only') return [...VIEW_ONLY_PERMISSIONS];
  if (!Array.isArray(input)) invalid('permissions must be a list of names, "all" or "view-only".');
  return input.map(
    (name) =>
      parsePermission(String(name)) ??
      invalid(`Unknown permission "${name}".`, { known: ALL_PERMISSIONS }),
  );
}

export function createEmulatorControl(
  core: EmulatorCore,
  baseUrlTemplate: () => string | null,
): EmulatorControl {
  const summary = () => summarizeScenario(core.state, baseUrlTemplate());
  const userSummary = (id: string) => summary().users.find((user) => user.id === id) as UserSummary;
  const licenseSummary = (number: string) =>
    summary().licenses.find((license) => license.number === number) as LicenseSummary;
  const vendorSummary = (id: string) =>
    summary().vendorKeys.find((key) => key.id === id) as VendorKeySummary;

  return {
    scenario: summary,
    scenarios: () =>
      SCENARIOS.map(({ name, description, defaults }) => ({ name, description, defaults })),
    loadScenario(name, options = {}) {
      if (options.seed !== undefined && !Number.isInteger(options.seed))
        invalid('seed must be an integer.');
      loadScenario(core, name, options);
      return summary();
    },
    reset(options = {}) {
      loadScenario(core, core.state.scenario.name, {
        seed: options.seed ?? core.state.scenario.seed,
      });
      return summary();
    },
    config: () => structuredClone(core.config),
    updateConfig(patch) {
      try {
        core.config = applyConfigPatch(core.config, patch ?? {});
      } catch (error) {
        invalid((error as Error).message);
      }
      core.limiter.reset();
      return structuredClone(core.config);
    },
    now: () => core.clock.now(),
    advanceClock(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
        invalid('advanceMs must be a number of 0 or more.');
      core.clock.advance(ms);
      return core.clock.now();
    },
    createVendorKey(input) {
      return vendorSummary(
        addVendorKey(core.state, { state: stateCode(input?.state), key: input.key }).id,
      );
    },
    setVendorKeyActive: (id, active) =>
      vendorSummary(setVendorKeyActive(core.state, id, active).id),
    createUser(input) {
      if (typeof input?.name !== 'string' || input.name.trim() === '') invalid('name is required.');
      const user = addUser(core.state, { ...input, state: stateCode(input.state) });
      return userSummary(user.id);
    },
    regenerateUserKey: (userId, userKey) =>
      userSummary(regenerateUserKey(core.state, userId, userKey).id),
    expireUserKey: (userId) => userSummary(expireUserKey(core.state, userId).id),
    setUserActive: (userId, active) => userSummary(setUserActive(core.state, userId, active).id),
    createLicense(input) {
      const state = stateCode(input?.state);
      if (!LICENSE_KINDS.includes(input.kind as LicenseKind))
        invalid(`kind must be one of ${LICENSE_KINDS.join(', ')}.`);
      const kind = input.kind as LicenseKind;
      const program = (input.program ?? 'adultUse') as Program;
      if (program !== 'adultUse' && program !== 'medical')
        invalid('program must be "adultUse" or "medical".');
      const serial = core.state.licenses.size + 1;
      const license = addLicense(core.state, {
        state,
        kind,
        program,
        number: input.number ?? `${state.toUpperCase()}-EMU-${String(serial).padStart(4, '0')}`,
        name: input.name ?? `Emulated ${kind} ${serial}`,
        licenseType: input.licenseType ?? DEFAULT_LICENSE_TYPES[kind],
      });
      if (input.inventory) {
        const builder = new ScenarioBuilder(core.state);
        seedInventory(builder, license);
        builder.finish();
      }
      return licenseSummary(license.number);
    },
    setEmployee(input) {
      employ(core.state, {
        license: input?.license,
        userId: input?.userId,
        permissions: permissionList(input.permissions),
        isOwner: input.isOwner,
        isManager: input.isManager,
      });
      return licenseSummary(input.license);
    },
    setPermissions(input) {
      const employee = requireEmployee(core.state, input?.license, input?.userId);
      const replace = permissionList(input.permissions);
      if (replace) employee.permissions = new Set(replace);
      for (const name of permissionList(input.add as string[] | undefined) ?? [])
        employee.permissions.add(name);
      for (const name of permissionList(input.remove as string[] | undefined) ?? [])
        employee.permissions.delete(name);
      return licenseSummary(input.license);
    },
    removeEmployee(license, userId) {
      removeEmployee(core.state, license, userId);
      return licenseSummary(license);
    },
    addFault: (input) => core.faults.add(input),
    removeFault: (id) => core.faults.remove(id),
    clearFaults: () => core.faults.clear(),
    faults: () => core.faults.list(),
    requests: (filter) => core.log.entries(filter),
    clearRequests: () => core.log.clear(),
    counters: () => core.log.counters(),
    unimplemented: () => core.unimplemented.map((hit) => ({ ...hit })),
  };
}
