import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hasRole, navFor } from '../../web/src/features/session/access.ts';

const labels = (role: 'staff' | 'manager' | 'admin') => navFor({ role }).map((item) => item.label);

it('shows staff keys, alerts, inventory, sync, the key check and their profile (rule 7)', () => {
  assert.deepEqual(labels('staff'), [
    'Home',
    'Traceability Credentials',
    'Metrc Submissions',
    'Alerts',
    'Inventory',
    'Sync',
    'Check a key',
    'Your profile',
  ]);
});

it('shows notification preferences from manager up, as GET /api/alerts/preferences allows', () => {
  assert.ok(!labels('staff').includes('Notifications'));
  for (const role of ['manager', 'admin'] as const) {
    assert.ok(labels(role).includes('Notifications'), role);
  }
});

it('shows managers and admins licenses and people too', () => {
  for (const role of ['manager', 'admin'] as const) {
    assert.ok(labels(role).includes('Facility Management'), role);
    assert.ok(labels(role).includes('Users'), role);
  }
});

it('ranks roles, and treats no session as no role', () => {
  assert.equal(hasRole({ role: 'admin' }, 'manager'), true);
  assert.equal(hasRole({ role: 'manager' }, 'admin'), false);
  assert.equal(hasRole(null, 'staff'), false);
});
