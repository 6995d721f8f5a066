import assert from 'node:assert/strict';
import { it } from 'node:test';
import { expectPackageQuantities, type LedgerEntry } from './package-ledger.ts';

let nextId = 1;
const entry = (kind: string, payload: object, labels: string[], over: Partial<LedgerEntry> = {}) =>
  ({
    id: nextId++,
    licenseId: 7,
    kind,
    payload: JSON.stringify(payload),
    status: 'sent',
    inDoubt: false,
    lastSentAt: `2026-11-27T09:00:0${nextId % 10}.000Z`,
    labels,
    ...over,
  }) satisfies LedgerEntry;

const A = '1A4000000000000000000001';
const B = '1A4000000000000000000002';
const created = (label: string, quantity: number, over: Partial<LedgerEntry> = {}) =>
  entry(
    'packages.create',
    { tag: label, quantity, unitOfMeasure: 'Grams', ingredients: [] },
    [label],
    over,
  );
const adjust = (label: string, quantity: number, over: Partial<LedgerEntry> = {}) =>
  entry('packages.adjust', { label, quantity, unitOfMeasure: 'Grams' }, [label], over);

it('created, adjusted, split from and moved: the sum of what was sent', () => {
  const out = expectPackageQuantities([
    created(A, 100),
    adjust(A, -5.5),
    entry('packages.location', { label: A }, [A]),
    entry('packages.split', { sourceLabel: A, tag: B, quantity: 20, unitOfMeasure: 'Grams' }, [
      A,
      B,
    ]),
    adjust(B, 1),
  ]);
  assert.deepEqual(
    out.map((p) => [p.label, p.quantity, p.unitOfMeasure]),
    [
      [A, 74.5, 'Grams'],
      [B, 21, 'Grams'],
    ],
  );
});

it('never guesses: packages not created here, unsettled, unmodelled or in another unit are left out', () => {
  const only = (entries: LedgerEntry[]) => expectPackageQuantities(entries).map((p) => p.label);
  assert.deepEqual(only([adjust(A, -1)]), [], 'no known start');
  for (const status of ['queued', 'held', 'sending', 'failed'])
    assert.deepEqual(only([created(A, 10), adjust(A, -1, { status })]), [], status);
  assert.deepEqual(only([created(A, 10), adjust(A, -1, { inDoubt: true })]), [], 'in doubt');
  assert.deepEqual(
    only([created(A, 10), adjust(A, -1, { status: 'dismissed', inDoubt: true })]),
    [],
    'dismissed while in doubt may have landed',
  );
  assert.deepEqual(
    only([created(A, 10), entry('sales.receipt.create', { lines: [] }, [A])]),
    [],
    'a sale is not modelled',
  );
  assert.deepEqual(
    only([
      created(A, 10),
      entry('packages.adjust', { label: A, quantity: -1, unitOfMeasure: 'Ounces' }, [A]),
    ]),
    [],
    'another unit',
  );
  const rejected = expectPackageQuantities([
    created(A, 10),
    adjust(A, -3, { status: 'dismissed', lastSentAt: null }),
  ]);
  assert.equal(rejected[0]?.quantity, 10, 'a rejected, dismissed report changed nothing');
});

it('an ingredient gives up what the new package took; lastSentAt is the latest report', () => {
  const out = expectPackageQuantities([
    created(A, 50, { lastSentAt: '2026-11-27T08:00:00.000Z' }),
    entry(
      'packages.create',
      {
        tag: B,
        quantity: 12,
        unitOfMeasure: 'Grams',
        ingredients: [{ packageLabel: A, quantity: 12, unitOfMeasure: 'Grams' }],
      },
      [A, B],
      { lastSentAt: '2026-11-27T08:30:00.000Z' },
    ),
  ]);
  const a = out.find((p) => p.label === A);
  assert.equal(a?.quantity, 38);
  assert.equal(a?.lastSentAt, '2026-11-27T08:30:00.000Z');
});
