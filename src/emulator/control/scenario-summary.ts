/** `GET /_emulator/scenario`: the seeded keys, users, licenses and employees, for tests and demos. */
import type { EmulatorState } from '../state/emulator-state.ts';
import type { LicenseKind, Program } from '../state/facility-types.ts';

export interface VendorKeySummary {
  id: string;
  state: string;
  key: string;
  active: boolean;
}

export interface UserSummary {
  id: string;
  state: string;
  name: string;
  email: string | null;
  employeeLicenseNumber: string;
  userKey: string;
  keyStatus: 'active' | 'expired';
  deactivated: boolean;
  licenses: string[];
}

export interface EmployeeSummary {
  userId: string;
  name: string;
  isOwner: boolean;
  isManager: boolean;
  permissions: string[];
}

export interface LicenseSummary {
  number: string;
  state: string;
  name: string;
  kind: LicenseKind;
  program: Program;
  licenseType: string;
  facilityId: number;
  employees: EmployeeSummary[];
}

export interface ScenarioSummary {
  name: string;
  seed: number;
  params: Record<string, unknown>;
  loadedAt: string;
  /** `http://127.0.0.1:4010/{state}` when served over HTTP. */
  baseUrlTemplate: string | null;
  vendorKeys: VendorKeySummary[];
  users: UserSummary[];
  licenses: LicenseSummary[];
}

export function summarizeScenario(
  state: EmulatorState,
  baseUrlTemplate: string | null,
): ScenarioSummary {
  const licenses = [...state.licenses.values()];
  return {
    name: state.scenario.name,
    seed: state.scenario.seed,
    params: state.scenario.params,
    loadedAt: new Date(state.scenario.loadedAt).toISOString(),
    baseUrlTemplate,
    vendorKeys: [...state.vendorKeys.values()].map(({ id, state: code, key, active }) => ({
      id,
      state: code,
      key,
      active,
    })),
    users: [...state.users.values()].map((user) => ({
      id: user.id,
      state: user.state,
      name: user.name,
      email: user.email,
      employeeLicenseNumber: user.employeeLicenseNumber,
      userKey: user.key,
      keyStatus: user.keyExpired ? 'expired' : 'active',
      deactivated: user.deactivated,
      licenses: licenses
        .filter((license) => license.employees.has(user.id))
        .map((license) => license.number),
    })),
    licenses: licenses.map((license) => ({
      number: license.number,
      state: license.state,
      name: license.name,
      kind: license.kind,
      program: license.program,
      licenseType: license.licenseType,
      facilityId: license.facilityId,
      employees: [...license.employees.values()].map((employee) => ({
        userId: employee.userId,
        name: state.users.get(employee.userId)?.name ?? employee.userId,
        isOwner: employee.isOwner,
        isManager: employee.isManager,
        permissions: [...employee.permissions],
      })),
    })),
  };
}
