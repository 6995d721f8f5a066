import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { DB, MetrcEnvironment, VendorKeyRow } from '../db/index.ts';
import { type Clock, commonErrors, type Secret, toTimestamp } from '../lib/index.ts';
import { requireMetrcState } from '../licenses/index.ts';
import type { Vault } from '../vault/index.ts';
import { normaliseKey } from './credential-rules-fns.ts';
import { credentialsErrors } from './credentials-errors.ts';
import type { VendorKeysRepo } from './vendor-keys-repo.ts';
import type { KeyTarget } from './verification-types.ts';

export interface VendorKeyView {
  state: string;
  environment: MetrcEnvironment;
  fingerprint: string;
  updatedAt: string;
}

function toView(row: VendorKeyRow): VendorKeyView {
  return {
    state: row.state,
    environment: row.environment,
    fingerprint: row.fingerprint,
    updatedAt: row.updated_at,
  };
}

/**
 * The integrator's Metrc vendor keys, one per state and environment, sealed in the vault.
 * Deployment-wide: only platform admins (or the CLI) set them; nobody reads them back.
 */
export function createVendorKeysService(deps: {
  db: Kysely<DB>;
  repo: VendorKeysRepo;
  vault: Vault;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, vault, audit, clock } = deps;

  async function set(
    actor: AuditActor,
    input: { state: string; environment: MetrcEnvironment; key: Secret },
  ): Promise<VendorKeyView> {
    const state = requireMetrcState(input.state);
    input = { ...input, key: normaliseKey(input.key) };
    const ref = `vendor_key:${randomUUID()}`;
    const sealed = await vault.seal(ref, input.key);
    const now = toTimestamp(clock.now());
    const secret = {
      secret_ref: ref,
      sealed_key: sealed,
      fingerprint: input.key.fingerprint(),
      updated_at: now,
      created_by_user_id: actor.userId ?? null,
    };
    let replacedRef: string | null = null;
    try {
      await db.transaction().execute(async (trx) => {
        const existing = await repo.find(state, input.environment, trx);
        if (existing) {
          replacedRef = existing.secret_ref;
          await repo.replaceSecret(existing.id, secret, trx);
        } else {
          await repo.insert(
            { ...secret, state, environment: input.environment, created_at: now },
            trx,
          );
        }
        await audit.record(
          {
            organizationId: null,
            actor,
            action: 'vendor_key.set',
            target: { type: 'vendor_key', id: `${state}/${input.environment}` },
            details: { fingerprint: secret.fingerprint, replaced: replacedRef !== null },
          },
          trx,
        );
      });
    } catch (error) {
      await vault.destroy(ref);
      throw error;
    }
    if (replacedRef) await vault.destroy(replacedRef);
    const row = await repo.find(state, input.environment);
    if (!row) throw commonErrors.NOT_FOUND();
    return toView(row);
  }

  async function list(): Promise<VendorKeyView[]> {
    return (await repo.list()).map(toView);
  }

  /** The vendor key for calls to Metrc; VENDOR_KEY_MISSING when none is set. */
  async function keyFor(state: string, environment: MetrcEnvironment): Promise<Secret> {
    const row = await repo.find(state.toLowerCase(), environment);
    if (!row) {
      throw credentialsErrors.VENDOR_KEY_MISSING({
        details: { state: state.toLowerCase(), environment },
      });
    }
    return vault.open(row.secret_ref, row.sealed_key);
  }

  async function remove(
    actor: AuditActor,
    state: string,
    environment: MetrcEnvironment,
  ): Promise<void> {
    const row = await repo.find(state.toLowerCase(), environment);
    if (!row) throw commonErrors.NOT_FOUND();
    await db.transaction().execute(async (trx) => {
      await repo.delete(row.id, trx);
      await audit.record(
        {
          organizationId: null,
          actor,
          action: 'vendor_key.deleted',
          target: { type: 'vendor_key', id: `${row.state}/${environment}` },
          details: { fingerprint: row.fingerprint },
        },
        trx,
      );
    });
    await vault.destroy(row.secret_ref);
  }

  /** The key as a target in every other state with a vendor key (diagnosing a key of another state). */
  async function otherStateTargets(
    state: string,
    environment: MetrcEnvironment,
    userKey: Secret,
  ): Promise<KeyTarget[]> {
    const rows = (await repo.list()).filter(
      (r) => r.environment === environment && r.state !== state.toLowerCase(),
    );
    return Promise.all(
      rows.map(async (r) => ({
        state: r.state,
        environment,
        vendorKey: await vault.open(r.secret_ref, r.sealed_key),
        userKey,
      })),
    );
  }

  return { set, list, keyFor, remove, otherStateTargets };
}

export type VendorKeysService = ReturnType<typeof createVendorKeysService>;
