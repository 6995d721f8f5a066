import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachDialect } from '../../test/helpers/test-db.ts';
import { createManualClock, isAppError } from '../lib/index.ts';
import { createIdempotencyRepo } from './idempotency-repo.ts';
import {
  createIdempotencyService,
  DEFAULT_LOCK_TIMEOUT_MS,
  DEFAULT_RETENTION_MS,
  type IdempotencyService,
} from './idempotency-service.ts';

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'no error';
};

describeEachDialect('idempotency service', (ctx) => {
  const clock = createManualClock(new Date('2026-11-27T08:00:00.000Z'));
  let service: IdempotencyService;
  let organizationId: number;
  let seq = 0;
  const scope = () => ({ organizationId, principal: 'user:1', key: `k${++seq}` });
  const answer = {
    status: 201,
    contentType: 'application/json',
    body: '{"id":1}',
    withheld: false,
  };

  before(async () => {
    const org = await ctx.database.db
      .insertInto('organizations')
      .values({ name: 'O', slug: `o-${process.pid}`, created_at: clock.now().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    organizationId = org.id;
    service = createIdempotencyService({ repo: createIdempotencyRepo(ctx.database.db), clock });
  });

  it('replays for the whole retention window, then the purge forgets the key', async () => {
    const s = scope();
    const held = await service.claim(s, 'h1');
    assert.equal(held.kind, 'claimed');
    if (held.kind !== 'claimed') return;
    assert.equal(await service.complete(held, answer), true);
    clock.advance(DEFAULT_RETENTION_MS - 1);
    assert.deepEqual(await service.claim(s, 'h1'), {
      kind: 'replay',
      status: 201,
      contentType: 'application/json',
      body: '{"id":1}',
    });
    clock.advance(1);
    assert.ok((await service.purgeExpired()) >= 1);
    const rows = await ctx.database.db.selectFrom('idempotency_keys').selectAll().execute();
    assert.equal(rows.filter((r) => r.idempotency_key === s.key).length, 0);
    assert.equal((await service.claim(s, 'h2')).kind, 'claimed');
  });

  it('treats an expired key as new even before the purge ran', async () => {
    const s = scope();
    const held = await service.claim(s, 'h1');
    if (held.kind !== 'claimed') throw new Error('not claimed');
    await service.complete(held, answer);
    clock.advance(DEFAULT_RETENTION_MS);
    assert.equal((await service.claim(s, 'other body')).kind, 'claimed');
  });

  it('takes over a key whose holder died, and fences the old holder out', async () => {
    const s = scope();
    const stale = await service.claim(s, 'h');
    if (stale.kind !== 'claimed') throw new Error('not claimed');
    assert.equal(await codeOf(service.claim(s, 'h')), 'IDEMPOTENCY_KEY_IN_PROGRESS');
    clock.advance(DEFAULT_LOCK_TIMEOUT_MS);
    const fresh = await service.claim(s, 'h');
    assert.equal(fresh.kind, 'claimed');
    if (fresh.kind !== 'claimed') return;
    // The old holder wakes up: it can neither settle nor release the new holder's claim.
    assert.equal(await service.complete(stale, answer), false);
    await service.release(stale);
    assert.equal(await codeOf(service.claim(s, 'h')), 'IDEMPOTENCY_KEY_IN_PROGRESS');
    assert.equal(await service.complete(fresh, { ...answer, body: '{"id":2}' }), true);
    const replay = await service.claim(s, 'h');
    assert.equal(replay.kind === 'replay' && replay.body, '{"id":2}');
  });

  it('a released key runs again; a withheld answer is never stored', async () => {
    const s = scope();
    const first = await service.claim(s, 'h');
    if (first.kind !== 'claimed') throw new Error('not claimed');
    await service.release(first);
    const second = await service.claim(s, 'h');
    if (second.kind !== 'claimed') throw new Error('not claimed');
    await service.complete(second, { ...answer, body: '{"token":"tg_secret"}', withheld: true });
    assert.equal(await codeOf(service.claim(s, 'h')), 'IDEMPOTENCY_RESPONSE_WITHHELD');
    const row = await ctx.database.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('idempotency_key', '=', s.key)
      .executeTakeFirstOrThrow();
    assert.equal(row.response_body, null);
  });
});
