import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import { describeEachDialect } from '../../test/helpers/test-db.ts';
import { createManualClock, type ManualClock } from '../lib/index.ts';
import { createJobLeases } from './job-leases-repo.ts';

describeEachDialect('job leases', (ctx) => {
  let clock: ManualClock;
  const leasesFor = (owner: string) =>
    createJobLeases({ db: ctx.database.db, dialect: ctx.dialect, clock, owner });

  beforeEach(async () => {
    clock = createManualClock();
    await ctx.database.db.deleteFrom('job_leases').execute();
  });

  it('gives a free lease to one owner; others get null while it is held', async () => {
    const [a, b] = [leasesFor('a'), leasesFor('b')];
    const lease = await a.tryAcquire('job:x', 60_000);
    assert.equal(lease?.owner, 'a');
    assert.equal(lease?.token, 1);
    assert.equal(await b.tryAcquire('job:x', 60_000), null);
    assert.equal(await a.stillHeld(lease ?? assert.fail()), true);
    // Other names are independent.
    assert.equal((await b.tryAcquire('job:y', 60_000))?.token, 1);
  });

  it('the holder acquiring again extends its tenure and keeps the token', async () => {
    const a = leasesFor('a');
    const first = await a.tryAcquire('job:x', 1_000);
    clock.advance(500);
    const again = await a.tryAcquire('job:x', 60_000);
    assert.equal(again?.token, first?.token);
    assert.equal(again?.acquiredAt, first?.acquiredAt);
    assert.ok((again?.expiresAt ?? '') > (first?.expiresAt ?? ''));
  });

  it('an expired lease changes hands with a bigger fencing token; the old holder is fenced off', async () => {
    const [a, b] = [leasesFor('a'), leasesFor('b')];
    // A zero TTL is expired at once, by whichever clock the dialect uses.
    const old = (await a.tryAcquire('job:x', 0)) ?? assert.fail('a should get it');
    const taken = (await b.tryAcquire('job:x', 60_000)) ?? assert.fail('b should take over');
    assert.equal(taken.token, old.token + 1);
    assert.equal(await a.stillHeld(old), false);
    assert.equal(await a.renew(old, 60_000), null, 'renewal of a lost lease fails');
    await a.release(old);
    assert.equal(await b.stillHeld(taken), true, "the old holder's release changes nothing");
  });

  it('on SQLite the injected clock times expiry', { skip: ctx.dialect !== 'sqlite' }, async () => {
    const [a, b] = [leasesFor('a'), leasesFor('b')];
    await a.tryAcquire('job:x', 1_000);
    clock.advance(999);
    assert.equal(await b.tryAcquire('job:x', 1_000), null);
    clock.advance(1);
    assert.equal((await b.tryAcquire('job:x', 1_000))?.token, 2);
  });

  it('renew extends a held lease; release frees it for the next owner', async () => {
    const [a, b] = [leasesFor('a'), leasesFor('b')];
    const lease = (await a.tryAcquire('job:x', 1_000)) ?? assert.fail();
    const renewed = (await a.renew(lease, 60_000)) ?? assert.fail('renew failed');
    assert.equal(renewed.token, lease.token);
    assert.ok(renewed.expiresAt > lease.expiresAt);
    await a.release(renewed);
    assert.equal(await a.stillHeld(renewed), false);
    assert.equal((await b.tryAcquire('job:x', 1_000))?.token, lease.token + 1);
  });

  it('concurrent acquirers: exactly one wins', async () => {
    const owners = Array.from({ length: 8 }, (_, i) => leasesFor(`o${i}`));
    const results = await Promise.all(owners.map((o) => o.tryAcquire('job:race', 60_000)));
    const winners = results.filter((r) => r !== null);
    assert.equal(winners.length, 1);
    assert.deepEqual(await owners[0]?.inspect('job:race'), winners[0]);
  });
});
