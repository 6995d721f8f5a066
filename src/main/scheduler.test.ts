import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createLogCollector } from '../../test/helpers/test-app.ts';
import { describeEachDialect } from '../../test/helpers/test-db.ts';
import { createJobLeases, type Lease } from '../leases/index.ts';
import { createLogger, createManualClock, createSilentLogger } from '../lib/index.ts';
import { createScheduler } from './scheduler.ts';

describe('scheduler', () => {
  it('repeats a task, never overlapping itself, and keeps going after a failure', async () => {
    const logs = createLogCollector();
    const clock = createManualClock();
    const scheduler = createScheduler({
      logger: createLogger({ destination: logs.stream }),
      clock,
    });
    let running = 0;
    let maxConcurrent = 0;
    let runs = 0;
    let finish = () => {};
    scheduler.every('slow', 10, async () => {
      running++;
      maxConcurrent = Math.max(maxConcurrent, running);
      runs++;
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      running--;
      if (runs === 1) throw new Error('first run fails');
    });
    scheduler.start();
    assert.equal(runs, 0, 'nothing runs before the first interval');
    await clock.advanceAsync(10);
    assert.equal(runs, 1);
    await clock.advanceAsync(30); // three ticks while the first run is still going
    assert.equal(runs, 1, 'a busy task skips its ticks');
    finish();
    await scheduler.settled();
    assert.ok(
      logs.lines.some((l) => l.includes('scheduled task failed') && l.includes('"task":"slow"')),
    );
    for (const expected of [2, 3]) {
      await clock.advanceAsync(10);
      assert.equal(runs, expected, 'runs again after a failure');
      finish();
      await scheduler.settled();
    }
    await clock.advanceAsync(10);
    assert.equal(runs, 4);
    const stopping = scheduler.stop();
    finish();
    await stopping;
    assert.equal(running, 0, 'stop waited for the run in progress');
    assert.equal(maxConcurrent, 1);
    await clock.advanceAsync(100);
    assert.equal(runs, 4, 'nothing runs after stop');
    assert.equal(clock.pendingTimers(), 0);
  });

  it('tells a run in progress to stop when it stops, and waits for it to end', async () => {
    const clock = createManualClock();
    const scheduler = createScheduler({ logger: createSilentLogger(), clock });
    let started = false;
    let ended: 'aborted' | 'finished' | null = null;
    scheduler.every('long-pull', 10, async ({ signal }) => {
      started = true;
      // A run that only ends when told to (as a first pull of many licenses would, much later).
      ended = await new Promise<'aborted'>((resolve) =>
        signal.addEventListener('abort', () => resolve('aborted'), { once: true }),
      );
    });
    scheduler.start();
    await clock.advanceAsync(10);
    assert.equal(started, true);
    assert.equal(ended, null, 'the run goes on until something stops it');
    await scheduler.stop();
    assert.equal(ended, 'aborted', 'stop aborted the run and waited for it');
    await clock.advanceAsync(100);
    assert.equal(clock.pendingTimers(), 0);
  });
});

describeEachDialect('scheduler with leases', (ctx) => {
  beforeEach(async () => {
    await ctx.database.db.deleteFrom('job_leases').execute();
  });

  function twoProcesses() {
    const clock = createManualClock();
    const runs: { process: string; lease: Lease | null }[] = [];
    const processes = ['p1', 'p2'].map((owner) => {
      const scheduler = createScheduler({
        logger: createSilentLogger(),
        clock,
        leases: createJobLeases({ db: ctx.database.db, dialect: ctx.dialect, clock, owner }),
      });
      scheduler.every('housekeeping', 60_000, async ({ lease }) => {
        runs.push({ process: owner, lease });
      });
      scheduler.start();
      return scheduler;
    });
    const tick = async () => {
      await clock.advanceAsync(60_000);
      await Promise.all(processes.map((p) => p.settled()));
    };
    return { clock, runs, processes, tick };
  }

  it('runs a task in one process per deployment, the same one while it lives', async () => {
    const { runs, processes, tick } = twoProcesses();
    for (let i = 0; i < 4; i++) await tick();
    assert.equal(runs.length, 4, 'one run per interval, not one per process');
    assert.equal(new Set(runs.map((r) => r.process)).size, 1);
    assert.deepEqual(new Set(runs.map((r) => r.lease?.token)), new Set([1]));
    await Promise.all(processes.map((p) => p.stop()));
  });

  it('hands the task over when its process stops, with a bigger fencing token', async () => {
    const { runs, processes, tick } = twoProcesses();
    await tick();
    const first = runs[0] ?? assert.fail('nobody ran');
    const [holder, other] = first.process === 'p1' ? processes : [...processes].reverse();
    await holder?.stop(); // gives the lease up
    await tick();
    assert.equal(runs.length, 2);
    assert.notEqual(runs[1]?.process, first.process);
    assert.equal(runs[1]?.lease?.token, (first.lease?.token ?? 0) + 1);
    await other?.stop();
  });

  // On PostgreSQL lease expiry follows the database clock, which a test cannot move.
  const sqliteOnly = { skip: ctx.dialect !== 'sqlite' };
  it(
    'takes over from a process that died holding the lease, after two intervals',
    sqliteOnly,
    async () => {
      const clock = createManualClock();
      const deadClock = createManualClock(); // the dead process's timers never fire again
      const leasesFor = (owner: string, c: typeof clock) =>
        createJobLeases({ db: ctx.database.db, dialect: ctx.dialect, clock: c, owner });
      const runs: string[] = [];
      const dead = createScheduler({
        logger: createSilentLogger(),
        clock: deadClock,
        leases: leasesFor('dead', clock),
      });
      const alive = createScheduler({
        logger: createSilentLogger(),
        clock,
        leases: leasesFor('alive', clock),
      });
      for (const [name, s] of [
        ['dead', dead],
        ['alive', alive],
      ] as const) {
        s.every('housekeeping', 60_000, async () => {
          runs.push(name);
        });
      }
      dead.start();
      await deadClock.advanceAsync(60_000);
      await dead.settled();
      alive.start();
      await clock.advanceAsync(60_000);
      await alive.settled();
      assert.deepEqual(runs, ['dead'], 'the lease is still held after one interval');
      await clock.advanceAsync(60_000);
      await alive.settled();
      assert.deepEqual(runs, ['dead', 'alive']);
      await alive.stop();
    },
  );
});
