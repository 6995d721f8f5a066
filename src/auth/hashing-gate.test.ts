import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createHashingGate } from './hashing-gate.ts';

it('never runs more than its cap at once, and runs every job', async () => {
  const gate = createHashingGate(3);
  let running = 0;
  let most = 0;
  const releases: Array<() => void> = [];
  const jobs = Array.from({ length: 20 }, (_, i) =>
    gate.run(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
      return i;
    }),
  );
  // Release jobs one at a time as they start; only three can be waiting for release at once.
  for (let done = 0; done < 20; done++) {
    while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
    assert.ok(releases.length <= 3);
    releases.shift()?.();
  }
  assert.deepEqual(
    await Promise.all(jobs),
    Array.from({ length: 20 }, (_, i) => i),
  );
  assert.equal(most, 3);
  assert.deepEqual(gate.stats(), { inFlight: 0, peak: 3, waiting: 0 });
});

it('frees its slot when a job fails', async () => {
  const gate = createHashingGate(1);
  await assert.rejects(gate.run(async () => Promise.reject(new Error('boom'))));
  assert.equal(await gate.run(async () => 'next'), 'next');
});
