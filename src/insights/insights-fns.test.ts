import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseCohort, combine, contributionsOf } from './insights-fns.ts';

describe('chooseCohort (k = 5)', () => {
  const k = 5;
  it('withholds a group of fewer than k and publishes once k contribute', () => {
    assert.deepEqual(chooseCohort([1, 2, 3, 4], null, k), { publish: null, remember: null });
    assert.deepEqual(chooseCohort([5, 1, 2, 3, 4], null, k), {
      publish: [1, 2, 3, 4, 5],
      remember: [1, 2, 3, 4, 5],
    });
  });

  it('keeps the published cohort while fewer than k newcomers wait', () => {
    const published = [1, 2, 3, 4, 5];
    assert.deepEqual(chooseCohort([1, 2, 3, 4, 5, 6, 7, 8, 9], published, k).publish, published);
    assert.deepEqual(
      chooseCohort([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], published, k).publish,
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
  });

  it('withholds after a departure until the cohort can move by k', () => {
    const published = [1, 2, 3, 4, 5, 6];
    assert.equal(chooseCohort([2, 3, 4, 5, 6], published, k).publish, null);
    assert.deepEqual(chooseCohort([2, 3, 4, 5, 6], published, k).remember, published);
    assert.deepEqual(
      chooseCohort([2, 3, 4, 5, 6, 7, 8, 9, 10], published, k).publish,
      [2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
  });

  it('never publishes two cohorts that differ by fewer than k organizations', () => {
    // Walk every opt-in/opt-out sequence of 8 organizations, 1 change at a time.
    let published: number[] | null = null;
    let last: number[] | null = null;
    const members = new Set<number>();
    const steps = [1, 2, 3, 4, 5, 6, -1, 7, -2, 8, 9, -3, 10, 11, 12, -4, -5, 13, 14, 15];
    for (const step of steps) {
      if (step > 0) members.add(step);
      else members.delete(-step);
      const next = chooseCohort([...members], published, k);
      published = next.remember;
      if (next.publish && last) {
        const moved =
          next.publish.filter((x) => !last?.includes(x)).length +
          last.filter((x) => !next.publish?.includes(x)).length;
        assert.ok(moved === 0 || moved >= k, `moved by ${moved}`);
      }
      if (next.publish) last = next.publish;
    }
  });
});

describe('figures', () => {
  it('weighs each organization the same and rounds', () => {
    assert.deepEqual(combine([{ a: 1 }, { a: 0 }, { a: 0 }]), { a: 0.33 });
  });
  it('reduces facts to one figure per group, with no labels or licenses', () => {
    const out = contributionsOf({
      inventory: [
        { category: 'Flower', ageDays: 3 },
        { category: 'Flower', ageDays: 9 },
        { category: 'Flower', ageDays: 4 },
      ],
      sales: [
        { state: 'CA', category: 'Flower', amount: 30 },
        { state: 'CA', category: 'Edible', amount: 10 },
      ],
      labResults: [
        { state: 'CA', passed: true },
        { state: 'CA', passed: false },
      ],
    });
    assert.deepEqual(out, [
      { metric: 'inventory_age', group: 'Flower', values: { medianAgeDays: 4 } },
      { metric: 'sales_mix', group: 'CA', values: { Flower: 0.75, Edible: 0.25 } },
      { metric: 'lab_pass_rate', group: 'CA', values: { passRate: 0.5 } },
    ]);
  });
});
