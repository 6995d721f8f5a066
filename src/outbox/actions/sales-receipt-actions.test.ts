import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createReceiptRow, updateReceiptRow } from '../../metrc/metrc-bodies.ts';
import { actionFor, actionKinds } from './action-catalogue.ts';
import { metrcLocalDate, metrcLocalDateTime } from './action-time-fns.ts';
import { createReceiptAction, updateReceiptAction } from './sales-receipt-actions.ts';

const context = {
  licenseNumber: 'LIC-1',
  timeZone: 'America/Los_Angeles',
  occurredAt: new Date('2026-03-08T10:30:15Z'),
  reference: 'tg-abc',
};
const line = {
  packageLabel: '1a4ff0100000022000000123',
  quantity: 1,
  unitOfMeasure: 'Each',
  totalAmount: 20,
};

describe('sales receipt actions', () => {
  it('are in the catalogue', () => {
    assert.deepEqual(actionKinds().slice(0, 3), [
      'sales.receipt.create',
      'sales.receipt.update',
      'sales.receipt.void',
    ]);
    assert.equal(actionFor('sales.receipt.create'), createReceiptAction);
  });

  it('build SalesDateTime as facility-local time without a zone (across DST)', () => {
    assert.equal(metrcLocalDateTime(context.occurredAt, context.timeZone), '2026-03-08T03:30:15');
    assert.equal(
      metrcLocalDateTime(new Date('2026-03-08T11:00:00Z'), context.timeZone),
      '2026-03-08T04:00:00',
    );
    assert.equal(metrcLocalDate(new Date('2026-11-28T05:00:00Z'), 'America/Denver'), '2026-11-27');
  });

  it('build a row Metrc accepts, with the reference as external number when the POS gave none', () => {
    const payload = createReceiptAction.payloadSchema.parse({ lines: [line] });
    const row = createReceiptAction.toRow(payload, context);
    assert.equal(createReceiptRow.safeParse(row).success, true);
    assert.equal(row.ExternalReceiptNumber, 'tg-abc');
    assert.equal(row.SalesCustomerType, 'Consumer');
    assert.equal(row.Transactions[0]?.PackageLabel, '1A4FF0100000022000000123');
    assert.deepEqual(createReceiptAction.touches(payload, context), [
      'receipt:tg-abc',
      'package:1A4FF0100000022000000123',
    ]);
  });

  it('name the field in every payload error', () => {
    const result = createReceiptAction.payloadSchema.safeParse({
      lines: [{ ...line, quantity: 0, unitOfMeasure: 'Bags' }],
      extra: 1,
    });
    assert.equal(result.success, false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')) ?? [];
    assert.ok(paths.includes('lines.0.quantity'));
    assert.ok(paths.includes('lines.0.unitOfMeasure'));
    const update = updateReceiptAction.payloadSchema.safeParse({ lines: [line] });
    assert.equal(update.error?.issues[0]?.path.join('.'), 'externalNumber');
  });

  it('build a correction with the resolved Metrc id', () => {
    const payload = updateReceiptAction.payloadSchema.parse({
      receiptId: 7,
      externalNumber: 'P-1',
      lines: [line],
    });
    const row = updateReceiptAction.toRow(payload, context);
    assert.equal(updateReceiptRow.safeParse(row).success, true);
    assert.equal(row.Id, 7);
    assert.equal(row.ExternalReceiptNumber, 'P-1');
  });
});
