import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { Principal, UsersRepo } from '../auth/index.ts';
import type { CredentialKind, DB, MetrcEnvironment } from '../db/index.ts';
import { type Clock, commonErrors, type Secret, toTimestamp } from '../lib/index.ts';
import { type LicensesRepo, requireMetrcState } from '../licenses/index.ts';
import type { Vault } from '../vault/index.ts';
import type { CredentialEvents } from './credential-events.ts';
import { assertKeyFree, findKeyHolders, isUniqueViolation } from './credential-key-identity.ts';
import { createCredentialReads } from './credential-reads.ts';
import { assertMaySetKey, normaliseKey } from './credential-rules-fns.ts';
import { credentialRef, openCredentialKey } from './credential-sealing.ts';
import type { CredentialView } from './credential-views.ts';
import { credentialsErrors } from './credentials-errors.ts';
import type { CredentialsRepo, CredentialWithLicenses } from './credentials-repo.ts';
import { createLicenseAssignment } from './license-assignment.ts';
import { licenseSyncOf } from './license-sync.ts';
import type { VendorKeysService } from './vendor-keys-service.ts';
import { statusAfter } from './verification-fns.ts';
import type {
  MetrcFacilitySummary,
  MetrcKeyProbe,
  VerificationReport,
} from './verification-types.ts';
import { createVerifyForSave } from './verify-for-save.ts';

export interface NewCredentialInput {
  state: string;
  environment?: MetrcEnvironment;
  kind: CredentialKind;
  /** For user keys: whose key it is. */
  ownerUserId?: number | null;
  /** Licenses to assign; empty assigns every license of the organization the key covers. */
  licenseNumbers?: string[];
  key: Secret;
}

type Actor = Pick<Principal, 'organizationId' | 'role' | 'userId' | 'tokenId'>;

/** Traceability credentials: Verify & Save, change, delete, list (rules 2–7). */
export function createCredentialsService(deps: {
  db: Kysely<DB>;
  repo: CredentialsRepo;
  licenses: LicensesRepo;
  users: UsersRepo;
  vault: Vault;
  vendorKeys: VendorKeysService;
  probe: MetrcKeyProbe;
  audit: AuditService;
  clock: Clock;
  /** Told after a key is saved (resume paused licenses, route held submissions again). */
  events?: CredentialEvents;
}) {
  const { db, repo, licenses, users, vault, vendorKeys, audit, clock } = deps;

  async function announce(organizationId: number, id: number): Promise<void> {
    if (!deps.events) return;
    const row = await repo.find(organizationId, id);
    if (!row) return;
    await deps.events.keySaved({
      organizationId,
      credentialId: row.id,
      kind: row.kind,
      state: row.state,
      ownerUserId: row.owner_user_id,
      status: row.status,
      licenseIds: row.licenses.map((l) => l.id),
    });
  }
  const now = () => clock.now();
  const verifyForSave = createVerifyForSave({ licenses, vendorKeys, probe: deps.probe, clock });
  const { get, getVisible, list } = createCredentialReads({ db, repo, clock });
  const { assignedLicenseIds, assertLicensesFree } = createLicenseAssignment({
    repo,
    licenses,
    clock,
  });

  /** Verify & Save (rule 3): saved only if Metrc accepts the key for every selected license. */
  async function create(actor: Actor, input: NewCredentialInput): Promise<CredentialView> {
    const state = requireMetrcState(input.state);
    const environment = input.environment ?? 'production';
    const ownerUserId = input.kind === 'user' ? (input.ownerUserId ?? actor.userId) : null;
    assertMaySetKey(actor, input.kind, ownerUserId);
    const key = normaliseKey(input.key);
    if (input.kind === 'user') {
      if (ownerUserId === null || !(await users.membership(actor.organizationId, ownerUserId))) {
        throw credentialsErrors.CREDENTIAL_OWNER_UNKNOWN();
      }
      if (await repo.findUserCredential(actor.organizationId, state, ownerUserId)) {
        throw credentialsErrors.CREDENTIAL_USER_STATE_EXISTS();
      }
    } else {
      const known = await Promise.all(
        (input.licenseNumbers ?? []).map((n) =>
          licenses.findByNumber(actor.organizationId, state, n),
        ),
      );
      await assertLicensesFree(
        db,
        known.flatMap((l) => (l ? [l.id] : [])),
      );
    }

    // A clear error before asking Metrc; re-checked inside the saving transaction.
    assertKeyFree(await findKeyHolders(db, await vault.keyHashes(key), { state, environment }), {
      organizationId: actor.organizationId,
      kind: input.kind,
    });
    const { report, facilities } = await verifyForSave({
      organizationId: actor.organizationId,
      state,
      environment,
      kind: input.kind,
      licenseNumbers: input.licenseNumbers ?? [],
      key,
    });
    return saveVerified(actor, {
      state,
      environment,
      kind: input.kind,
      ownerUserId,
      key,
      report,
      facilities,
    });
  }

  /** Stores a key verified moments ago; one transaction for the row, its licenses and the audit. */
  async function saveVerified(
    actor: Actor,
    input: {
      state: string;
      environment: MetrcEnvironment;
      kind: CredentialKind;
      ownerUserId: number | null;
      key: Secret;
      report: VerificationReport;
      facilities: MetrcFacilitySummary[];
    },
  ): Promise<CredentialView> {
    const ref = credentialRef(actor.organizationId);
    const hashes = await vault.keyHashes(input.key);
    const where = { state: input.state, environment: input.environment };
    const keyTarget = { organizationId: actor.organizationId, kind: input.kind };
    const sealed = await vault.seal(ref, input.key);
    const stamp = toTimestamp(now());
    const status = statusAfter('accepted', input.report.diagnosis) ?? {
      status: 'valid',
      reason: null,
    };
    try {
      const id = await db.transaction().execute(async (trx) => {
        const licenseIds = await assignedLicenseIds(
          trx,
          actor.organizationId,
          input.state,
          input.kind,
          input.report,
          input.facilities,
        );
        if (input.kind === 'facility') await assertLicensesFree(trx, licenseIds);
        assertKeyFree(await findKeyHolders(trx, hashes, where), keyTarget);
        const row = await repo.insert(
          {
            organization_id: actor.organizationId,
            state: input.state,
            environment: input.environment,
            kind: input.kind,
            owner_user_id: input.ownerUserId,
            secret_ref: ref,
            sealed_key: sealed,
            fingerprint: input.key.fingerprint(),
            key_hash: hashes[0],
            status: status.status,
            status_reason: status.reason,
            status_changed_at: stamp,
            key_first_seen_at: stamp,
            last_verified_at: stamp,
            verification_report: JSON.stringify(input.report),
            created_by_user_id: actor.userId,
            created_at: stamp,
            updated_at: stamp,
          },
          trx,
        );
        await repo.setLicenses(row, licenseIds, trx);
        await audit.record(
          {
            organizationId: actor.organizationId,
            actor,
            action: 'credential.added',
            target: { type: 'credential', id: row.id },
            details: {
              kind: input.kind,
              state: input.state,
              ownerUserId: input.ownerUserId,
              fingerprint: row.fingerprint,
              licenses: input.report.licenses.map((l) => l.number),
              status: status.status,
            },
          },
          trx,
        );
        return row.id;
      });
      await announce(actor.organizationId, id);
      return get(actor, id);
    } catch (error) {
      await vault.destroy(ref);
      // A concurrent save of the same key won the unique index: answer with its clear error.
      if (isUniqueViolation(error))
        assertKeyFree(await findKeyHolders(db, hashes, where), keyTarget);
      throw error;
    }
  }

  /**
   * Changes the key and/or the licenses; re-verified before anything changes (Treez "Edit").
   * A new key replaces the old one everywhere the old key was used in the organization — facility
   * and personal — so a regenerated key is pasted once; every row is verified first, then all
   * change in one transaction or none does. Rows the actor may not set keep the old key.
   */
  async function update(
    actor: Actor,
    id: number,
    input: { key?: Secret; licenseNumbers?: string[] },
  ): Promise<CredentialView> {
    const current = await repo.find(actor.organizationId, id);
    if (!current) throw commonErrors.NOT_FOUND();
    assertMaySetKey(actor, current.kind, current.owner_user_id);
    const newKey = input.key ? normaliseKey(input.key) : undefined;
    const targets = newKey ? await sameKeyRows(actor, current) : [current];
    const where = { state: current.state, environment: current.environment };
    const newHashes = newKey ? await vault.keyHashes(newKey) : [];
    if (newKey) {
      const holders = await findKeyHolders(db, newHashes, where);
      const except = targets.map((t) => t.id);
      for (const t of targets) {
        assertKeyFree(holders, { organizationId: actor.organizationId, kind: t.kind, except });
      }
    }
    const verified: Array<{
      target: CredentialWithLicenses;
      report: VerificationReport;
      facilities: MetrcFacilitySummary[];
    }> = [];
    for (const target of targets) {
      const key = newKey ?? (await openCredentialKey(vault, target));
      const licenseNumbers =
        target.id === id && input.licenseNumbers
          ? input.licenseNumbers
          : target.licenses.map((l) => l.number);
      const result = await verifyForSave({
        organizationId: actor.organizationId,
        state: target.state,
        environment: target.environment,
        kind: target.kind,
        licenseNumbers,
        key,
      });
      verified.push({ target, ...result });
    }
    const newRefs = new Map<number, { ref: string; sealed: string }>();
    try {
      if (newKey) {
        for (const t of targets) {
          const ref = credentialRef(actor.organizationId);
          newRefs.set(t.id, { ref, sealed: await vault.seal(ref, newKey) });
        }
      }
      const stamp = toTimestamp(now());
      await db.transaction().execute(async (trx) => {
        for (const { target, report, facilities } of verified) {
          await saveChange(trx, actor, {
            target,
            report,
            facilities,
            stamp,
            key: newKey && {
              secret: newKey,
              hash: newHashes[0] as string,
              ...(newRefs.get(target.id) as { ref: string; sealed: string }),
            },
          });
        }
      });
    } catch (error) {
      for (const { ref } of newRefs.values()) await vault.destroy(ref);
      if (newKey && isUniqueViolation(error)) {
        const holders = await findKeyHolders(db, newHashes, where);
        assertKeyFree(holders, {
          organizationId: actor.organizationId,
          kind: current.kind,
          except: targets.map((t) => t.id),
        });
      }
      throw error;
    }
    if (newKey) for (const t of targets) await vault.destroy(t.secret_ref);
    // Every credential that took the new key may resume licenses or held submissions.
    for (const t of targets) await announce(actor.organizationId, t.id);
    return get(actor, id);
  }

  /** The credential and every other one of its organization holding the same key that the actor may set. */
  async function sameKeyRows(actor: Actor, current: CredentialWithLicenses) {
    const oldHashes = await vault.keyHashes(await openCredentialKey(vault, current));
    const holders = await findKeyHolders(db, oldHashes, current);
    const rows = [current];
    for (const holder of holders) {
      if (holder.id === current.id || holder.organization_id !== actor.organizationId) continue;
      if (!mayChange(actor, holder)) continue;
      const row = await repo.find(actor.organizationId, holder.id);
      if (row) rows.push(row);
    }
    return rows;
  }

  function mayChange(actor: Actor, row: Pick<CredentialWithLicenses, 'kind' | 'owner_user_id'>) {
    try {
      assertMaySetKey(actor, row.kind, row.owner_user_id);
      return true;
    } catch {
      return false;
    }
  }

  /** One row of an update, inside the caller's transaction. */
  async function saveChange(
    trx: Kysely<DB>,
    actor: Actor,
    input: {
      target: CredentialWithLicenses;
      report: VerificationReport;
      facilities: MetrcFacilitySummary[];
      stamp: string;
      key?: { secret: Secret; hash: string; ref: string; sealed: string };
    },
  ) {
    const { target: current, report, stamp, key } = input;
    const status = statusAfter('accepted', report.diagnosis) ?? { status: 'valid', reason: null };
    const licenseIds = await assignedLicenseIds(
      trx,
      actor.organizationId,
      current.state,
      current.kind,
      report,
      input.facilities,
    );
    if (current.kind === 'facility') await assertLicensesFree(trx, licenseIds, current.id);
    await repo.update(
      actor.organizationId,
      current.id,
      {
        ...(key && {
          secret_ref: key.ref,
          sealed_key: key.sealed,
          fingerprint: key.secret.fingerprint(),
          key_hash: key.hash,
          key_first_seen_at: stamp,
        }),
        status: status.status,
        status_reason: status.reason,
        ...(status.status !== current.status && { status_changed_at: stamp }),
        last_verified_at: stamp,
        verification_report: JSON.stringify(report),
        updated_at: stamp,
      },
      trx,
    );
    await repo.setLicenses(current, licenseIds, trx);
    await audit.record(
      {
        organizationId: actor.organizationId,
        actor,
        action: key ? 'credential.key_replaced' : 'credential.licenses_changed',
        target: { type: 'credential', id: current.id },
        details: {
          fingerprint: key?.secret.fingerprint() ?? current.fingerprint,
          previousFingerprint: current.fingerprint,
          licenses: report.licenses.map((l) => l.number),
          status: status.status,
        },
      },
      trx,
    );
  }

  /** Deletes a credential and destroys its key; the caller confirms with the fingerprint. */
  async function remove(actor: Actor, id: number, confirm: string | undefined): Promise<void> {
    const current = await repo.find(actor.organizationId, id);
    if (!current) throw commonErrors.NOT_FOUND();
    assertMaySetKey(actor, current.kind, current.owner_user_id);
    const expected = current.fingerprint.replace(/^…/, '');
    if (!confirm || confirm.replace(/^…/, '') !== expected) {
      throw credentialsErrors.CREDENTIAL_DELETE_NOT_CONFIRMED();
    }
    await db.transaction().execute(async (trx) => {
      await repo.delete(actor.organizationId, id, trx);
      await audit.record(
        {
          organizationId: actor.organizationId,
          actor,
          action: 'credential.deleted',
          target: { type: 'credential', id },
          details: { kind: current.kind, state: current.state, fingerprint: current.fingerprint },
        },
        trx,
      );
    });
    await vault.destroy(current.secret_ref);
  }

  return {
    create,
    update,
    remove,
    get,
    getVisible,
    list,
    syncByLicense: (organizationId: number) =>
      licenseSyncOf(repo, organizationId, async () => {
        const keys = await vendorKeys.list();
        return new Set(keys.map((k) => `${k.state}/${k.environment}`));
      }),
    verifyForSave,
    saveVerified,
  };
}

export type CredentialsService = ReturnType<typeof createCredentialsService>;
