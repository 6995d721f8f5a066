import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import { sql } from 'kysely';
import { type DialectContext, describeEachDialect } from '../../test/helpers/test-db.ts';
import { createManualClock } from '../lib/index.ts';
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
    assert.match(check.headHash, /^[0-9a-f]{64}$/);
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
