/**
 * Pulls one license's streams into the mirror. For a windowed stream: chronological
 * lastModified windows from the watermark (less an overlap) or the backfill start, every page
 * of each; each page is stored together with the checkpoint and under the lease in ONE
 * transaction, so the checkpoint never passes data that was not stored and a crash resumes at
 * the page after the last stored one. A finished window's local count is compared with Metrc's
 * `Total`; a shortfall re-walks the window and is recorded as a healed gap.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';
import { type Clock, toTimestamp } from '../lib/index.ts';
import { type MetrcPage, splitWindows, type TimeRange } from '../metrc/index.ts';
import { createLabResultsPull } from './lab-results-pull.ts';
import { fetchRawPage } from './metrc-pages.ts';
import type { MirrorRepo } from './mirror-repo.ts';
import { type PackageRow, parsePackage, parseRecord, type RecordRow } from './mirror-rows-fns.ts';
import { walkPageBatches } from './page-walk.ts';
import { enrichRecords } from './record-details.ts';
import type { PullTarget, StreamOutcome, SyncSettings } from './sync-engine-types.ts';
import { syncErrors } from './sync-errors.ts';
import type { Lease, SyncLeasesRepo } from './sync-leases-repo.ts';
import type { SyncStream } from './sync-resources.ts';
import type { SyncStateRepo } from './sync-state-repo.ts';

export type { PullTarget, StreamOutcome, SyncProgress, SyncSettings } from './sync-engine-types.ts';

/**
 * Pages that already arrived are stored together, up to this many per transaction: a sync that
 * fell behind its GETs catches up with fewer commits (one checkpoint move for them all).
 */
const MAX_PAGES_PER_TRANSACTION = 4;

const DAY_MS = 86_400_000;

export function createSyncEngine(deps: {
  db: Kysely<DB>;
  state: SyncStateRepo;
  mirror: MirrorRepo;
  leases: SyncLeasesRepo;
  clock: Clock;
  settings: SyncSettings;
}) {
  const { db, state, mirror, leases, clock, settings } = deps;
  const stamp = () => toTimestamp(clock.now());
  // When each lease was last extended (process time: only the pacing of renewals).
  const renewedAt = new WeakMap<Lease, number>();
  const pullLabResults = createLabResultsPull(deps);

  /**
   * Stores the records of one or more consecutive pages and moves the checkpoint to the last of
   * them, atomically, under the lease.
   */
  async function storePages(
    target: PullTarget,
    stream: SyncStream,
    records: unknown[],
    checkpoint: { window: TimeRange | null; pageNumber: number; pages: number },
    listed?: Set<number>,
  ): Promise<{ stored: number; rejected: number }> {
    const at = stamp();
    const packages: PackageRow[] = [];
    const others: RecordRow[] = [];
    const rejects: { metrc_id: string | null; error: string; raw: string }[] = [];
    for (const record of records) {
      if (stream.resource === 'packages') {
        const parsed = parsePackage(record, inTransit(stream) ? 'intransit' : undefined);
        if (parsed.ok) packages.push(parsed.row);
        else rejects.push({ metrc_id: parsed.metrcId, error: parsed.error, raw: rawText(record) });
      } else {
        const parsed = parseRecord(stream, record);
        if (parsed.ok) others.push(parsed.row);
        else rejects.push({ metrc_id: parsed.metrcId, error: parsed.error, raw: rawText(record) });
      }
    }
    const renewDue = Date.now() - (renewedAt.get(target.lease) ?? 0) > settings.leaseTtlMs / 4;
    await db.transaction().execute(async (trx) => {
      // The lease is extended now and then; every page is fenced by its token (advance).
      if (renewDue && !(await leases.renew(target.lease, settings.leaseTtlMs, trx)))
        throw syncErrors.SYNC_LEASE_LOST({ details: { licenseId: target.owner.licenseId } });
      await mirror.upsertPackages(target.owner, packages, at, trx);
      await mirror.upsertRecords(target.owner, others, at, trx);
      for (const reject of rejects)
        await state.reject(
          { ...reject, license_id: target.owner.licenseId, resource: stream.key, seen_at: at },
          trx,
        );
      const advanced = await state.advance(
        target.lease,
        stream.key,
        {
          window_start: checkpoint.window ? toTimestamp(checkpoint.window.start) : null,
          window_end: checkpoint.window ? toTimestamp(checkpoint.window.end) : null,
          window_page: checkpoint.pageNumber,
          updated_at: at,
        },
        {
          records: packages.length + others.length,
          rejected: rejects.length,
          pages: checkpoint.pages,
        },
        trx,
      );
      if (!advanced)
        throw syncErrors.SYNC_LEASE_LOST({ details: { licenseId: target.owner.licenseId } });
    });
    if (renewDue) renewedAt.set(target.lease, Date.now());
    for (const row of packages) listed?.add(row.metrc_id);
    return { stored: packages.length + others.length, rejected: rejects.length };
  }

  /** Every page of one window (or of an unwindowed list) from `firstPage`; Metrc's total. */
  async function walkWindow(
    target: PullTarget,
    stream: SyncStream,
    window: TimeRange | null,
    firstPage: number,
    report: (page: MetrcPage<unknown>, stored: number) => void,
    /** Collects the Metrc ids of the packages stored (the in-transit list). */
    listed?: Set<number>,
    /** The lastModified range asked of Metrc when it is not the checkpoint's window. */
    fetchWindow: TimeRange | null = window,
  ): Promise<{ total: number; stored: number; rejected: number; pages: number }> {
    let total = 0;
    let stored = 0;
    let rejected = 0;
    let pages = 0;
    const fetchPage = (pageNumber: number) =>
      fetchRawPage(target.api, {
        path: stream.path,
        licenseNumber: stream.perLicense ? target.licenseNumber : undefined,
        window: fetchWindow ?? undefined,
        pageNumber,
        signal: target.signal,
      });
    const batches = walkPageBatches(
      fetchPage,
      firstPage,
      settings.pagesAhead,
      MAX_PAGES_PER_TRANSACTION,
    );
    for await (const batch of batches) {
      const records: unknown[] = [];
      for (const page of batch) {
        total = page.total;
        let data = page.data;
        if (!stream.perLicense) data = data.filter((r) => facilityOf(r) === target.licenseNumber);
        data = await enrichRecords(target.api, stream, target.licenseNumber, data, target.signal);
        for (const record of data) records.push(record);
      }
      const last = batch[batch.length - 1] as MetrcPage<unknown>;
      const result = await storePages(
        target,
        stream,
        records,
        { window, pageNumber: last.pageNumber, pages: batch.length },
        listed,
      );
      stored += result.stored;
      rejected += result.rejected;
      pages += batch.length;
      report(last, stored);
      target.afterPageStored?.({ stream: stream.key, pageNumber: last.pageNumber });
    }
    return { total: stream.perLicense ? total : stored, stored, rejected, pages };
  }

  /** Compares the window's local count with Metrc's total; re-walks it once if short. */
  async function verifyWindow(
    target: PullTarget,
    stream: SyncStream,
    window: TimeRange,
    metrcTotal: number,
  ): Promise<number> {
    if (!stream.stamped) return 0;
    const bounds = { start: toTimestamp(window.start), end: toTimestamp(window.end) };
    const before = await mirror.countInWindow(target.owner.licenseId, stream, bounds);
    if (before >= metrcTotal) return 0;
    const rewalk = await walkWindow(target, stream, window, 1, () => {});
    const after = await mirror.countInWindow(target.owner.licenseId, stream, bounds);
    await state.recordGap({
      license_id: target.owner.licenseId,
      resource: stream.key,
      window_start: bounds.start,
      window_end: bounds.end,
      metrc_total: rewalk.total,
      local_before: before,
      local_after: after,
      healed: Math.max(0, after - before),
      detected_at: stamp(),
    });
    return Math.max(0, after - before);
  }

  async function pullStream(target: PullTarget, stream: SyncStream): Promise<StreamOutcome> {
    const licenseId = target.owner.licenseId;
    const checkpoint = await state.checkpoint(licenseId, stream.key, stamp());
    const outcome: StreamOutcome = {
      stream: stream.key,
      records: 0,
      rejected: 0,
      pages: 0,
      gapsHealed: 0,
    };
    await state.update(licenseId, stream.key, {
      status: 'running',
      last_run_at: stamp(),
      last_error_code: null,
      updated_at: stamp(),
    });
    const add = (r: { stored: number; rejected: number; pages: number }) => {
      outcome.records += r.stored;
      outcome.rejected += r.rejected;
      outcome.pages += r.pages;
    };

    if (!stream.windowed) {
      const listed = inTransit(stream) ? new Set<number>() : undefined;
      // Metrc answers a list asked without a window with recent changes only: the in-transit
      // list is read whole, over the backfill range in the endpoint's windows, on every run.
      const ranges: (TimeRange | null)[] = listed
        ? splitWindows(
            {
              start:
                target.since ?? new Date(clock.now().getTime() - settings.backfillDays * DAY_MS),
              end: new Date(Math.ceil(clock.now().getTime() / 1000) * 1000),
            },
            target.api.windowPolicy(stream.path),
          )
        : [null];
      for (const range of ranges)
        add(await walkWindow(target, stream, null, 1, () => {}, listed, range));
      // Packages no longer listed in transit were received (or the manifest voided).
      if (listed)
        await db.transaction().execute(async (trx) => {
          if (!(await leases.renew(target.lease, settings.leaseTtlMs, trx)))
            throw syncErrors.SYNC_LEASE_LOST({ details: { licenseId } });
          await mirror.settleInTransit(licenseId, listed, trx);
        });
    } else {
      // Whole seconds: Metrc reads the window's end to the second, so the watermark must too.
      // Rounded up, so a change made in this very second is inside the window.
      const now = new Date(Math.ceil(clock.now().getTime() / 1000) * 1000);
      const backfillFrom =
        checkpoint.backfill_from ??
        toTimestamp(target.since ?? new Date(now.getTime() - settings.backfillDays * DAY_MS));
      if (!checkpoint.backfill_from)
        await state.update(licenseId, stream.key, { backfill_from: backfillFrom });
      // An explicit `since` re-walks from there (`tracegate sync --since`); otherwise an
      // unfinished window resumes at the page after the last stored one.
      const resume =
        !target.since && checkpoint.window_start && checkpoint.window_end
          ? {
              start: new Date(checkpoint.window_start),
              end: new Date(checkpoint.window_end),
              page: checkpoint.window_page + 1,
            }
          : null;
      const from = resume
        ? resume.start
        : target.since
          ? target.since
          : checkpoint.watermark
            ? new Date(Date.parse(checkpoint.watermark) - settings.overlapMs)
            : new Date(backfillFrom);
      const policy = target.api.windowPolicy(stream.path);
      const windows = resume
        ? [
            { start: resume.start, end: resume.end },
            ...splitWindows(
              { start: new Date(resume.end.getTime() - policy.overlapMs), end: now },
              policy,
            ).filter((w) => w.end.getTime() > resume.end.getTime()),
          ]
        : splitWindows({ start: from, end: now }, policy);
      for (const [index, window] of windows.entries()) {
        target.signal?.throwIfAborted();
        const firstPage = index === 0 && resume ? resume.page : 1;
        const result = await walkWindow(target, stream, window, firstPage, (page, stored) =>
          target.onProgress?.({
            licenseId,
            licenseNumber: target.licenseNumber,
            stream: stream.key,
            window,
            windowIndex: index,
            windowCount: windows.length,
            pageNumber: page.pageNumber,
            totalPages: page.totalPages,
            recordsStored: outcome.records + stored,
          }),
        );
        add(result);
        outcome.gapsHealed += await verifyWindow(target, stream, window, result.total);
        const at = stamp();
        await db.transaction().execute(async (trx) => {
          if (!(await leases.renew(target.lease, settings.leaseTtlMs, trx)))
            throw syncErrors.SYNC_LEASE_LOST({ details: { licenseId } });
          await state.recordWindow(
            licenseId,
            stream.key,
            { start: toTimestamp(window.start), end: toTimestamp(window.end) },
            result.total,
            at,
            trx,
          );
          await state.update(
            licenseId,
            stream.key,
            {
              watermark: toTimestamp(window.end),
              window_start: null,
              window_end: null,
              window_page: 0,
              updated_at: at,
            },
            trx,
          );
        });
      }
      if (!checkpoint.backfill_done_at)
        await state.update(licenseId, stream.key, { backfill_done_at: stamp() });
    }
    await state.update(licenseId, stream.key, {
      status: 'idle',
      last_success_at: stamp(),
      updated_at: stamp(),
    });
    return outcome;
  }

  /**
   * Gap detection over the range already walked: Metrc's current total per window of the
   * endpoint's size (one `pageSize=1` GET each, however many small incremental windows were
   * walked) against the local count; a shortfall re-walks the window and is recorded as healed.
   */
  async function checkGaps(target: PullTarget, since: string): Promise<number> {
    let healed = 0;
    for (const stream of target.streams) {
      if (!stream.windowed || !stream.stamped) continue;
      const checkpoint = await state.checkpoint(target.owner.licenseId, stream.key, stamp());
      if (!checkpoint.watermark) continue;
      const range = { start: new Date(since), end: new Date(checkpoint.watermark) };
      for (const window of splitWindows(range, target.api.windowPolicy(stream.path))) {
        target.signal?.throwIfAborted();
        const probe = await fetchRawPage(target.api, {
          path: stream.path,
          licenseNumber: target.licenseNumber,
          window,
          pageNumber: 1,
          pageSize: 1,
          signal: target.signal,
        });
        healed += await verifyWindow(target, stream, window, probe.total);
      }
    }
    return healed;
  }

  /** Pulls the target's streams in order; the first failure stops the license's run. */
  async function pull(
    target: PullTarget,
    options: { labResults: boolean; labResultsSince: string | null },
  ): Promise<StreamOutcome[]> {
    const outcomes: StreamOutcome[] = [];
    for (const stream of target.streams) {
      try {
        outcomes.push(await pullStream(target, stream));
      } catch (error) {
        await state.update(target.owner.licenseId, stream.key, {
          status: 'error',
          last_error_code: errorCode(error),
          updated_at: stamp(),
        });
        throw error;
      }
    }
    if (options.labResults) outcomes.push(await pullLabResults(target, options.labResultsSince));
    return outcomes;
  }

  return { pull, pullStream, checkGaps };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

const inTransit = (stream: SyncStream) =>
  stream.resource === 'packages' && stream.status === 'intransit';

function facilityOf(record: unknown): string | null {
  const license = (record as { License?: { Number?: unknown } } | null)?.License;
  return typeof license?.Number === 'string' ? license.Number : null;
}

function rawText(record: unknown): string {
  try {
    return JSON.stringify(record) ?? 'null';
  } catch {
    return String(record);
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'SYNC_FAILED';
}
