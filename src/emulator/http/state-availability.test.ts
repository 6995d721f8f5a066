/**
 * The committed per-state availability table must match `openmetrc-state-endpoints.json`
 * (read from ../shared/metrc/ next to the checkout, never at run time).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SHARED_METRC_SKIP, sharedMetrcFile } from '../../../test/helpers/shared-metrc.ts';
import { METRC_OPERATIONS } from '../operations/index.ts';
import { METRC_STATES } from '../state/metrc-states.ts';
import { compileRoutes } from './route-table.ts';
import {
  ABSENT_OPERATIONS,
  COVERED_STATES,
  deriveAbsentOperations,
  isOperationAvailable,
  type StateEndpoints,
} from './state-availability.ts';

const JSON_URL = sharedMetrcFile('openmetrc-state-endpoints.json');

test('the availability table is what openmetrc-state-endpoints.json says (no drift)', {
  skip: SHARED_METRC_SKIP,
}, () => {
  const json = JSON.parse(readFileSync(JSON_URL, 'utf8')) as StateEndpoints[];
  const implemented = compileRoutes(METRC_OPERATIONS).operations.map((op) => op.key);
  const derived = deriveAbsentOperations(json, implemented, METRC_STATES);
  const message = `state-availability.ts is stale; regenerate it from:\n${JSON.stringify(derived, null, 1)}`;
  assert.deepEqual([...COVERED_STATES], derived.covered, message);
  assert.deepEqual(
    Object.fromEntries(
      Object.entries(ABSENT_OPERATIONS).map(([state, keys]) => [state, [...(keys ?? [])]]),
    ),
    derived.absent,
    message,
  );
});

test('states the JSON does not cover get every operation', { skip: SHARED_METRC_SKIP }, () => {
  for (const state of ['il', 'ny', 'va', 'vi', 'ak', 'al', 'ky'] as const) {
    assert.ok(!COVERED_STATES.includes(state));
    assert.ok(isOperationAvailable(state, 'get_patients_v2_active'));
  }
  assert.equal(isOperationAvailable('ca', 'get_patients_v2_active'), false);
  assert.equal(
    isOperationAvailable('mn', 'get_employees_v2_permissions'),
    false,
    'follows its alias',
  );
});
