import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogCollector } from '../../test/helpers/test-app.ts';
import { createLogger } from '../lib/index.ts';
import { createScheduler } from './scheduler.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('scheduler', () => {
  it('repeats a task, never overlapping itself, and keeps going after a failure', async () => {
    const logs = createLogCollector();
    const scheduler = createScheduler(createLogger({ destination: logs.stream }));
    let running = 0;
    let maxConcurrent = 0;
    let runs = 0;
    scheduler.every('slow', 10, async () => {
      running++;
      maxConcurrent = Math.max(maxConcurrent, running);
      runs++;
      await sleep(35);
      running--;
      if (runs === 1) throw new Error('first run fails');
    });
    scheduler.start();
    await sleep(200);
    await scheduler.stop();
    assert.ok(runs >= 3, `ran ${runs} times`);
    assert.equal(maxConcurrent, 1);
    assert.equal(running, 0, 'stop waited for the run in progress');
    await sleep(20);
    assert.ok(
      logs.lines.some((l) => l.includes('scheduled task failed') && l.includes('"task":"slow"')),
    );
    const after = runs;
    await sleep(50);
    assert.equal(runs, after, 'nothing runs after stop');
  });
});
