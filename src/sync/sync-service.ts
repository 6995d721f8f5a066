/**
 * Runs pull sync: which licenses and resources are due, the lease that lets one process pull a
 * license, the facility key (rule 6), the pause after a 401 (and the credential health check it
 * triggers), back-off after 429/5xx, and "refresh now".
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CredentialHealthService, VendorKeysService } from '../credentials/index.ts';
import { chooseDownloadKey, credentialsErrors } from '../credentials/index.ts';
import type { CredentialStatus, DB, Dialect } from '../db/index.ts';
import { type Clock, isAppError, type Logger, toTimestamp } from '../lib/index.ts';
import { licenseFeatures } from '../licenses/index.ts';
import { type MetrcClient, MetrcUnauthorizedError } from '../metrc/index.ts';
import type { Vault } from '../vault/index.ts';
import { createMirrorRepo } from './mirror-repo.ts';
import {
  createSyncEngine,
  type StreamOutcome,
  type SyncProgress,
  type SyncSettings,
} from './sync-engine.ts';
import { syncErrors } from './sync-errors.ts';
import { createSyncLeasesRepo } from './sync-leases-repo.ts';
import {
  FREQUENT_RESOURCES,
  isSyncResource,
  type SyncResource,
  streamsFor,
} from './sync-resources.ts';
import { createSyncStateRepo } from './sync-state-repo.ts';
import { buildSyncStatus } from './sync-status.ts';
import { createSyncTargetsRepo, type SyncTarget } from './sync-targets-repo.ts';

export interface SyncServiceSettings extends SyncSettings {
  frequentIntervalMs: number;
  nightlyIntervalMs: number;
  /** Licenses pulled at once by one process. */
  parallelLicenses: number;
  /** First wait after a failed run (429/5xx/network); doubles up to an hour. */
  backoffMs: number;
}

export interface SyncRunOptions {
  resources?: readonly SyncResource[] | undefined;
  since?: Date | undefined;
  onProgress?: ((progress: SyncProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  afterPageStored?: ((info: { stream: string; pageNumber: number }) => void) | undefined;
  /** Also re-check the windows walked since this time against Metrc's totals (gap detection). */
  checkGapsSince?: Date | undefined;
}

export interface SyncRunResult {
  licenseId: number;
  licenseNumber: string;
  /** `stopped`: told to stop (shutdown, lost job lease) before it finished. */
  status: 'ok' | 'paused' | 'busy' | 'failed' | 'no-key' | 'stopped';
  errorCode: string | null;
  streams: StreamOutcome[];
  /** Records gap detection added back (0 when it found nothing missing). */
  gapsHealed: number;
}

export function createSyncService(deps: {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  logger: Logger;
  vault: Vault;
  vendorKeys: VendorKeysService;
  health: Pick<CredentialHealthService, 'reportUnauthorized'>;
  /** Null in processes without Metrc (then pulling fails with a clear code). */
  metrc: MetrcClient | null;
  settings: SyncServiceSettings;
  /** This process's name in lease rows. */
  holder?: string;
}) {
  const { db, clock, logger, settings } = deps;
  const holder = deps.holder ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const state = createSyncStateRepo(db);
  const leases = createSyncLeasesRepo(db, deps.dialect);
  const targets = createSyncTargetsRepo(db);
  const mirror = createMirrorRepo(db);
  const engine = createSyncEngine({ db, state, mirror, leases, clock, settings });
  const backoff = new Map<number, { until: number; delayMs: number }>();
  const stamp = () => toTimestamp(clock.now());

  async function apiFor(target: SyncTarget) {
    const credentialId = chooseDownloadKey(
      target.credential_id === null
        ? null
        : { id: target.credential_id, status: target.credential_status as CredentialStatus },
    );
    if (credentialId === null) return null;
    const row = await targets.sealedKey(credentialId);
    if (!row) return null;
    if (!deps.metrc) throw credentialsErrors.METRC_NOT_CONFIGURED();
    const userKey = await deps.vault.open(row.secret_ref, row.sealed_key);
    const vendorKey = await deps.vendorKeys.keyFor(row.state, row.environment);
    return { api: deps.metrc.forKeys({ state: row.state, vendorKey, userKey }), credentialId };
  }

  /** Pulls one license now (under its lease); never throws for Metrc's answers. */
  async function syncTarget(
    target: SyncTarget,
    options: SyncRunOptions = {},
  ): Promise<SyncRunResult> {
    const result: SyncRunResult = {
      licenseId: target.license_id,
      licenseNumber: target.number,
      status: 'ok',
      errorCode: null,
      streams: [],
      gapsHealed: 0,
    };
    const keyed = await apiFor(target);
    if (!keyed) return { ...result, status: 'no-key', errorCode: 'SYNC_NO_FACILITY_KEY' };
    const lease = await leases.acquire(target.license_id, holder, settings.leaseTtlMs);
    if (!lease) return { ...result, status: 'busy', errorCode: 'SYNC_BUSY' };
    const startedAt = stamp();
    try {
      const features = licenseFeatures(JSON.parse(target.facility_type || '{}'));
      const streams = streamsFor(features, options.resources);
      const wantsLabs =
        features.packages && (!options.resources || options.resources.includes('lab_results'));
      const labsCheckpoint = wantsLabs
        ? await state.checkpoint(target.license_id, 'lab_results:packages', startedAt)
        : null;
      const pullTarget = {
        api: keyed.api,
        owner: { organizationId: target.organization_id, licenseId: target.license_id },
        licenseNumber: target.number,
        lease,
        streams,
        since: options.since,
        onProgress: options.onProgress,
        signal: options.signal,
        afterPageStored: options.afterPageStored,
      };
      result.streams = await engine.pull(pullTarget, {
        labResults: wantsLabs,
        labResultsSince: labsCheckpoint?.last_run_at ?? null,
      });
      if (options.checkGapsSince)
        result.gapsHealed = await engine.checkGaps(pullTarget, toTimestamp(options.checkGapsSince));
      result.gapsHealed += result.streams.reduce((sum, s) => sum + s.gapsHealed, 0);
      backoff.delete(target.license_id);
      if (target.paused_at) await leases.resume(target.license_id);
    } catch (error) {
      if (error instanceof MetrcUnauthorizedError) {
        // Rule 8: stop pulling with a key Metrc refuses, and have the key checked now.
        await leases.pause(target.license_id, 'METRC_UNAUTHORIZED', stamp());
        await deps.health
          .reportUnauthorized(target.organization_id, keyed.credentialId)
          .catch((err: unknown) => logger.warn({ err }, 'credential check after 401 failed'));
        logger.warn(
          { licenseId: target.license_id },
          'sync paused: Metrc refused the facility key',
        );
        return { ...result, status: 'paused', errorCode: 'METRC_UNAUTHORIZED' };
      }
      if (options.signal?.aborted) {
        // Stopped (shutdown, lost job lease), not failed: the next run goes on from what is stored.
        logger.info({ licenseId: target.license_id }, 'sync of a license stopped');
        return { ...result, status: 'stopped', errorCode: 'SYNC_STOPPED' };
      }
      const code = isAppError(error) ? error.code : (error as { code?: string }).code;
      const previous = backoff.get(target.license_id)?.delayMs ?? 0;
      const delayMs = Math.min(previous === 0 ? settings.backoffMs : previous * 2, 3_600_000);
      backoff.set(target.license_id, { until: clock.now().getTime() + delayMs, delayMs });
      logger.warn({ licenseId: target.license_id, code }, 'sync of a license failed');
      return {
        ...result,
        status: 'failed',
        errorCode: typeof code === 'string' ? code : 'SYNC_FAILED',
      };
    } finally {
      await leases.release(lease).catch(() => {});
    }
    return result;
  }

  async function resolve(
    organizationId: number | null,
    license: number | string,
  ): Promise<SyncTarget> {
    let target: SyncTarget | undefined;
    if (organizationId === null) {
      // The operator's CLI: a license number names one license across organizations.
      const found = (await targets.all()).filter((t) => t.number === String(license));
      if (found.length > 1)
        throw syncErrors.SYNC_LICENSE_NOT_FOUND({
          message: 'Several organizations have this license number: name one with --org.',
          details: { license },
        });
      target = found[0];
    } else {
      target =
        typeof license === 'number'
          ? await targets.one(organizationId, license)
          : await targets.byNumber(organizationId, license);
    }
    if (!target) throw syncErrors.SYNC_LICENSE_NOT_FOUND({ details: { license } });
    return target;
  }

  /** `tracegate sync` and tests: pull one license now, in this process (null: any organization). */
  async function syncLicense(
    organizationId: number | null,
    license: number | string,
    options: SyncRunOptions = {},
  ): Promise<SyncRunResult> {
    const target = await resolve(organizationId, license);
    if (target.credential_id === null || target.credential_status !== 'valid')
      throw syncErrors.SYNC_NO_FACILITY_KEY({ details: { license: target.number } });
    return syncTarget(target, options);
  }

  /** "Refresh now": the worker pulls the license at its next tick (within seconds). */
  async function requestRefresh(
    organizationId: number,
    licenseId: number,
    resource?: string,
  ): Promise<{ requestedAt: string }> {
    if (resource !== undefined && !isSyncResource(resource))
      throw syncErrors.SYNC_RESOURCE_UNKNOWN({ details: { resource } });
    const target = await resolve(organizationId, licenseId);
    if (target.credential_id === null)
      throw syncErrors.SYNC_NO_FACILITY_KEY({ details: { license: target.number } });
    const requestedAt = stamp();
    await leases.requestRefresh(licenseId, resource ?? null, requestedAt);
    // A refresh is also how a person says "the key is fixed": lift the pause.
    if (target.paused_at) await leases.resume(licenseId);
    return { requestedAt };
  }

  /** Which resources of a license are due now. */
  async function dueResources(target: SyncTarget): Promise<SyncResource[] | 'none'> {
    const now = clock.now().getTime();
    if (target.refresh_requested_at)
      return target.refresh_resource && isSyncResource(target.refresh_resource)
        ? [target.refresh_resource]
        : [];
    const checkpoints = await state.listCheckpoints([target.license_id]);
    const lastOk = new Map<string, number>();
    for (const c of checkpoints) {
      const resource = c.resource.split(':')[0] as SyncResource;
      const at = c.last_success_at ? Date.parse(c.last_success_at) : 0;
      lastOk.set(resource, Math.min(lastOk.get(resource) ?? Number.POSITIVE_INFINITY, at));
    }
    const due = (resource: SyncResource) => {
      const interval = FREQUENT_RESOURCES.includes(resource)
        ? settings.frequentIntervalMs
        : settings.nightlyIntervalMs;
      return now - (lastOk.get(resource) ?? 0) >= interval;
    };
    const all = [
      ...new Set(
        streamsFor(licenseFeatures(JSON.parse(target.facility_type || '{}'))).map(
          (s) => s.resource,
        ),
      ),
      'lab_results' as const,
    ];
    const list = all.filter(due);
    return list.length === 0 ? 'none' : list;
  }

  /** The worker's tick: every due license, a few at a time, each under its lease. */
  async function runDue(options: { signal?: AbortSignal } = {}): Promise<SyncRunResult[]> {
    const all = await targets.all();
    const now = clock.now().getTime();
    const work: { target: SyncTarget; resources: SyncResource[] | undefined }[] = [];
    for (const target of all) {
      if (target.credential_status !== 'valid') continue;
      if (target.paused_at) {
        // Resume once the key has been verified valid again after the pause.
        const changed = target.credential_status_changed_at ?? '';
        if (changed <= target.paused_at) continue;
        await leases.resume(target.license_id);
      }
      if (!target.refresh_requested_at && (backoff.get(target.license_id)?.until ?? 0) > now)
        continue;
      const due = await dueResources(target);
      if (due === 'none') continue;
      work.push({ target, resources: due.length === 0 ? undefined : due });
    }
    const results: SyncRunResult[] = [];
    let next = 0;
    const lanes = Array.from({ length: Math.max(1, settings.parallelLicenses) }, async () => {
      while (next < work.length) {
        const item = work[next++];
        if (!item || options.signal?.aborted) return;
        // With the nightly resources, re-check the last backfill range for gaps as well.
        const nightly = !item.resources || item.resources.includes('facilities');
        const result = await syncTarget(item.target, {
          resources: item.resources,
          signal: options.signal,
          checkGapsSince: nightly
            ? new Date(clock.now().getTime() - settings.backfillDays * 86_400_000)
            : undefined,
        });
        if (item.target.refresh_requested_at && result.status !== 'busy')
          await leases.clearRefresh(item.target.license_id, item.target.refresh_requested_at);
        results.push(result);
      }
    });
    await Promise.all(lanes);
    return results;
  }

  async function status(organizationId: number, licenseId?: number) {
    const rows = await targets.ofOrganization(organizationId);
    const chosen = licenseId === undefined ? rows : rows.filter((r) => r.license_id === licenseId);
    if (licenseId !== undefined && chosen.length === 0)
      throw syncErrors.SYNC_LICENSE_NOT_FOUND({ details: { license: licenseId } });
    const ids = chosen.map((r) => r.license_id);
    const [checkpoints, gaps] = await Promise.all([state.listCheckpoints(ids), state.gaps(ids)]);
    return buildSyncStatus(chosen, checkpoints, gaps, clock.now());
  }

  return { syncLicense, requestRefresh, runDue, status, holder };
}

export type SyncService = ReturnType<typeof createSyncService>;
