import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { AuditService } from '../../src/audit/index.ts';
import { createUsersRepo } from '../../src/auth/index.ts';
import { createCredentialsRepo } from '../../src/credentials/index.ts';
import { createManualClock, createSilentLogger } from '../../src/lib/index.ts';
import { createLicensesRepo } from '../../src/licenses/index.ts';
import {
  createLocalNotifier,
  createOutbox,
  type OutboxActor,
  type OutboxService,
} from '../../src/outbox/index.ts';
import {
  createTestApp,
  createTestOrganization,
  type TestApp,
  type TestOrganization,
} from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

const LICENSE = 'C10-0000777-LIC';
const SECOND_LICENSE = 'C10-0000778-LIC';

/**
 * Enqueue writes the submissions that arrive together in one transaction per organization
 * (src/outbox/group-commit.ts). What must hold regardless: each accepted submission commits with
 * its own audit record, the chain never forks, a bad write fails only its own request, and
 * a license's work counter grows.
 */
describeEachDialect('outbox: grouped enqueue keeps durability and the audit chain', (ctx) => {
  let t: TestApp;
  let org: TestOrganization;
  let staff: OutboxActor;
  const clock = createManualClock(new Date('2026-11-27T10:00:00Z'));

  before(async () => {
    t = await createTestApp(ctx.database, { clock });
    org = await createTestOrganization(t.services, 'Grouped Enqueue');
    const admin = {
      organizationId: org.id,
      role: 'admin' as const,
      userId: org.admin.id,
      tokenId: null,
    };
    for (const number of [LICENSE, SECOND_LICENSE]) {
      await t.services.licenses.create(admin, {
        number,
        state: 'ca',
        licenseType: 'Adult-Use Retailer',
        name: `Store ${number}`,
        facilityType: { CanSellToConsumers: true, CanAssignLocationsToPackages: true },
      });
    }
    staff = { organizationId: org.id, role: 'staff', userId: org.staff.id, tokenId: null };
  });

  const receipt = (n: number, license = LICENSE) => ({
    license,
    kind: 'sales.receipt.create',
    occurredAt: '2026-11-27T09:59:00Z',
    payload: {
      externalNumber: `GRP-${n}`,
      lines: [
        {
          packageLabel: '1A4FF0100000022000000123',
          quantity: 1,
          unitOfMeasure: 'Each',
          totalAmount: 10,
        },
      ],
    },
  });

  /** A second outbox on the same database (like another process), with its own audit service. */
  function otherProcessOutbox(audit: AuditService): OutboxService {
    const { db, dialect } = ctx.database;
    return createOutbox({
      db,
      dialect,
      clock,
      logger: createSilentLogger(),
      audit,
      vault: t.services.vault,
      users: createUsersRepo(db),
      licenses: createLicensesRepo(db),
      credentials: createCredentialsRepo(db),
      notifier: createLocalNotifier(),
    }).service;
  }

  async function queuedRecordsOf(ids: number[]) {
    const rows = await ctx.database.db
      .selectFrom('audit_events')
      .select(['target_id'])
      .where('organization_id', '=', org.id)
      .where('action', '=', 'submission.queued')
      .where(
        'target_id',
        'in',
        ids.map((id) => String(id)),
      )
      .execute();
    return rows.map((r) => Number(r.target_id)).sort((a, b) => a - b);
  }

  async function workSeq(license = LICENSE): Promise<number> {
    const row = await ctx.database.db
      .selectFrom('license_leases')
      .innerJoin('licenses', 'licenses.id', 'license_leases.license_id')
      .select('license_leases.work_seq')
      .where('licenses.number', '=', license)
      .executeTakeFirst();
    return row?.work_seq ?? 0;
  }

  it('accepts many at once from two writers, two licenses: one audit record each, the chain verifies', async () => {
    const outbox = t.services.outbox.service;
    const other = otherProcessOutbox(t.services.audit);
    const seqBefore = [await workSeq(LICENSE), await workSeq(SECOND_LICENSE)];
    const accepted = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        (n % 2 ? outbox : other).enqueue(staff, receipt(n, n % 3 ? LICENSE : SECOND_LICENSE)),
      ),
    );
    const ids = accepted.map((s) => s.id).sort((a, b) => a - b);
    assert.equal(new Set(ids).size, 40);
    assert.deepEqual(await queuedRecordsOf(ids), ids, 'every submission has its own record');
    const check = await t.services.audit.verify({ organizationId: org.id });
    assert.equal(check.ok, true, JSON.stringify(check));
    assert.ok((await workSeq(LICENSE)) > (seqBefore[0] ?? 0), 'the first license was woken');
    assert.ok((await workSeq(SECOND_LICENSE)) > (seqBefore[1] ?? 0), 'and the second');
    const indexed = await ctx.database.db
      .selectFrom('submission_packages')
      .select(['submission_id', 'label'])
      .where('submission_id', 'in', ids)
      .execute();
    assert.deepEqual(
      indexed.map((r) => r.submission_id).sort((a, b) => a - b),
      ids,
      'each grouped submission is in the package index quantity drift reads',
    );
    assert.ok(indexed.every((r) => r.label === '1A4FF0100000022000000123'));
  });

  it('a write that fails rolls back its submission with its record; the others are accepted', async () => {
    const audit = t.services.audit;
    // An audit append that fails for one submission: the transaction it is in must roll back.
    const failing: AuditService = {
      ...audit,
      recordMany: async (entries, executor) => {
        if (
          entries.some((e) => JSON.stringify(e.details).includes(`"actorUserId":${org.admin.id}`))
        )
          throw new Error('audit refused');
        return audit.recordMany(entries, executor);
      },
    };
    const outbox = otherProcessOutbox(failing);
    const admin: OutboxActor = { ...staff, role: 'admin', userId: org.admin.id };
    const lastId = (await t.services.outbox.service.list(org.id, { limit: 1 }))[0]?.id ?? 0;
    const results = await Promise.allSettled([
      outbox.enqueue(staff, receipt(100)),
      outbox.enqueue(admin, receipt(101)),
      outbox.enqueue(staff, receipt(102)),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.match(String((results[1] as PromiseRejectedResult).reason), /audit refused/);
    const rows = await ctx.database.db
      .selectFrom('submissions')
      .select(['id', 'actor_user_id'])
      .where('organization_id', '=', org.id)
      .where('id', '>', lastId)
      .execute();
    assert.deepEqual(
      rows.map((r) => r.actor_user_id),
      [org.staff.id, org.staff.id],
      'the refused one queued nothing',
    );
    const ids = rows.map((r) => r.id).sort((a, b) => a - b);
    assert.deepEqual(await queuedRecordsOf(ids), ids);
    assert.equal((await audit.verify({ organizationId: org.id })).ok, true);
  });
});
