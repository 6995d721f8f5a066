/**
 * Which implemented operations each state lacks (→ 404), derived from OM's
 * `openmetrc-state-endpoints.json` (mid-2024) and committed here, because the emulator must run
 * without that file. `state-availability.test.ts` re-derives it and fails on drift.
 *
 * Rules of the derivation (`deriveAbsentOperations`):
 * - A state is covered when the JSON lists its Facilities section. AK's scrape is empty and AL's
 *   and KY's hold only Tags, Transporters and Units — incomplete scrapes, not real gaps — so
 *   they, and the states the JSON lacks (IL, NY, VA, VI), get the default: every operation.
 * - An operation the JSON never names (e.g. `/employees/v2/permissions`, newer than the scrape)
 *   follows its alias in OPERATION_ALIASES, or else is available everywhere.
 */
import type { MetrcState } from '../state/metrc-states.ts';

export const OPERATION_ALIASES: Readonly<Record<string, string>> = {
  get_employees_v2_permissions: 'get_employees_v2',
};

/** Covered state → implemented operations it does not have. Generated; do not edit by hand. */
export const ABSENT_OPERATIONS: Readonly<Partial<Record<MetrcState, readonly string[]>>> = {
  ca: ['get_patients_v2_active', 'get_processing_v2_active'],
  co: ['get_processing_v2_active'],
  dc: ['get_patients_v2_active', 'get_processing_v2_active'],
  la: [
    'get_processing_v2_active',
    'get_sales_v2_deliveries_active',
    'get_sales_v2_deliveries_inactive',
  ],
  ma: ['get_processing_v2_active'],
  md: ['get_patients_v2_active', 'get_processing_v2_active'],
  me: ['get_patients_v2_active', 'get_processing_v2_active'],
  mi: ['get_patients_v2_active', 'get_processing_v2_active'],
  mn: [
    'delete_transfers_v2_templates_outgoing_id',
    'get_employees_v1',
    'get_employees_v2',
    'get_employees_v2_permissions',
    'get_patients_v2_active',
    'get_processing_v2_active',
    'get_sales_v2_deliveries_active',
    'get_sales_v2_deliveries_inactive',
    'post_transfers_v2_templates_outgoing',
    'put_transfers_v2_templates_outgoing',
  ],
  mo: ['get_processing_v2_active'],
  ms: ['get_processing_v2_active'],
  oh: [
    'get_patients_v2_active',
    'get_processing_v2_active',
    'get_sales_v2_deliveries_active',
    'get_sales_v2_deliveries_inactive',
  ],
  ok: [
    'get_processing_v2_active',
    'get_sales_v2_deliveries_active',
    'get_sales_v2_deliveries_inactive',
  ],
  or: ['get_patients_v2_active'],
  sd: ['get_processing_v2_active'],
  wv: [
    'get_processing_v2_active',
    'get_sales_v2_deliveries_active',
    'get_sales_v2_deliveries_inactive',
  ],
};

/** States the JSON covers; the others get every operation. */
export const COVERED_STATES: readonly MetrcState[] = [
  'ca',
  'co',
  'dc',
  'gu',
  'la',
  'ma',
  'md',
  'me',
  'mi',
  'mn',
  'mo',
  'ms',
  'mt',
  'nj',
  'nv',
  'oh',
  'ok',
  'or',
  'ri',
  'sd',
  'wv',
];

const absentSets = new Map(
  Object.entries(ABSENT_OPERATIONS).map(([state, keys]) => [state, new Set(keys)]),
);

/** False when `state` does not have the operation: Metrc answers 404 there. */
export function isOperationAvailable(state: MetrcState, operationKey: string): boolean {
  return !absentSets.get(state)?.has(operationKey);
}

export interface StateEndpoints {
  State: string;
  Sections: { Name: string; Endpoints: string[] }[];
}

/** Re-derives the table from the JSON (for the drift test and for regenerating this file). */
export function deriveAbsentOperations(
  json: readonly StateEndpoints[],
  implemented: readonly string[],
  states: readonly string[],
): { covered: string[]; absent: Record<string, string[]> } {
  const universe = new Set(json.flatMap((s) => s.Sections.flatMap((section) => section.Endpoints)));
  const covered = json
    .filter(
      (s) =>
        states.includes(s.State) && s.Sections.some((section) => section.Name === 'Facilities'),
    )
    .map((s) => s.State)
    .sort();
  const absent: Record<string, string[]> = {};
  for (const state of covered) {
    const entry = json.find((s) => s.State === state);
    const has = new Set(entry?.Sections.flatMap((section) => section.Endpoints) ?? []);
    const missing = implemented
      .filter((key) => {
        const name = OPERATION_ALIASES[key] ?? key;
        return universe.has(name) && !has.has(name);
      })
      .sort();
    if (missing.length > 0) absent[state] = missing;
  }
  return { covered, absent };
}
