import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { DB } from '../db/index.ts';
import { type Clock, isAppError, type Logger, toTimestamp } from '../lib/index.ts';
import type { Vault } from '../vault/index.ts';
import type { CredentialEvents } from './credential-events.ts';
import { keyAgeDays } from './credential-rules-fns.ts';
import { openCredentialKey } from './credential-sealing.ts';
import { type CredentialView, toCredentialView } from './credential-views.ts';
import type { CredentialsRepo } from './credentials-repo.ts';
import type { VendorKeysService } from './vendor-keys-service.ts';
import { statusAfter } from './verification-fns.ts';
import type { MetrcKeyProbe } from './verification-types.ts';
import { verifyKey } from './verify-key.ts';

/** A 401 seen elsewhere re-verifies at once, but not more often than this per credential. */
export const UNAUTHORIZED_RECHECK_MIN_MS = 60_000;

/**
 * Keeps saved keys honest (rules 8–9): re-verifies every credential on a schedule and at once
 * when a 401 is seen, records status changes with a diagnosis, and audits them.
 */
export function createCredentialHealthService(deps: {
  db: Kysely<DB>;
  repo: CredentialsRepo;
  vault: Vault;
  vendorKeys: VendorKeysService;
  probe: MetrcKeyProbe;
  audit: AuditService;
  clock: Clock;
  logger: Logger;
  /** How old a verification may get before the schedule repeats it. */
  reverifyIntervalMs: number;
  /** Told when a key turns valid again (a paused license resumes). */
  events?: CredentialEvents;
}) {
  const { db, repo, vault, vendorKeys, audit, clock, logger } = deps;

  /** Re-verifies one credential against its assigned licenses and stores the outcome. */
  async function reverify(organizationId: number, id: number): Promise<CredentialView | null> {
    const row = await repo.find(organizationId, id);
    if (!row) return null;
    const now = clock.now();
    const key = await openCredentialKey(vault, row);
    const vendorKey = await vendorKeys.keyFor(row.state, row.environment);
    const result = await verifyKey(
      { probe: deps.probe, clock },
      {
        target: { state: row.state, environment: row.environment, vendorKey, userKey: key },
        licenseNumbers: row.licenses.map((l) => l.number),
        allIfEmpty: false,
        keyAgeDays: keyAgeDays(row.key_first_seen_at, now),
      },
    );
    const next = statusAfter(result.outcome, result.report.diagnosis);
    if (!next) {
      logger.warn({ credentialId: id }, 'credential check skipped: Metrc unavailable');
      return toCredentialView(row, now);
    }
    const stamp = toTimestamp(now);
    const changed = next.status !== row.status || next.reason !== row.status_reason;
    await db.transaction().execute(async (trx) => {
      await repo.update(
        organizationId,
        id,
        {
          status: next.status,
          status_reason: next.reason,
          ...(next.status !== row.status && { status_changed_at: stamp }),
          last_verified_at: stamp,
          verification_report: JSON.stringify(result.report),
        },
        trx,
      );
      if (changed) {
        await audit.record(
          {
            organizationId,
            actor: {},
            action: 'credential.status_changed',
            target: { type: 'credential', id },
            details: {
              from: row.status,
              to: next.status,
              reason: next.reason,
              fingerprint: row.fingerprint,
            },
          },
          trx,
        );
      }
    });
    const updated = await repo.find(organizationId, id);
    if (updated && changed && next.status === 'valid') {
      await deps.events?.keySaved({
        organizationId,
        credentialId: id,
        kind: updated.kind,
        state: updated.state,
        ownerUserId: updated.owner_user_id,
        status: updated.status,
        licenseIds: updated.licenses.map((l) => l.id),
      });
    }
    return updated ? toCredentialView(updated, now) : null;
  }

  /**
   * Scheduled pass: re-verifies every credential whose last check is older than the interval,
   * one at a time, until told to stop.
   */
  async function runDue(
    options: { signal?: AbortSignal } = {},
  ): Promise<{ checked: number; failed: number }> {
    const cutoff = toTimestamp(new Date(clock.now().getTime() - deps.reverifyIntervalMs));
    const due = (await repo.listAllIds()).filter(
      (c) => !c.last_verified_at || c.last_verified_at <= cutoff,
    );
    let checked = 0;
    let failed = 0;
    for (const credential of due) {
      // Told to stop (shutdown): the rest are still due at the next pass.
      if (options.signal?.aborted) break;
      checked++;
      try {
        await reverify(credential.organization_id, credential.id);
      } catch (error) {
        failed++;
        logger.warn(
          { credentialId: credential.id, code: isAppError(error) ? error.code : undefined },
          'credential check failed',
        );
      }
    }
    return { checked, failed };
  }

  /** Another feature saw Metrc answer 401 with this credential: check it now (rule 8). */
  async function reportUnauthorized(
    organizationId: number,
    id: number,
  ): Promise<CredentialView | null> {
    const row = await repo.find(organizationId, id);
    if (!row) return null;
    const last = row.last_verified_at ? Date.parse(row.last_verified_at) : 0;
    if (clock.now().getTime() - last < UNAUTHORIZED_RECHECK_MIN_MS)
      return toCredentialView(row, clock.now());
    return reverify(organizationId, id);
  }

  return { reverify, runDue, reportUnauthorized };
}

export type CredentialHealthService = ReturnType<typeof createCredentialHealthService>;
