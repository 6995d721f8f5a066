/**
 * Works one leased license: repeatedly takes the oldest due submissions of its line, routes the
 * key (rule 6), and hands a batch to the sender, until the line is empty, waits (backoff,
 * circuit), the license pauses, the lease is lost, or the worker stops.
 *
 * Order: rows go strictly by id. A row touching an object of a failed or held row waits behind
 * it (and so do rows touching its objects in turn); everything else keeps reporting.
 */
import type { AuditService } from '../audit/index.ts';
import type { CredentialHealthService, CredentialsRepo } from '../credentials/index.ts';
import type { License } from '../db/index.ts';
import { type Clock, type Logger, toTimestamp } from '../lib/index.ts';
import type { LicensesRepo } from '../licenses/index.ts';
import type { MetrcClient, MetrcUnauthorizedError } from '../metrc/index.ts';
import { openedOnce, type SecretOpener, type Vault } from '../vault/index.ts';
import { actionFor } from './actions/action-catalogue.ts';
import type { AnyOutboxAction } from './actions/action-types.ts';
import { type BatchOutcome, createBatchSender } from './batch-sender.ts';
import type { KeyRouter, Route, RoutedKey } from './key-router.ts';
import type { LicenseLease, LicenseLeasesRepo } from './license-leases-repo.ts';
import type { OutboxSettings } from './outbox-settings.ts';
import type { StateCircuits } from './state-circuits.ts';
import type { SubmissionSettler } from './submission-settler.ts';
import type { LineRow, SubmissionsRepo } from './submissions-repo.ts';
import type { WriteCap } from './write-cap.ts';

/**
 * Rows read per page of a license's line while looking for the next batch: one more than the
 * largest batch, so the common case (nothing set aside) reads one page that holds the whole
 * batch and the row that ends it. Reading 200 rows (and parsing their touches) per batch of 50
 * cost more than the rest of the plan together.
 */
const linePageFor = (batchSize: number) => Math.max(2, batchSize + 1);
/** Reads of the line's first page that may find the work counter moved, before one transaction. */
const MAX_LINE_TRIES = 3;
/** Requests per lease before the license goes to the back of the queue (fairness). */
const STEPS_PER_LEASE = 50;
/** How long a key Metrc refused is treated as invalid here, whatever its stored status says. */
const REFUSED_KEY_MS = 5 * 60_000;

interface AsideCache {
  key: string;
  touches: string[];
}

/**
 * Rule 6's answers kept across one drain's steps, per actor and release, while nothing they
 * depend on changed: the routing version read with the line (bumped by trigger with every change
 * to keys, their licenses, vendor keys and policies: migration 0014) and the keys Metrc refused
 * here. Read fresh, the route was one statement per request.
 */
interface RouteCache {
  key: string;
  routes: Map<string, Route>;
}

/** What one drain keeps from step to step (a plan on its own starts with an empty one). */
interface DrainMemo {
  aside: AsideCache;
  routes: RouteCache;
  /** Opens each sealed key once per drain (vault `openedOnce`). */
  opener: SecretOpener;
}

export type DrainEnd = 'idle' | 'wait' | 'paused' | 'yield' | 'stopped';

export interface LicenseDrainDeps {
  submissions: SubmissionsRepo;
  leases: LicenseLeasesRepo;
  licenses: Pick<LicensesRepo, 'find'>;
  credentials: Pick<CredentialsRepo, 'find'>;
  router: KeyRouter;
  vault: Pick<Vault, 'open'>;
  metrc: Pick<MetrcClient, 'forKeys'>;
  health: Pick<CredentialHealthService, 'reportUnauthorized'>;
  audit: AuditService;
  settle: SubmissionSettler;
  writeCap: WriteCap;
  circuits: StateCircuits;
  clock: Clock;
  logger: Logger;
  settings: OutboxSettings;
  random?: () => number;
}

type Plan =
  | { kind: 'idle'; seq: number }
  | { kind: 'wait'; until: Date }
  | { kind: 'hold'; row: LineRow; reason: string }
  | { kind: 'fail'; row: LineRow; code: string; message: string }
  | { kind: 'batch'; action: AnyOutboxAction; rows: LineRow[]; key: RoutedKey };

export function createLicenseDrainer(deps: LicenseDrainDeps) {
  const { submissions, leases, settle, clock, settings } = deps;
  const sender = createBatchSender({
    settle,
    writeCap: deps.writeCap,
    circuits: deps.circuits,
    settings,
    now: () => clock.now(),
    logger: deps.logger,
    random: deps.random,
  });
  /** Keys Metrc refused (`credentialId:fingerprint`): a replaced key is a new entry. */
  const refused = new Map<string, number>();

  function refusedNow(): Set<string> {
    const now = clock.now().getTime();
    for (const [id, until] of refused) if (until <= now) refused.delete(id);
    return new Set(refused.keys());
  }

  /**
   * The line's first page and what the license's failed and held rows touch, as of one moment.
   * The set-aside list is kept across one drain's steps while nothing could have changed it:
   * people's retry, dismiss, release and saved keys, and enqueues (a row may be held from the
   * start), all bump `work_seq`, and this worker's own failed/held settles bump the settler's
   * count. The page comes with `work_seq` from the same snapshot; if the counter moved since the
   * list was read, the list is read again, then the page (so a row set aside between the two
   * reads is never missed); if it keeps moving, both are read in one transaction.
   */
  async function firstPage(license: License, cache: AsideCache, linePage: number) {
    const keyAt = (seq: number) => `${seq}:${settle.asideChanges(license.id)}`;
    for (let tries = 0; tries < MAX_LINE_TRIES; tries++) {
      const page = await submissions.lineWithSeq(license.id, 0, linePage);
      if (cache.key === keyAt(page.seq)) return page;
      cache.touches = await submissions.asideTouches(license.id);
      cache.key = keyAt(page.seq);
    }
    const both = await submissions.asideAndLine(license.id, linePage);
    cache.touches = both.touches;
    cache.key = keyAt(both.seq);
    return both;
  }

  const newMemo = (opener: SecretOpener): DrainMemo => ({
    aside: { key: '', touches: [] },
    routes: { key: '', routes: new Map() },
    opener,
  });

  /** The next thing to do on this license's line. */
  async function plan(license: License, memo: DrainMemo = newMemo(deps.vault)): Promise<Plan> {
    const { aside, routes: routeCache, opener } = memo;
    const linePage = linePageFor(settings.batchSize);
    const first = await firstPage(license, aside, linePage);
    const seq = first.seq;
    const blocked = new Set(aside.touches);
    const now = toTimestamp(clock.now());
    const refusedKeys = refusedNow();
    const routesKey = `${first.routingSeq}:${[...refusedKeys].sort().join(',')}`;
    if (routeCache.key !== routesKey) {
      routeCache.key = routesKey;
      routeCache.routes = new Map();
    }
    const { routes } = routeCache;
    const routeOf = async (row: LineRow) => {
      const cacheKey = `${row.actor_user_id}:${row.released_at !== null}`;
      let route = routes.get(cacheKey);
      if (!route) {
        route = await deps.router.route(
          {
            organizationId: license.organization_id,
            licenseId: license.id,
            state: license.state,
            actorUserId: row.actor_user_id,
            released: row.released_at !== null,
          },
          refusedKeys,
          opener,
        );
        routes.set(cacheKey, route);
      }
      return route;
    };

    let afterId = 0;
    let batch: { action: AnyOutboxAction; rows: LineRow[]; key: RoutedKey } | null = null;
    for (let pageNo = 0; ; pageNo++) {
      let page = first.rows;
      if (pageNo > 0) {
        const next = await submissions.lineWithSeq(license.id, afterId, linePage);
        // Something changed since the first page: plan again from a fresh snapshot.
        if (next.seq !== seq) return plan(license, memo);
        page = next.rows;
      }
      for (const row of page) {
        afterId = row.id;
        const touches = JSON.parse(row.touches) as string[];
        if (touches.some((t) => blocked.has(t))) {
          for (const t of touches) blocked.add(t);
          continue;
        }
        if (!batch) {
          if (row.next_attempt_at > now)
            return { kind: 'wait', until: new Date(row.next_attempt_at) };
          const action = actionFor(row.kind);
          if (!action) {
            return {
              kind: 'fail',
              row,
              code: 'OUTBOX_KIND_UNKNOWN',
              message: `No action ${row.kind}.`,
            };
          }
          const route = await routeOf(row);
          if (route.use === 'hold') return { kind: 'hold', row, reason: route.reason };
          batch = { action, rows: [row], key: route.key };
          if (!action.batch || row.in_doubt === 1) return { kind: 'batch', ...batch };
          continue;
        }
        // Later rows join only while they are the same kind, due, certain, and under the same key.
        const max = Math.min(batch.action.batch?.maxRows ?? 1, settings.batchSize);
        if (
          row.kind !== batch.action.kind ||
          row.in_doubt === 1 ||
          row.next_attempt_at > now ||
          batch.rows.length >= max
        ) {
          return { kind: 'batch', ...batch };
        }
        const route = await routeOf(row);
        if (route.use !== 'send' || route.key.credentialId !== batch.key.credentialId) {
          return { kind: 'batch', ...batch };
        }
        batch.rows.push(row);
      }
      if (page.length < linePage) break;
    }
    return batch ? { kind: 'batch', ...batch } : { kind: 'idle', seq };
  }

  /** Works the license until there is nothing to do now; ends how it ended. */
  async function drain(lease: LicenseLease, stopping: () => boolean): Promise<DrainEnd> {
    const license = await deps.licenses.find(lease.organizationId, lease.licenseId);
    if (!license) return 'idle';
    // Keys (and vendor keys) are read again whenever the routing version moved; the same sealed
    // key is decrypted once per drain.
    const memo = newMemo(openedOnce(deps.vault));
    // The last holder's request was never settled: its rows are in doubt until looked up.
    if (lease.unsettled) await settle.recover(lease, lease.unsettled);
    for (let step = 0; ; step++) {
      if (stopping()) return 'stopped';
      if (step >= STEPS_PER_LEASE) {
        await leases.deferTo(lease, clock.now());
        return 'yield';
      }
      const closedUntil = deps.circuits.admit(license.state);
      if (closedUntil) {
        await leases.deferTo(lease, closedUntil);
        return 'wait';
      }
      const next = await plan(license, memo);
      if (next.kind === 'idle') {
        // Only if nothing arrived since we looked; otherwise look again.
        if (await leases.rest(lease, next.seq, null)) return 'idle';
        continue;
      }
      if (next.kind === 'wait') {
        await leases.deferTo(lease, next.until);
        return 'wait';
      }
      if (next.kind === 'hold') {
        await settle.held(lease, next.row, next.reason);
        continue;
      }
      if (next.kind === 'fail') {
        await settle.failed(lease, next.row, { code: next.code, message: next.message });
        continue;
      }
      const api = deps.metrc.forKeys({
        state: license.state,
        vendorKey: next.key.vendorKey,
        userKey: next.key.userKey,
      });
      const outcome: BatchOutcome = await sender.send({
        lease,
        license,
        action: next.action,
        rows: next.rows,
        key: next.key,
        api,
      });
      if (outcome.next === 'wait') return 'wait';
      if (outcome.next === 'unauthorized') {
        const paused = await unauthorized(lease, license, next.key, outcome.error);
        if (paused) return 'paused';
      }
    }
  }

  /**
   * Rule 8: a refused facility key pauses the license (the health check records why); a refused
   * own key is set aside so the rows route again (facility key, or held in a strict state).
   */
  async function unauthorized(
    lease: LicenseLease,
    license: License,
    key: RoutedKey,
    error: MetrcUnauthorizedError,
  ): Promise<boolean> {
    refused.set(`${key.credentialId}:${key.fingerprint}`, clock.now().getTime() + REFUSED_KEY_MS);
    try {
      await deps.health.reportUnauthorized(license.organization_id, key.credentialId);
    } catch (healthError) {
      deps.logger.warn(
        { err: healthError, credentialId: key.credentialId },
        'outbox: key check failed',
      );
    }
    if (key.attribution === 'own') return false;
    const credential = await deps.credentials.find(license.organization_id, key.credentialId);
    const report = credential?.verification_report
      ? (JSON.parse(credential.verification_report) as { diagnosis?: { message?: string } | null })
      : null;
    const why =
      credential && credential.status !== 'valid'
        ? (report?.diagnosis?.message ?? 'Metrc no longer accepts the facility key.')
        : 'Metrc refused the facility key (401).';
    const rows = await submissions.inLine(license.id, 0, 1);
    await settle.pause(lease, rows, {
      code: credential?.status_reason ?? error.code,
      message: `We've stopped syncing with the state. ${why} Sales and other actions are still accepted and will be reported, with their original times, once a valid key is saved.`,
      credentialId: key.credentialId,
    });
    return true;
  }

  return { drain, plan };
}

export type LicenseDrainer = ReturnType<typeof createLicenseDrainer>;
