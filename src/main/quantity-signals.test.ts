import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { PulledPackageQuantity } from '../sync/index.ts';
import { isSettled } from './quantity-signals.ts';

const mirrored = (pulledThrough: string | null, unit = 'Grams'): PulledPackageQuantity => ({
  licenseId: 1,
  licenseNumber: 'C10-0000106-LIC',
  packageId: 1,
  label: '1A4000000000000000000001',
  quantity: 10,
  unit,
  status: 'active',
  lastModified: '2026-11-27T09:00:00.000Z',
  syncedAt: '2026-11-27T09:00:00.000Z',
  pulledThrough,
});

it('a package is compared only once a pull started after its last report', () => {
  const sent = { lastSentAt: '2026-11-27T09:00:00.400Z', unitOfMeasure: 'Grams' };
  assert.equal(isSettled(sent, undefined), false, 'not mirrored');
  assert.equal(isSettled(sent, mirrored(null)), false, 'no watermark yet');
  // A run that started at 09:00:00.2 (before the send) has a watermark of 09:00:01.
  assert.equal(isSettled(sent, mirrored('2026-11-27T09:00:01.000Z')), false);
  assert.equal(isSettled(sent, mirrored('2026-11-27T09:00:02.000Z')), true);
  assert.equal(isSettled(sent, mirrored('2026-11-27T09:00:02.000Z', 'Ounces')), false);
});
