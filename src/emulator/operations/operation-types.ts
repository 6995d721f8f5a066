/** What an emulated Metrc operation declares and receives. */
import type { EmulatorConfig } from '../emulator-config.ts';
import type { EmulatorState } from '../state/emulator-state.ts';
import type { SectionGate } from '../state/facility-types.ts';
import type { Permission } from '../state/metrc-permissions.ts';
import type { MetrcState } from '../state/metrc-states.ts';
import type { LicenseRecord, UserRecord, VendorKeyRecord } from '../state/records.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface OperationContext {
  state: EmulatorState;
  config: EmulatorConfig;
  metrcState: MetrcState;
  version: 1 | 2;
  params: Record<string, string>;
  query: URLSearchParams;
  user: UserRecord;
  vendorKey: VendorKeyRecord;
  /** Set when the operation takes `licenseNumber` and the caller sent one that passed checks. */
  license: LicenseRecord | undefined;
  /**
   * For a `scoped` operation called without `licenseNumber`: checks the caller may read at the
   * found record's license (401 if not) and sets `license` to it.
   */
  scopeTo?: (license: LicenseRecord | undefined) => void;
  body: unknown;
  /** Milliseconds, emulator clock. */
  now: number;
  /** The request URL as Metrc would see it, for 404 messages. */
  url: string;
}

/** Success: a JSON body, or no body at all (an empty 200). */
export interface OperationResult {
  body?: unknown;
}

export type OperationHandler = (ctx: OperationContext) => OperationResult;

export interface OperationSpec {
  method: HttpMethod;
  /** Metrc's path template, e.g. `/packages/v2/{id}`; `{id}` matches digits only. */
  path: string;
  /**
   * Whether `?licenseNumber=` is required, optional or ignored; `scoped` (by-id and by-label
   * reads) takes it optionally and otherwise scopes the read to the record's own license.
   */
  license: 'required' | 'optional' | 'scoped' | 'none';
  /**
   * Permissions the user needs at that license: every group must be met by one of its names
   * ("View Packages • Manage Packages Inventory" on a write means both).
   */
  permissions?: readonly (readonly Permission[])[];
  /** The license-type rule of the section (FacilityType flags); failing it answers 401. */
  gate?: SectionGate;
  handler: OperationHandler;
}

/** Declares an operation; `permissions` groups are all-of, names inside a group any-of. */
export function operation(
  method: HttpMethod,
  path: string,
  options: Omit<OperationSpec, 'method' | 'path' | 'handler'>,
  handler: OperationHandler,
): OperationSpec {
  return { method, path, ...options, handler };
}
