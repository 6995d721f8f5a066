import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Kysely } from 'kysely';
import {
  createTestApp,
  createTestOrganization,
  type TestApp,
} from '../../test/helpers/test-app.ts';
import { describeEachDialect } from '../../test/helpers/test-db.ts';
import type { DB } from '../db/index.ts';
import { systemClock } from '../lib/index.ts';
import { createLicenseLeasesRepo, LeaseLostError } from './license-leases-repo.ts';
import { createSentWriter } from './sent-writer.ts';
import { createSubmissionsRepo } from './submissions-repo.ts';

describeEachDialect('sent writer: settles of one organization share one transaction', (ctx) => {
  let t: TestApp;
  let organizationId = 0;
  const licenseIds: number[] = [];

  before(async () => {
    t = await createTestApp(ctx.database);
    const org = await createTestOrganization(t.services, 'Sent Co');
    organizationId = org.id;
    for (const n of [1, 2, 3]) {
      const license = await t.services.licenses.create(
        { organizationId: org.id, userId: org.admin.id, tokenId: null },
        { number: `C10-000088${n}-LIC`, state: 'ca', licenseType: 'Retailer', name: `Shop ${n}` },
      );
      licenseIds.push(license.id);
    }
  });

  /** `count` queued rows on the license, which is then due (woken). */
  async function queuedRows(licenseId: number, count: number, tag: string) {
    const at = new Date().toISOString();
    const rows = await createSubmissionsRepo(ctx.database.db).insertMany(
      Array.from({ length: count }, (_, n) => ({
        organization_id: organizationId,
        license_id: licenseId,
        kind: 'sales.receipt.create',
        payload: '{}',
        reference: `TG-${tag}-${licenseId}-${n}`,
        touches: '[]',
        occurred_at: at,
        status: 'queued' as const,
        next_attempt_at: at,
        created_at: at,
        updated_at: at,
      })),
    );
    await createLicenseLeasesRepo({ ...ctx.database, clock: systemClock }).wake(
      { licenseId, organizationId },
      new Date(Date.now() - 1_000),
    );
    return rows;
  }

  /** A key row for settles to name (never opened here). */
  async function keyRow(tag: string, attribution: 'own' | 'facility') {
    const at = new Date().toISOString();
    const row = await ctx.database.db
      .insertInto('credentials')
      .values({
        organization_id: organizationId,
        state: 'ca',
        environment: 'production',
        kind: 'facility',
        secret_ref: `test-${tag}-${ctx.dialect}`,
        sealed_key: 'not-a-key',
        fingerprint: `fp-${tag}`,
        status: 'valid',
        status_changed_at: at,
        key_first_seen_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { credentialId: row.id, fingerprint: `fp-${tag}`, attribution };
  }

  it('writes the group together; a lost lease fails only its own settle', async () => {
    const { db } = ctx.database;
    const submissions = createSubmissionsRepo(db);
    const leases = createLicenseLeasesRepo({ ...ctx.database, clock: systemClock });
    const at = new Date().toISOString();
    const key = await keyRow('sent-writer', 'facility');
    const rowsOf = new Map<number, Awaited<ReturnType<typeof submissions.insertMany>>>();
    for (const licenseId of licenseIds) {
      const rows = await queuedRows(licenseId, 2, 'SENT');
      rowsOf.set(licenseId, rows);
    }
    const claimed = [];
    for (const _ of licenseIds) {
      const lease = await leases.claim('worker-a', 60_000);
      assert.ok(lease);
      claimed.push(lease);
    }
    // Another worker took the second license's lease (its token moved on).
    const stolen = claimed[1];
    assert.ok(stolen);
    await db
      .updateTable('license_leases')
      .set((eb) => ({ lease_token: eb('lease_token', '+', 1), lease_owner: 'worker-b' }))
      .where('license_id', '=', stolen.licenseId)
      .execute();

    /** Per transaction begun: the leases renewed in it. */
    const transactions: number[][] = [];
    const renewing = {
      renewSettled: (...args: Parameters<typeof leases.renewSettled>) => {
        transactions.at(-1)?.push(...args[0].map((lease) => lease.licenseId));
        return leases.renewSettled(...args);
      },
    };
    const writer = createSentWriter({
      db: {
        ...db,
        transaction: () => {
          transactions.push([]);
          return db.transaction();
        },
      } as unknown as Kysely<DB>,
      dialect: ctx.dialect,
      leases: renewing,
      credentials: { touchUsed: async () => [] },
      audit: t.services.audit,
      clock: systemClock,
      leaseTtlMs: 60_000,
    });
    const outcomes = await Promise.allSettled(
      claimed.map((lease) => {
        const rows = rowsOf.get(lease.licenseId) ?? [];
        return writer.sent(lease, rows, {
          metrcIds: rows.map((_, i) => [1_000 + lease.licenseId * 10 + i]),
          answer: { ids: null, warnings: null },
          key,
          kind: 'sales.receipt.create',
          reconciled: false,
          attempt: { at, key },
        });
      }),
    );
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    const failure = outcomes[1];
    assert.ok(failure?.status === 'rejected' && failure.reason instanceof LeaseLostError);
    // The group renews all its leases in one statement, which finds the lost one; then each alone.
    assert.deepEqual(transactions[0], licenseIds, 'first, all together');
    assert.deepEqual(
      transactions.slice(1),
      licenseIds.map((id) => [id]),
      'then one by one',
    );

    for (const [licenseId, rows] of rowsOf) {
      for (const row of rows) {
        const now = await submissions.find(organizationId, row.id);
        const lost: boolean = licenseId === stolen.licenseId;
        assert.equal(now?.status, lost ? 'queued' : 'sent', `license ${licenseId}`);
        assert.equal(now?.attempts, lost ? 0 : 1);
        if (!lost)
          assert.equal(
            now?.metrc_ids,
            JSON.stringify([1_000 + licenseId * 10 + rows.indexOf(row)]),
          );
      }
    }
    const uploads = await db
      .selectFrom('audit_events')
      .select(['target_id'])
      .where('organization_id', '=', organizationId)
      .where('action', '=', 'submission.uploaded')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      uploads.map((u) => Number(u.target_id)).sort(),
      [licenseIds[0], licenseIds[2]].map(Number).sort(),
      'one upload record per settle that committed, none for the lost one',
    );
    assert.equal((await t.services.audit.verify({ organizationId })).ok, true);
  });
  it("writes each batch's own key, answer and attempt on its rows", async () => {
    const { db } = ctx.database;
    const submissions = createSubmissionsRepo(db);
    const leases = createLicenseLeasesRepo({ ...ctx.database, clock: systemClock });
    const at = new Date().toISOString();
    const admin = { organizationId, userId: null, tokenId: null };
    const keys = [await keyRow('values-a', 'own'), await keyRow('values-b', 'facility')];
    const settles = [];
    for (const n of [1, 2]) {
      const license = await t.services.licenses.create(admin, {
        number: `C10-000099${n}-LIC`,
        state: 'ca',
        licenseType: 'Retailer',
        name: `Values ${n}`,
      });
      const rows = await queuedRows(license.id, 3, 'VALUES');
      const lease = await leases.claim(`worker-values-${n}`, 60_000);
      assert.equal(lease?.licenseId, license.id);
      settles.push({ lease, rows });
    }
    const writer = createSentWriter({
      db,
      dialect: ctx.dialect,
      leases,
      credentials: { touchUsed: async () => [] },
      audit: t.services.audit,
      clock: systemClock,
      leaseTtlMs: 60_000,
    });
    const [first, second] = settles;
    assert.ok(first?.lease && second?.lease);
    await Promise.all([
      // Sent, with one Metrc id per row, under an own key: the attempt counts.
      writer.sent(first.lease, first.rows, {
        metrcIds: first.rows.map((_, i) => [500 + i]),
        answer: { batchRows: 3, warnings: null },
        key: keys[0] as (typeof keys)[number],
        kind: 'sales.receipt.create',
        reconciled: false,
        attempt: { at, key: keys[0] as (typeof keys)[number] },
      }),
      // Found by a lookup: Metrc's ids as a whole, no attempt of its own.
      writer.sent(second.lease, second.rows, {
        metrcIds: second.rows.map(() => null),
        answer: { reconciled: true, ids: [7, 8] },
        key: keys[1] as (typeof keys)[number],
        kind: 'sales.receipt.create',
        reconciled: true,
      }),
    ]);
    for (const [n, { rows }] of settles.entries()) {
      for (const [i, row] of rows.entries()) {
        const now = await submissions.find(organizationId, row.id);
        assert.equal(now?.status, 'sent');
        assert.equal(now?.credential_id, keys[n]?.credentialId);
        assert.equal(now?.key_fingerprint, keys[n]?.fingerprint);
        assert.equal(now?.attribution, keys[n]?.attribution);
        assert.equal(now?.attempts, n === 0 ? 1 : 0, 'only a request counts an attempt');
        assert.equal(now?.last_sent_at, n === 0 ? at : null);
        assert.equal(now?.metrc_ids, n === 0 ? JSON.stringify([500 + i]) : null);
        assert.deepEqual(
          JSON.parse(now?.metrc_answer ?? 'null'),
          n === 0 ? { batchRows: 3, warnings: null } : { reconciled: true, ids: [7, 8] },
        );
      }
    }
    const lease = await db
      .selectFrom('license_leases')
      .select(['in_flight'])
      .where('license_id', '=', first.lease.licenseId)
      .executeTakeFirstOrThrow();
    assert.equal(lease.in_flight, null, 'the settle clears the request in flight');
  });
});
