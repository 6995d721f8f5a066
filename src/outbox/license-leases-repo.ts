/**
 * The only code that queries `license_leases`: who works which license (lease, fencing token),
 * when a license has work again (`wake_at`, `work_seq`), and whether it is paused.
 *
 * Lease expiry is decided by the database's clock on PostgreSQL (workers' clocks may differ);
 * SQLite serves one process, whose clock is the database's.
 */
import { type Kysely, type RawBuilder, sql, type UpdateObject } from 'kysely';
import { type DB, type Dialect, precompile } from '../db/index.ts';
import type { Clock } from '../lib/index.ts';
import { toTimestamp } from '../lib/index.ts';
import type { Attempt } from './submission-attempt.ts';

/** A granted lease: the license, and the token every settle must present. */
export interface LicenseLease {
  licenseId: number;
  organizationId: number;
  owner: string;
  token: number;
  /**
   * At claim: a request the previous holder sent and never settled (it died or lost the lease
   * mid-request). Its submissions may have landed in Metrc: they are in doubt.
   */
  unsettled?: InFlight | null;
}

/**
 * A request out at Metrc, recorded on the lease before it leaves (`license_leases.in_flight`):
 * its submissions and the attempt their settle writes.
 */
export interface InFlight extends Attempt {
  ids: number[];
}

const inFlightOf = (text: string | null): InFlight | null =>
  text === null ? null : (JSON.parse(text) as InFlight);

export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  constructor(readonly licenseId: number) {
    super(`lease on license ${licenseId} was lost`);
  }
}

/** A lease's end, for either clock: PostgreSQL's own plus `leaseSecs`, or SQLite's `leaseAt`. */
type LeaseEnd = {
  leaseSecs: number;
  leaseAt: string;
};

/** Who must hold the lease for a statement to apply (the fencing check). */
type Held = {
  licenseId: number;
  token: number;
  owner: string;
};

const ISO_FORMAT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

export function createLicenseLeasesRepo(deps: { db: Kysely<DB>; dialect: Dialect; clock: Clock }) {
  const { db, dialect, clock } = deps;

  /**
   * Now (+ ms) as ISO text by the lease clock: the database's on PostgreSQL. Takes its values as
   * arguments (`leaseEndIn`), so a precompiled statement can pass them as parameters.
   */
  const leaseEnd = (a: LeaseEnd): RawBuilder<string> =>
    dialect === 'postgres'
      ? sql<string>`to_char((clock_timestamp() + make_interval(secs => ${a.leaseSecs})) at time zone 'UTC', ${sql.raw(ISO_FORMAT)})`
      : sql<string>`${a.leaseAt}`;
  const leaseEndIn = (plusMs: number): LeaseEnd => ({
    leaseSecs: plusMs / 1000,
    leaseAt: toTimestamp(new Date(clock.now().getTime() + plusMs)),
  });
  const leaseTime = (plusMs = 0) => leaseEnd(leaseEndIn(plusMs));
  const held = (lease: LicenseLease): Held => ({
    licenseId: lease.licenseId,
    token: lease.token,
    owner: lease.owner,
  });

  // Every request records itself on its lease, and its settle renews the lease: compiled once,
  // and prepared on PostgreSQL (src/db/precompiled-query.ts).
  const renewing = (
    set: (a: LeaseEnd & { inFlight: string | null }) => UpdateObject<DB, 'license_leases'>,
  ) =>
    precompile(db, (a: LeaseEnd & Held & { inFlight: string | null }) =>
      db
        .updateTable('license_leases')
        .set(set(a))
        .where('license_id', '=', a.licenseId)
        .where('lease_token', '=', a.token)
        .where('lease_owner', '=', a.owner),
    );
  const renewQuery = renewing((a) => ({ lease_expires_at: leaseEnd(a) }));
  /** Also records the request in flight (null: the settle that clears it). */
  const renewRecordingQuery = renewing((a) => ({
    lease_expires_at: leaseEnd(a),
    in_flight: a.inFlight,
  }));
  /**
   * A settle group's leases renewed and their requests cleared in one statement, compiled once
   * per group size: the rows are found by primary key in license order, so two groups never
   * lock each other's leases in opposite orders.
   */
  const settledQueries = new Map<number, ReturnType<typeof settledQuery>>();
  const settledQuery = (count: number) =>
    precompile(db, (a: LeaseEnd & Record<string, unknown>) => {
      const slots = Array.from({ length: count }, (_, i) => ({
        licenseId: a[`l${i}`],
        token: a[`t${i}`],
        owner: a[`o${i}`],
      }));
      return db
        .updateTable('license_leases')
        .set({ lease_expires_at: leaseEnd(a), in_flight: null })
        .where(
          'license_id',
          'in',
          slots.map((slot) => slot.licenseId as number),
        )
        .where((eb) =>
          eb.or(
            slots.map((slot) =>
              eb.and([
                eb('license_id', '=', slot.licenseId as number),
                eb('lease_token', '=', slot.token as number),
                eb('lease_owner', '=', slot.owner as string),
              ]),
            ),
          ),
        );
    });

  return {
    /** Gives the license new work: creates its row if needed, wakes it now, bumps `work_seq`. */
    async wake(
      license: { licenseId: number; organizationId: number },
      at: Date,
      executor: Kysely<DB> = db,
    ): Promise<void> {
      const stamp = toTimestamp(at);
      await executor
        .insertInto('license_leases')
        .values({
          license_id: license.licenseId,
          organization_id: license.organizationId,
          wake_at: stamp,
          work_seq: 1,
          updated_at: stamp,
        })
        .onConflict((oc) =>
          oc.column('license_id').doUpdateSet({
            wake_at: stamp,
            work_seq: sql`license_leases.work_seq + 1`,
            updated_at: stamp,
          }),
        )
        .execute();
    },

    /**
     * Leases the earliest due, unpaused, unleased license to `owner`, or null. PostgreSQL:
     * `FOR UPDATE SKIP LOCKED`, so workers never wait on each other's candidates.
     */
    async claim(owner: string, ttlMs: number): Promise<LicenseLease | null> {
      const now = toTimestamp(clock.now());
      const lock = dialect === 'postgres' ? sql`for update skip locked` : sql``;
      // PostgreSQL: the claim commits without waiting for its WAL flush (this statement only).
      // Losing a claim in a server crash is harmless — the token the worker holds is then not
      // in the table, so its first settle fails the fencing check — and a later durable commit
      // (every settle) flushes the claim with it, since WAL is written in order.
      const noFlushWait =
        dialect === 'postgres'
          ? sql`with no_flush_wait as (select set_config('synchronous_commit', 'off', true) as v) `
          : sql``;
      const noFlushWaitUsed =
        dialect === 'postgres' ? sql`and (select v from no_flush_wait) = 'off'` : sql``;
      const result = await sql<{
        license_id: number;
        organization_id: number;
        lease_token: number;
        in_flight: string | null;
      }>`
        ${noFlushWait}update license_leases
           set lease_owner = ${owner},
               lease_token = lease_token + 1,
               lease_expires_at = ${leaseTime(ttlMs)},
               updated_at = ${now}
         where license_id = (
           select license_id from license_leases
            where wake_at is not null and paused_at is null and wake_at <= ${now}
              and (lease_expires_at is null or lease_expires_at < ${leaseTime()})
            order by wake_at
            limit 1
            ${lock})
          ${noFlushWaitUsed}
        returning license_id, organization_id, lease_token, in_flight`.execute(db);
      const row = result.rows[0];
      return row
        ? {
            licenseId: row.license_id,
            organizationId: row.organization_id,
            owner,
            token: row.lease_token,
            unsettled: inFlightOf(row.in_flight),
          }
        : null;
    },

    /**
     * Extends the lease and proves it is still ours (the fencing check). Inside a settle's
     * transaction this also locks the row, so no one can take the lease mid-settle; a settle
     * also clears the request in flight (`settled`), in the same statement.
     */
    async renew(
      lease: LicenseLease,
      ttlMs: number,
      executor: Kysely<DB> = db,
      settled = false,
    ): Promise<void> {
      const query = settled ? renewRecordingQuery : renewQuery;
      const changed = await query.affected(
        { ...leaseEndIn(ttlMs), ...held(lease), inFlight: null },
        executor,
      );
      if (changed !== 1) throw new LeaseLostError(lease.licenseId);
    },

    /**
     * `renew(…, settled)` for every lease of a settle group at once (leases of distinct
     * licenses). Throws LeaseLostError if any was lost; which one, a renewal on its own tells.
     */
    async renewSettled(group: readonly LicenseLease[], ttlMs: number, executor: Kysely<DB> = db) {
      let query = settledQueries.get(group.length);
      if (!query) {
        query = settledQuery(group.length);
        settledQueries.set(group.length, query);
      }
      const args: LeaseEnd & Record<string, unknown> = leaseEndIn(ttlMs);
      group.forEach((lease, i) => {
        args[`l${i}`] = lease.licenseId;
        args[`t${i}`] = lease.token;
        args[`o${i}`] = lease.owner;
      });
      const changed = await query.affected(args, executor);
      if (changed !== group.length) throw new LeaseLostError(group[0]?.licenseId ?? 0);
    },

    /**
     * Records the request about to leave, with the fencing check and a renewal, in one statement
     * that commits on its own: once it returns, a crash leaves the request's rows in doubt.
     */
    async markInFlight(lease: LicenseLease, ttlMs: number, inFlight: InFlight): Promise<void> {
      const changed = await renewRecordingQuery.affected({
        ...leaseEndIn(ttlMs),
        ...held(lease),
        inFlight: JSON.stringify(inFlight),
      });
      if (changed !== 1) throw new LeaseLostError(lease.licenseId);
    },

    /**
     * Nothing to do before `until` (null: until new work arrives). Applies only if no new work
     * came since `seenSeq` was read, so an enqueue racing with the dispatcher is never missed.
     */
    async rest(lease: LicenseLease, seenSeq: number, until: Date | null): Promise<boolean> {
      const result = await db
        .updateTable('license_leases')
        .set({ wake_at: until ? toTimestamp(until) : null })
        .where('license_id', '=', lease.licenseId)
        .where('lease_token', '=', lease.token)
        .where('work_seq', '=', seenSeq)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Waits for a time (backoff, Retry-After) without claiming new work meanwhile. */
    async deferTo(lease: LicenseLease, until: Date, executor: Kysely<DB> = db): Promise<void> {
      await executor
        .updateTable('license_leases')
        .set({ wake_at: toTimestamp(until) })
        .where('license_id', '=', lease.licenseId)
        .where('lease_token', '=', lease.token)
        .execute();
    },

    /** Graceful shutdown: the lease ends now, so another worker may claim at once. */
    async release(lease: LicenseLease): Promise<void> {
      await db
        .updateTable('license_leases')
        .set({ lease_owner: null, lease_expires_at: null })
        .where('license_id', '=', lease.licenseId)
        .where('lease_token', '=', lease.token)
        .execute();
    },

    async pause(
      licenseId: number,
      pause: { code: string; message: string; credentialId: number | null },
      executor: Kysely<DB> = db,
    ): Promise<void> {
      const stamp = toTimestamp(clock.now());
      await executor
        .updateTable('license_leases')
        .set({
          paused_at: stamp,
          pause_code: pause.code,
          pause_message: pause.message,
          pause_credential_id: pause.credentialId,
          updated_at: stamp,
        })
        .where('license_id', '=', licenseId)
        .execute();
    },

    /** Unpauses and wakes; returns the licenses that were paused. */
    async resume(licenseIds: number[], executor: Kysely<DB> = db): Promise<number[]> {
      if (licenseIds.length === 0) return [];
      const stamp = toTimestamp(clock.now());
      const rows = await executor
        .updateTable('license_leases')
        .set({
          paused_at: null,
          pause_code: null,
          pause_message: null,
          pause_credential_id: null,
          wake_at: stamp,
          work_seq: sql`work_seq + 1`,
          updated_at: stamp,
        })
        .where('license_id', 'in', licenseIds)
        .where('paused_at', 'is not', null)
        .returning('license_id')
        .execute();
      return rows.map((r) => r.license_id);
    },

    /** Licenses paused because of this credential. */
    pausedBy: (credentialId: number) =>
      db
        .selectFrom('license_leases')
        .select('license_id')
        .where('pause_credential_id', '=', credentialId)
        .where('paused_at', 'is not', null)
        .execute()
        .then((rows) => rows.map((r) => r.license_id)),

    find: (licenseId: number) =>
      db
        .selectFrom('license_leases')
        .selectAll()
        .where('license_id', '=', licenseId)
        .executeTakeFirst(),

    /** Submissions of the organization in a request out at Metrc now (see `markInFlight`). */
    async inFlightIds(organizationId: number): Promise<Set<number>> {
      const rows = await db
        .selectFrom('license_leases')
        .select('in_flight')
        .where('organization_id', '=', organizationId)
        .where('in_flight', 'is not', null)
        .execute();
      return new Set(rows.flatMap((row) => inFlightOf(row.in_flight)?.ids ?? []));
    },

    listForOrganization: (organizationId: number) =>
      db
        .selectFrom('license_leases')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .execute(),
  };
}

export type LicenseLeasesRepo = ReturnType<typeof createLicenseLeasesRepo>;
