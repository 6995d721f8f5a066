/** The scenarios: the demo's promises and the scale scenario's size, deterministic from a seed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createManualClock } from '../../lib/index.ts';
import { summarizeScenario } from '../control/scenario-summary.ts';
import { LICENSE_KINDS } from '../state/facility-types.ts';
import { ALL_PERMISSIONS, PERMISSION_GROUPS } from '../state/metrc-permissions.ts';
import { buildScenario } from './index.ts';

const clock = createManualClock(new Date('2026-03-01T18:00:00Z'));

test('demo: CA and CO, every license type, an owner with every permission, staff without Sales or Packages', () => {
  const summary = summarizeScenario(buildScenario('demo', { clock, seed: 1 }), null);
  assert.deepEqual([...new Set(summary.vendorKeys.map((k) => k.state))].sort(), ['ca', 'co']);
  assert.deepEqual(
    [...new Set(summary.licenses.map((l) => l.kind))].sort(),
    [...LICENSE_KINDS].sort(),
  );
  const caKinds = summary.licenses.filter((l) => l.state === 'ca').map((l) => l.kind);
  assert.deepEqual([...caKinds].sort(), [...LICENSE_KINDS].sort(), 'CA alone has every type');
  for (const license of summary.licenses) {
    const owner = license.employees.find((e) => e.isOwner);
    assert.ok(owner, `${license.number} has an owner`);
    assert.equal(owner.permissions.length, ALL_PERMISSIONS.length);
  }
  const store = summary.licenses.find((l) => l.number === 'C10-0000106-LIC');
  const sales = new Set<string>(PERMISSION_GROUPS.sales);
  const packages = new Set<string>(PERMISSION_GROUPS.packages);
  const manager = store?.employees.find((e) => e.userId === 'ca-manager');
  const budtender = store?.employees.find((e) => e.userId === 'ca-budtender');
  assert.ok(manager && budtender);
  assert.ok(
    !manager.permissions.some((p) => sales.has(p)) &&
      manager.permissions.some((p) => packages.has(p)),
  );
  assert.ok(
    !budtender.permissions.some((p) => packages.has(p)) &&
      budtender.permissions.some((p) => sales.has(p)),
  );
});

test('demo: the same seed builds the same state', () => {
  const a = summarizeScenario(buildScenario('demo', { clock, seed: 7 }), null);
  const b = summarizeScenario(buildScenario('demo', { clock, seed: 7 }), null);
  assert.deepEqual(a, b);
  const stateA = buildScenario('demo', { clock, seed: 7 });
  const stateB = buildScenario('demo', { clock, seed: 7 });
  assert.deepEqual([...stateA.index.packages.values()], [...stateB.index.packages.values()]);
});

test('scale: licenses × packages as asked', () => {
  const state = buildScenario('scale', { clock, seed: 1, params: { licenses: 3, packages: 250 } });
  assert.equal(state.licenses.size, 3);
  for (const license of state.licenses.values()) assert.equal(license.packages.size, 250);
  assert.throws(() => buildScenario('scale', { clock, seed: 1, params: { licenses: 0 } }));
});
