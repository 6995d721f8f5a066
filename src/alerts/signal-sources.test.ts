import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MirrorSignals, OutboxSignals, QuantitySignals } from './alert-types.ts';
import {
  createPackageExpirySource,
  createPackageHoldSource,
  createQuantityDriftSource,
} from './mirror-sources.ts';
import { createSubmissionSource, SUBMISSION_IDS_LISTED } from './submission-source.ts';

const NOW = new Date('2026-11-27T08:00:00.000Z');

describe('submission source (outbox port)', () => {
  const signal = (id: number, licenseId: number, status: string) => ({
    id,
    licenseId,
    status,
    createdAt: new Date(NOW.getTime() - id * 60_000).toISOString(),
  });

  it('groups per license and kind, counts exactly, lists a bounded number of ids', async () => {
    const failed = Array.from({ length: 30 }, (_, i) => signal(i + 1, 7, 'failed'));
    const calls: unknown[] = [];
    const outbox: OutboxSignals = {
      listNeedingAttention: async (input) => {
        calls.push(input);
        return [...failed, signal(100, 8, 'held')];
      },
      listOverdue: async (input) => {
        calls.push(input);
        return [signal(1, 7, 'failed'), signal(200, 7, 'pending')];
      },
    };
    const source = createSubmissionSource({ outbox, overdueAfterMs: 3_600_000 });
    const conditions = await source.collect(42, NOW);
    assert.deepEqual(calls, [
      { organizationId: 42 },
      { organizationId: 42, olderThan: new Date(NOW.getTime() - 3_600_000) },
    ]);
    const byKind = Object.fromEntries(conditions.map((c) => [`${c.kind}:${c.subjectKey}`, c]));
    const f = byKind['submission_failed:license:7'];
    assert.equal(f?.details.count, 30);
    assert.equal((f?.details.submissionIds as number[] | undefined)?.length, SUBMISSION_IDS_LISTED);
    assert.equal(f?.severity, 'critical');
    assert.equal(byKind['submission_held:license:8']?.details.count, 1);
    // Submission 1 is failed and old: reported once, as failed, never also as overdue.
    assert.deepEqual(byKind['submission_overdue:license:7']?.details.submissionIds, [200]);
    assert.equal(conditions.length, 3);
  });
});

describe('mirror sources (sync port)', () => {
  const mirror: MirrorSignals = {
    packagesOnHold: async () => [
      { licenseId: 1, label: 'A', holdReason: 'Recalled by the state' },
      { licenseId: 1, label: 'B', holdReason: 'Administrative hold' },
    ],
    packagesExpiringBefore: async (_org, before) => {
      assert.equal(before.toISOString(), '2026-12-27T08:00:00.000Z');
      return [
        { licenseId: 1, label: 'C', expirationDate: '2026-11-20' },
        { licenseId: 1, label: 'D', expirationDate: '2026-12-01' },
      ];
    },
    failedLabResults: async () => [{ licenseId: 2, packageLabel: 'E', resultId: '5' }],
  };

  it('calls a recall critical and a hold a warning; a failed lab test is critical', async () => {
    const conditions = await createPackageHoldSource({ mirror }).collect(1, NOW);
    assert.deepEqual(
      conditions.map((c) => [c.kind, c.subjectKey, c.severity]),
      [
        ['package_on_hold', 'package:A', 'critical'],
        ['package_on_hold', 'package:B', 'warning'],
        ['lab_test_failed', 'lab:5', 'critical'],
      ],
    );
  });

  it('looks N days ahead and calls an already expired package critical', async () => {
    const conditions = await createPackageExpirySource({ mirror, withinDays: 30 }).collect(1, NOW);
    assert.deepEqual(
      conditions.map((c) => [c.subjectKey, c.severity]),
      [
        ['package:C', 'critical'],
        ['package:D', 'warning'],
      ],
    );
  });

  it('reports drift beyond the tolerance only, and never for a package the mirror lacks', async () => {
    const quantities: QuantitySignals = {
      expectedQuantities: async () => [
        { licenseId: 1, label: 'same', quantity: 10 },
        { licenseId: 1, label: 'noise', quantity: 3.3 },
        { licenseId: 1, label: 'drift', quantity: 5 },
        { licenseId: 1, label: 'unsynced', quantity: 1 },
      ],
      mirroredQuantities: async (_org, labels) => {
        assert.deepEqual(labels, ['same', 'noise', 'drift', 'unsynced']);
        return [
          { licenseId: 1, label: 'same', quantity: 10 },
          { licenseId: 1, label: 'noise', quantity: 1.1 + 2.2 },
          { licenseId: 1, label: 'drift', quantity: 4.25 },
        ];
      },
    };
    const conditions = await createQuantityDriftSource({ quantities }).collect(1, NOW);
    assert.deepEqual(
      conditions.map((c) => [c.subjectKey, c.details.difference]),
      [['package:drift', -0.75]],
    );
  });
});
