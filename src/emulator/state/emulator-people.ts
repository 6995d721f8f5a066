/**
 * Who may call what: vendor keys per state, users with their user keys, licenses, and the
 * employees of each license with their permissions. Used by scenarios and the control API.
 */

import { emulatorErrors } from '../emulator-errors.ts';
import { formatDate } from '../wire/metrc-time.ts';
import type { EmulatorState } from './emulator-state.ts';
import { emptyLicenseCollections } from './emulator-state.ts';
import { facilityTypeFor, type LicenseKind, type Program } from './facility-types.ts';
import { type Permission, VIEW_ONLY_PERMISSIONS } from './metrc-permissions.ts';
import type { MetrcState } from './metrc-states.ts';
import type { EmployeeRecord, LicenseRecord, UserRecord, VendorKeyRecord } from './records.ts';

/** Metrc keys are 48 letters and digits. */
const KEY_LENGTH = 48;
const DAY_MS = 86_400_000;

function claimKey(state: EmulatorState, wanted: string | undefined): string {
  const key = wanted ?? state.random.token(KEY_LENGTH);
  const { vendorKeyByKey, userByKey, retiredKeyOwner } = state.index;
  if (vendorKeyByKey.has(key) || userByKey.has(key) || retiredKeyOwner.has(key)) {
    throw emulatorErrors.EMULATOR_CONFLICT({ details: { field: 'key' } });
  }
  return key;
}

export function addVendorKey(
  state: EmulatorState,
  input: { state: MetrcState; key?: string },
): VendorKeyRecord {
  const record: VendorKeyRecord = {
    id: `vk-${input.state}-${state.nextId('vendorKey')}`,
    state: input.state,
    key: claimKey(state, input.key),
    active: true,
  };
  state.vendorKeys.set(record.id, record);
  state.index.vendorKeyByKey.set(record.key, record);
  return record;
}

export function addUser(
  state: EmulatorState,
  input: { state: MetrcState; name: string; id?: string; email?: string | null; userKey?: string },
): UserRecord {
  const serial = state.nextId('user');
  const id = input.id ?? `${input.state}-user-${serial}`;
  if (state.users.has(id)) throw emulatorErrors.EMULATOR_CONFLICT({ details: { field: 'id', id } });
  const record: UserRecord = {
    id,
    state: input.state,
    name: input.name,
    email: input.email ?? null,
    employeeLicenseNumber: `${input.state.toUpperCase()}-EMP-${String(100000 + serial)}`,
    key: claimKey(state, input.userKey),
    keyExpired: false,
    deactivated: false,
    retiredKeys: [],
  };
  state.users.set(id, record);
  state.index.userByKey.set(record.key, record);
  return record;
}

export interface LicenseInput {
  state: MetrcState;
  kind: LicenseKind;
  program?: Program;
  number: string;
  name: string;
  licenseType: string;
  alias?: string;
}

export function addLicense(state: EmulatorState, input: LicenseInput): LicenseRecord {
  if (state.licenses.has(input.number)) {
    throw emulatorErrors.EMULATOR_CONFLICT({ details: { field: 'number', number: input.number } });
  }
  const now = state.clock.now().getTime();
  const facilityId = state.nextId('facility');
  const program = input.program ?? 'adultUse';
  const record: LicenseRecord = {
    number: input.number,
    state: input.state,
    facilityId,
    kind: input.kind,
    program,
    licenseType: input.licenseType,
    name: input.name,
    alias: input.alias ?? input.name,
    startDate: formatDate(now - 400 * DAY_MS),
    endDate: formatDate(now + 330 * DAY_MS),
    credentialedDate: formatDate(now - 420 * DAY_MS),
    facilityType: facilityTypeFor(input.kind, program),
    tagPrefix: (0xa00000 + facilityId).toString(16).toUpperCase(),
    ...emptyLicenseCollections(),
  };
  state.licenses.set(record.number, record);
  return record;
}

export function requireUser(state: EmulatorState, userId: string): UserRecord {
  const user = state.users.get(userId);
  if (!user) throw emulatorErrors.EMULATOR_UNKNOWN_USER({ details: { userId } });
  return user;
}

export function requireLicense(state: EmulatorState, number: string): LicenseRecord {
  const license = state.licenses.get(number);
  if (!license) throw emulatorErrors.EMULATOR_UNKNOWN_LICENSE({ details: { license: number } });
  return license;
}

export interface EmploymentInput {
  license: string;
  userId: string;
  /** Defaults to Metrc's view-only set. */
  permissions?: readonly Permission[];
  isOwner?: boolean;
  isManager?: boolean;
  occupations?: string[];
}

/** Makes a user an employee of a license (or updates the employment). Same state only. */
export function employ(state: EmulatorState, input: EmploymentInput): EmployeeRecord {
  const license = requireLicense(state, input.license);
  const user = requireUser(state, input.userId);
  if (user.state !== license.state) {
    throw emulatorErrors.EMULATOR_CONTROL_INVALID({
      message: 'A user can only work at licenses of their own state.',
      details: { userState: user.state, licenseState: license.state },
    });
  }
  const hireDate = formatDate(state.clock.now().getTime() - 200 * DAY_MS);
  const record: EmployeeRecord = {
    userId: user.id,
    hireDate,
    isOwner: input.isOwner ?? false,
    isManager: input.isManager ?? input.isOwner ?? false,
    isFinancialContact: input.isOwner ?? false,
    occupations: input.occupations ?? [],
    permissions: new Set(input.permissions ?? VIEW_ONLY_PERMISSIONS),
  };
  license.employees.set(user.id, record);
  return record;
}

export function requireEmployee(
  state: EmulatorState,
  licenseNumber: string,
  userId: string,
): EmployeeRecord {
  const license = requireLicense(state, licenseNumber);
  requireUser(state, userId);
  const employee = license.employees.get(userId);
  if (!employee) {
    throw emulatorErrors.EMULATOR_CONTROL_INVALID({
      message: 'That user is not an employee of that license.',
      details: { license: licenseNumber, userId },
    });
  }
  return employee;
}

/** "Remove from facility" in Metrc's Admin → Employees: the license disappears for that user. */
export function removeEmployee(state: EmulatorState, licenseNumber: string, userId: string): void {
  requireEmployee(state, licenseNumber, userId);
  requireLicense(state, licenseNumber).employees.delete(userId);
}

/** "Generate" in Metrc's profile menu: a new key, and the old one stops working at once. */
export function regenerateUserKey(
  state: EmulatorState,
  userId: string,
  newKey?: string,
): UserRecord {
  const user = requireUser(state, userId);
  const key = claimKey(state, newKey);
  state.index.userByKey.delete(user.key);
  state.index.retiredKeyOwner.set(user.key, user);
  user.retiredKeys.push(user.key);
  user.key = key;
  user.keyExpired = false;
  state.index.userByKey.set(key, user);
  return user;
}

/** Keys "refresh by default after a given period of time, usually 1 year" (CX). */
export function expireUserKey(state: EmulatorState, userId: string): UserRecord {
  const user = requireUser(state, userId);
  user.keyExpired = true;
  return user;
}

export function setUserActive(state: EmulatorState, userId: string, active: boolean): UserRecord {
  const user = requireUser(state, userId);
  user.deactivated = !active;
  return user;
}

export function setVendorKeyActive(
  state: EmulatorState,
  id: string,
  active: boolean,
): VendorKeyRecord {
  const record = state.vendorKeys.get(id);
  if (!record) throw emulatorErrors.EMULATOR_UNKNOWN_VENDOR_KEY({ details: { id } });
  record.active = active;
  return record;
}
