import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { createManualClock } from './clock.ts';

describe('manual clock', () => {
  it('fires timers only when advanced, in due order, each at its own time', async () => {
    const clock = createManualClock();
    const fired: [string, number][] = [];
    clock.setTimer(() => fired.push(['b', clock.monotonicMs()]), 20);
    clock.setTimer(() => fired.push(['a', clock.monotonicMs()]), 10);
    const cancelled = clock.setTimer(() => fired.push(['never', clock.monotonicMs()]), 15);
    cancelled.cancel();
    assert.deepEqual([...fired], []);
    clock.advance(15);
    assert.deepEqual([...fired], [['a', 10]]);
    // A timer set by a timer fires in the same advance when due.
    clock.setTimer(() => clock.setTimer(() => fired.push(['c', clock.monotonicMs()]), 1), 1);
    await clock.advanceAsync(10);
    assert.deepEqual(
      [...fired],
      [
        ['a', 10],
        ['c', 17],
        ['b', 20],
      ],
    );
    assert.equal(clock.monotonicMs(), 25);
    assert.equal(clock.pendingTimers(), 0);
  });
});

describe('system clock', () => {
  it('keeps the process alive for a pending timer unless it is unref’d', () => {
    // An unref'd timer far in the future must not hold the process; a ref'd one fires (10 ms).
    const run = (unref: boolean) =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `import { systemClock } from ${JSON.stringify(new URL('./clock.ts', import.meta.url).href)};
           systemClock.setTimer(() => process.stdout.write('fired'), ${unref ? 600_000 : 10}, { unref: ${unref} });`,
        ],
        { encoding: 'utf8' },
      ).stdout;
    assert.equal(run(false), 'fired');
    assert.equal(run(true), '');
  });
});
