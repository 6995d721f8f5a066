import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  createTestApp,
  createTestLicense,
  createTestOrganization,
  type TestApp,
} from '../../test/helpers/test-app.ts';
import { describeEachDialect } from '../../test/helpers/test-db.ts';
import { createSilentLogger, systemClock } from '../lib/index.ts';
import { createDispatcher } from './dispatcher.ts';
import type { LicenseDrainer } from './license-drain.ts';
import { createLicenseLeasesRepo } from './license-leases-repo.ts';
import { createLocalNotifier } from './outbox-notifier.ts';
import { DEFAULT_OUTBOX_SETTINGS } from './outbox-settings.ts';
import { createSubmissionsRepo } from './submissions-repo.ts';

describeEachDialect('dispatcher: wake', (ctx) => {
  let t: TestApp;
  let organizationId = 0;
  let licenseId = 0;

  before(async () => {
    t = await createTestApp(ctx.database);
    const org = await createTestOrganization(t.services, 'Wake Co');
    organizationId = org.id;
    const license = await createTestLicense(t.services, org, 'C10-0000778-LIC');
    licenseId = license.id;
  });
  after(() => t.close());

  it('looks for due work at once when woken, not at the next poll; not before start or after stop', {
    timeout: 30_000,
  }, async () => {
    const repo = createLicenseLeasesRepo({
      db: ctx.database.db,
      dialect: ctx.database.dialect,
      clock: systemClock,
    });
    // Counted as they start (a claim starts synchronously within a wake-up) and as they answer.
    let claimsStarted = 0;
    let claimsAnswered = 0;
    const leases: typeof repo = {
      ...repo,
      claim: async (...args) => {
        claimsStarted++;
        const lease = await repo.claim(...args);
        claimsAnswered++;
        return lease;
      },
    };
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 500 && !done(); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const line = createSubmissionsRepo(ctx.database.db);
    const drained: number[] = [];
    // A drain that finds the line empty: it rests the license until new work arrives.
    const drainer: Pick<LicenseDrainer, 'drain'> = {
      drain: async (lease) => {
        drained.push(lease.licenseId);
        const { seq } = await line.lineWithSeq(lease.licenseId, 0, 1);
        await repo.rest(lease, seq, null);
        return 'idle';
      },
    };
    const dispatcher = createDispatcher({
      leases,
      drainer,
      notifier: createLocalNotifier(),
      // A poll that never comes during the test: only wake() can find the work.
      settings: { ...DEFAULT_OUTBOX_SETTINGS, pollMs: 3_600_000 },
      clock: systemClock,
      logger: createSilentLogger(),
    });
    dispatcher.wake();
    assert.equal(claimsStarted, 0, 'a dispatcher not started claims nothing');

    dispatcher.start();
    await until(() => claimsAnswered > 0); // start() looked once and found nothing
    // Work that arrived without a notification (another process's raw insert, a bench's queue).
    await leases.wake({ licenseId, organizationId }, new Date(Date.now() - 1_000));
    assert.equal(claimsStarted, 1, 'nothing looks again before the poll or a wake-up');
    assert.deepEqual(drained, []);

    dispatcher.wake();
    await until(() => drained.length > 0);
    assert.deepEqual(drained, [licenseId]);

    await dispatcher.stop();
    await leases.wake({ licenseId, organizationId }, new Date(Date.now() - 1_000));
    const claimsBefore = claimsStarted;
    dispatcher.wake();
    assert.equal(claimsStarted, claimsBefore);
    assert.deepEqual(drained, [licenseId], 'a stopped dispatcher claims nothing');
  });
});
