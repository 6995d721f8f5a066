import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { type DialectContext, describeEachDialect } from '../../test/helpers/test-db.ts';
import type { DB } from '../db/index.ts';
import { createManualClock } from '../lib/index.ts';
import { GENESIS_HASH, hashAuditEvent } from './audit-fns.ts';
import { createAuditRepo } from './audit-repo.ts';
import { type AuditService, createAuditService } from './audit-service.ts';

describeEachDialect('audit chain', (ctx) => {
  let audit: AuditService;

  beforeEach(async () => {
    const { db, dialect } = ctx.database;
    await disableAppendOnly(ctx);
    await db.deleteFrom('audit_events').execute();
    await enableAppendOnly(ctx);
    audit = createAuditService({
      db,
      repo: createAuditRepo(db, dialect),
      clock: createManualClock(),
    });
  });

  async function recordSome(n: number) {
    for (let i = 0; i < n; i++) {
      await audit.record({
        organizationId: null,
        actor: { userId: i },
        action: 'test.happened',
        target: { type: 'thing', id: i },
        details: { i },
      });
    }
  }

  it('verifies an untouched chain and reports its head', async () => {
    await recordSome(5);
    const check = await audit.verify();
    assert.equal(check.ok, true);
    assert.equal(check.count, 5);
    assert.equal(check.chains.length, 1);
    assert.equal(check.chains[0]?.chain, 'platform');
    assert.match(check.chains[0]?.headHash ?? '', /^[0-9a-f]{64}$/);
  });

  it('refuses UPDATE and DELETE at the database level (append-only)', async () => {
    await recordSome(1);
    const { db } = ctx.database;
    await assert.rejects(
      db.updateTable('audit_events').set({ action: 'x' }).execute(),
      /append-only/,
    );
    await assert.rejects(db.deleteFrom('audit_events').execute(), /append-only/);
  });

  it('detects an edited row even when the trigger was bypassed', async () => {
    await recordSome(4);
    const { db } = ctx.database;
    const rows = await db.selectFrom('audit_events').select('id').orderBy('id').execute();
    const victim = rows[2]?.id ?? 0;
    await disableAppendOnly(ctx);
    await db
      .updateTable('audit_events')
      .set({ details: JSON.stringify({ i: 999 }) })
      .where('id', '=', victim)
      .execute();
    await enableAppendOnly(ctx);
    const check = await audit.verify();
    assert.equal(check.ok, false);
    assert.equal(check.brokenAtId, victim);
    assert.equal(check.brokenChain, 'platform');
    assert.equal(check.reason, 'hash_mismatch');
  });

  it('detects a removed row by the broken link that follows it', async () => {
    await recordSome(4);
    const { db } = ctx.database;
    const rows = await db.selectFrom('audit_events').select('id').orderBy('id').execute();
    await disableAppendOnly(ctx);
    await db
      .deleteFrom('audit_events')
      .where('id', '=', rows[1]?.id ?? 0)
      .execute();
    await enableAppendOnly(ctx);
    const check = await audit.verify();
    assert.equal(check.ok, false);
    assert.equal(check.brokenAtId, rows[2]?.id);
    assert.equal(check.reason, 'link_mismatch');
  });

  it('keeps one unforked chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit.record({
          organizationId: null,
          actor: {},
          action: 'test.concurrent',
          details: { i },
        }),
      ),
    );
    const check = await audit.verify();
    assert.deepEqual({ ok: check.ok, count: check.count }, { ok: true, count: 20 });
  });

  it('recordMany appends in order under one lock, interleaving safely with single appends', async () => {
    const entry = (i: number) => ({
      organizationId: null,
      actor: {},
      action: 'test.many',
      details: { i },
    });
    const groups = await Promise.all([
      audit.recordMany([0, 1, 2, 3, 4].map(entry)),
      audit.record(entry(100)),
      audit.recordMany([5, 6, 7].map(entry)),
      audit.record(entry(101)),
    ]);
    const many = groups[0] as Awaited<ReturnType<AuditService['recordMany']>>;
    assert.deepEqual(
      many.map((e) => JSON.parse(e.details).i),
      [0, 1, 2, 3, 4],
      'returned in the order given',
    );
    assert.deepEqual(
      many.map((e) => e.chain_seq),
      many.map((_, k) => (many[0]?.chain_seq ?? 0) + k),
      'consecutive positions',
    );
    const stored = await ctx.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where(
        'id',
        'in',
        many.map((e) => e.id),
      )
      .orderBy('id')
      .execute();
    assert.deepEqual(many, stored, 'each answered exactly as stored');
    const check = await audit.verify();
    assert.deepEqual({ ok: check.ok, count: check.count }, { ok: true, count: 10 });
    await assert.rejects(
      audit.recordMany([entry(1), { ...entry(2), organizationId: 999 }]),
      /same chain/,
    );
  });

  async function makeOrganizations() {
    const { db } = ctx.database;
    const ids: number[] = [];
    for (const slug of ['org-a', 'org-b']) {
      const row = await db
        .insertInto('organizations')
        .values({ name: slug, slug: `${slug}-${Math.random()}`, created_at: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    return ids as [number, number];
  }

  const recordIn = (organizationId: number | null, i: number, executor?: Kysely<DB>) =>
    audit.record(
      { organizationId, actor: { userId: i }, action: 'test.per_org', details: { i } },
      executor,
    );

  it('keeps one chain per organization, each numbered from 1 and linked from genesis', async () => {
    const [a, b] = await makeOrganizations();
    // Interleaved, concurrent appends into two organizations and the platform chain.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => recordIn(i % 3 === 2 ? null : i % 2 ? a : b, i)),
    );
    const check = await audit.verify();
    assert.equal(check.ok, true, JSON.stringify(check));
    assert.equal(check.count, 30);
    assert.deepEqual(check.chains.map((c) => c.chain).sort(), [`org:${a}`, `org:${b}`, 'platform']);
    const { db } = ctx.database;
    for (const org of [a, b]) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('organization_id', '=', org)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        rows.map((r) => r.chain_seq),
        rows.map((_, i) => i + 1),
      );
      assert.equal(rows[0]?.prev_hash, GENESIS_HASH);
      const one = await audit.verify({ organizationId: org });
      assert.deepEqual({ ok: one.ok, count: one.count }, { ok: true, count: rows.length });
    }
  });

  it('names the tampered row of one chain and still checks the others', async () => {
    const [a, b] = await makeOrganizations();
    for (let i = 0; i < 4; i++) {
      await recordIn(a, i);
      await recordIn(b, i);
    }
    const { db } = ctx.database;
    const rowsOf = (org: number) =>
      db.selectFrom('audit_events').selectAll().where('organization_id', '=', org).orderBy('id');
    const aRows = await rowsOf(a).execute();
    const bRows = await rowsOf(b).execute();
    await disableAppendOnly(ctx);
    // Edit a's second event; remove b's third.
    await db
      .updateTable('audit_events')
      .set({ action: 'test.forged' })
      .where('id', '=', aRows[1]?.id ?? 0)
      .execute();
    await db
      .deleteFrom('audit_events')
      .where('id', '=', bRows[2]?.id ?? 0)
      .execute();
    await enableAppendOnly(ctx);
    const check = await audit.verify();
    assert.equal(check.ok, false);
    assert.equal(check.brokenAtId, aRows[1]?.id);
    assert.equal(check.brokenChain, `org:${a}`);
    const chainA = check.chains.find((c) => c.chain === `org:${a}`);
    const chainB = check.chains.find((c) => c.chain === `org:${b}`);
    assert.deepEqual(
      { ok: chainA?.ok, at: chainA?.brokenAtId, reason: chainA?.reason },
      { ok: false, at: aRows[1]?.id, reason: 'hash_mismatch' },
    );
    assert.deepEqual(
      { ok: chainB?.ok, at: chainB?.brokenAtId, reason: chainB?.reason },
      { ok: false, at: bRows[3]?.id, reason: 'link_mismatch' },
    );
    const onlyB = await audit.verify({ organizationId: b });
    assert.equal(onlyB.brokenAtId, bRows[3]?.id);
  });

  it('moving an event into another chain is detected', async () => {
    const [a, b] = await makeOrganizations();
    await recordIn(a, 1);
    await recordIn(b, 1);
    await recordIn(b, 2);
    const { db } = ctx.database;
    const victim = await db
      .selectFrom('audit_events')
      .select('id')
      .where('organization_id', '=', b)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await disableAppendOnly(ctx);
    await db
      .updateTable('audit_events')
      .set({ organization_id: a })
      .where('id', '=', victim.id)
      .execute();
    await enableAppendOnly(ctx);
    const check = await audit.verify();
    assert.equal(check.ok, false);
    assert.equal(check.brokenAtId, victim.id);
  });

  it('refuses a second event at the same position of a chain (no fork)', async () => {
    const [a] = await makeOrganizations();
    const first = await recordIn(a, 1);
    const { db } = ctx.database;
    await assert.rejects(
      db
        .insertInto('audit_events')
        .values({ ...first, id: undefined, hash: 'f'.repeat(64), details: '{"fork":1}' })
        .execute(),
      /unique|UNIQUE/,
    );
  });

  it('verifies events written before 0004 as the one legacy chain, beside the new chains', async () => {
    const { db } = ctx.database;
    // What 0003 wrote: one global chain, no chain_seq, hashed without it.
    let prev = GENESIS_HASH;
    const [a] = await makeOrganizations();
    for (const org of [a, null, a]) {
      const fields = {
        organization_id: org,
        actor_user_id: null,
        actor_token_id: null,
        action: 'test.legacy',
        target_type: null,
        target_id: null,
        details: '{}',
        created_at: '2025-01-01T00:00:00.000Z',
        prev_hash: prev,
        chain_seq: null,
      };
      prev = hashAuditEvent(fields);
      await db
        .insertInto('audit_events')
        .values({ ...fields, hash: prev })
        .execute();
    }
    await recordIn(a, 1);
    await recordIn(null, 2);
    const check = await audit.verify();
    assert.equal(check.ok, true, JSON.stringify(check));
    const legacy = check.chains.find((c) => c.chain === 'legacy');
    assert.deepEqual({ count: legacy?.count, head: legacy?.headHash }, { count: 3, head: prev });
    assert.equal(check.chains.find((c) => c.chain === `org:${a}`)?.count, 1);
  });

  it('an open append in one organization does not hold up another organization', async () => {
    const [a, b] = await makeOrganizations();
    const { db } = ctx.database;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let appendedInA!: () => void;
    const aAppended = new Promise<void>((resolve) => {
      appendedInA = resolve;
    });
    // Organization a's transaction appends and then stays open (holding a's chain lock).
    const slow = db.transaction().execute(async (trx) => {
      await recordIn(a, 1, trx);
      appendedInA();
      await held;
    });
    await aAppended;
    if (ctx.dialect === 'postgres') {
      // Would wait forever (the test times out) if chains shared one lock.
      await recordIn(b, 1);
    }
    release();
    await slow;
    if (ctx.dialect === 'sqlite') await recordIn(b, 1); // one connection: after a's commit
    const check = await audit.verify();
    assert.equal(check.ok, true);
    assert.equal(check.count, 2);
  });

  it('commits the event with the caller transaction, or not at all', async () => {
    const { db } = ctx.database;
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await audit.record({ organizationId: null, actor: {}, action: 'test.rolled_back' }, trx);
        throw new Error('abort');
      }),
      /abort/,
    );
    const rows = await db.selectFrom('audit_events').selectAll().execute();
    assert.equal(rows.length, 0);
  });
});

/** Simulates an attacker with raw database access, who can lift the trigger. */
async function disableAppendOnly(ctx: DialectContext) {
  const { db } = ctx.database;
  if (ctx.dialect === 'postgres') {
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(db);
  } else {
    await sql`drop trigger if exists audit_events_no_update`.execute(db);
    await sql`drop trigger if exists audit_events_no_delete`.execute(db);
  }
}

async function enableAppendOnly(ctx: DialectContext) {
  const { db } = ctx.database;
  if (ctx.dialect === 'postgres') {
    await sql`alter table audit_events enable trigger audit_events_append_only`.execute(db);
    return;
  }
  for (const op of ['update', 'delete']) {
    await sql
      .raw(`create trigger if not exists audit_events_no_${op} before ${op} on audit_events
        begin select raise(abort, 'audit_events is append-only'); end`)
      .execute(db);
  }
}
