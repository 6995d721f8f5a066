import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { DB, MetrcEnvironment, VendorKeyRow } from '../db/index.ts';
import { type Clock, commonErrors, isAppError, type Secret, toTimestamp } from '../lib/index.ts';
import { requireMetrcState } from '../licenses/index.ts';
import type { Vault } from '../vault/index.ts';
import { normaliseKey } from './credential-rules-fns.ts';
import { openCredentialKey } from './credential-sealing.ts';
import { credentialsErrors } from './credentials-errors.ts';
import type { VendorKeysRepo } from './vendor-keys-repo.ts';
import type { KeyTarget, MetrcKeyProbe } from './verification-types.ts';

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
  /** Checks a new vendor key against Metrc; without one (or NO_METRC_PROBE) keys save unverified. */
  probe?: MetrcKeyProbe;
}) {
  const { db, repo, vault, audit, clock } = deps;

  /**
   * Asks Metrc with a stored, valid key of the state (any organization's) whether it accepts the
   * new vendor key. Refuses one Metrc rejects; answers null when there is nothing to check with.
   */
  async function checkWithMetrc(
    state: string,
    environment: MetrcEnvironment,
    vendorKey: Secret,
  ): Promise<boolean> {
    if (!deps.probe) return false;
    const row = await db
      .selectFrom('credentials')
      .select(['organization_id', 'secret_ref', 'sealed_key'])
      .where('state', '=', state)
      .where('environment', '=', environment)
      .where('status', '=', 'valid')
      .orderBy('last_verified_at', 'desc')
      .executeTakeFirst();
    if (!row) return false;
    const userKey = await openCredentialKey(vault, row);
    const outcome = await deps.probe
      .facilities({ state, environment, vendorKey, userKey })
      .catch((error: unknown) => {
        if (isAppError(error) && error.code === 'METRC_NOT_CONFIGURED') return null;
        throw error;
      });
    if (outcome === null) return false;
    if (!outcome.ok && outcome.reason === 'rejected') throw credentialsErrors.VENDOR_KEY_REJECTED();
    if (!outcome.ok) throw credentialsErrors.CREDENTIAL_METRC_UNAVAILABLE();
    return true;
  }

  async function set(
    actor: AuditActor,
    input: { state: string; environment: MetrcEnvironment; key: Secret },
  ): Promise<VendorKeyView & { verified: boolean; message: string }> {
    const state = requireMetrcState(input.state);
    input = { ...input, key: normaliseKey(input.key) };
    const verified = await checkWithMetrc(state, input.environment, input.key);
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
    const upper = state.toUpperCase();
    return {
      ...toView(row),
      verified,
      message: verified
        ? `Metrc ${upper} accepted this vendor key with a stored key of the state.`
        : `Saved unverified: no valid key of ${upper} is stored to check it with Metrc. It is checked with the first key saved for ${upper}.`,
    };
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

  /** Deletes a vendor key; like a credential, the caller confirms with its fingerprint. */
  async function remove(
    actor: AuditActor,
    state: string,
    environment: MetrcEnvironment,
    confirm: string | undefined,
  ): Promise<void> {
    const row = await repo.find(state.toLowerCase(), environment);
    if (!row) throw commonErrors.NOT_FOUND();
    if (!confirm || confirm.replace(/^…/, '') !== row.fingerprint.replace(/^…/, '')) {
      throw credentialsErrors.VENDOR_KEY_DELETE_NOT_CONFIRMED();
    }
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
