import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { Principal, UsersRepo } from '../auth/index.ts';
import type { CredentialKind, DB, MetrcEnvironment } from '../db/index.ts';
import { type Clock, commonErrors, type Secret, toTimestamp } from '../lib/index.ts';
import { type LicensesRepo, requireMetrcState } from '../licenses/index.ts';
import type { Vault } from '../vault/index.ts';
import type { CredentialEvents } from './credential-events.ts';
import { assertMaySetKey, normaliseKey } from './credential-rules-fns.ts';
import { credentialRef, openCredentialKey } from './credential-sealing.ts';
import { type CredentialView, toCredentialView } from './credential-views.ts';
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
import { verifyKey } from './verify-key.ts';

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
  const { assignedLicenseIds, assertLicensesFree } = createLicenseAssignment({
    repo,
    licenses,
    clock,
  });

  /**
   * Verifies a key for the licenses it is to be assigned to. Throws (and saves nothing) when
   * Metrc rejects the key, cannot be reached, or does not cover every selected license.
   */
  async function verifyForSave(input: {
    organizationId: number;
    state: string;
    environment: MetrcEnvironment;
    kind: CredentialKind;
    licenseNumbers: string[];
    key: Secret;
  }) {
    const vendorKey = await vendorKeys.keyFor(input.state, input.environment);
    const target = {
      state: input.state,
      environment: input.environment,
      vendorKey,
      userKey: input.key,
    };
    // A user key covers its owner's licenses among the organization's own (rule 5).
    const candidates =
      input.kind === 'user' && input.licenseNumbers.length === 0
        ? (await licenses.list(input.organizationId))
            .filter((l) => l.state === input.state)
            .map((l) => l.number)
        : undefined;
    const result = await verifyKey(
      { probe: deps.probe, clock },
      { target, licenseNumbers: input.licenseNumbers, keyAgeDays: 0, candidates },
    );
    if (result.outcome === 'rejected') {
      throw credentialsErrors.CREDENTIAL_KEY_REJECTED({
        details: { diagnosis: result.report.diagnosis },
      });
    }
    if (result.outcome === 'unavailable') throw credentialsErrors.CREDENTIAL_METRC_UNAVAILABLE();
    const { report } = result;
    if (report.uncovered.length > 0) {
      throw credentialsErrors.CREDENTIAL_LICENSES_NOT_COVERED({
        message: `This key does not cover ${report.uncovered.join(', ')}. Nothing was saved.`,
        details: { uncovered: report.uncovered, covered: report.available.map((f) => f.number) },
      });
    }
    if (input.kind === 'facility' && report.licenses.length === 0) {
      throw credentialsErrors.CREDENTIAL_NO_LICENSES();
    }
    return { report, facilities: result.facilities };
  }

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
      throw error;
    }
  }

  /** Changes the key and/or the licenses; re-verified before anything changes (Treez "Edit"). */
  async function update(
    actor: Actor,
    id: number,
    input: { key?: Secret; licenseNumbers?: string[] },
  ): Promise<CredentialView> {
    const current = await repo.find(actor.organizationId, id);
    if (!current) throw commonErrors.NOT_FOUND();
    assertMaySetKey(actor, current.kind, current.owner_user_id);
    if (input.key) input = { ...input, key: normaliseKey(input.key) };
    const key = input.key ?? (await openCredentialKey(vault, current));
    const licenseNumbers = input.licenseNumbers ?? current.licenses.map((l) => l.number);
    const { report, facilities } = await verifyForSave({
      organizationId: actor.organizationId,
      state: current.state,
      environment: current.environment,
      kind: current.kind,
      licenseNumbers,
      key,
    });
    const newRef = input.key ? credentialRef(actor.organizationId) : current.secret_ref;
    const sealed = input.key ? await vault.seal(newRef, input.key) : current.sealed_key;
    const stamp = toTimestamp(now());
    const status = statusAfter('accepted', report.diagnosis) ?? { status: 'valid', reason: null };
    try {
      await db.transaction().execute(async (trx) => {
        const licenseIds = await assignedLicenseIds(
          trx,
          actor.organizationId,
          current.state,
          current.kind,
          report,
          facilities,
        );
        if (current.kind === 'facility') await assertLicensesFree(trx, licenseIds, current.id);
        await repo.update(
          actor.organizationId,
          id,
          {
            ...(input.key && {
              secret_ref: newRef,
              sealed_key: sealed,
              fingerprint: input.key.fingerprint(),
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
            action: input.key ? 'credential.key_replaced' : 'credential.licenses_changed',
            target: { type: 'credential', id },
            details: {
              fingerprint: input.key?.fingerprint() ?? current.fingerprint,
              previousFingerprint: current.fingerprint,
              licenses: report.licenses.map((l) => l.number),
              status: status.status,
            },
          },
          trx,
        );
      });
    } catch (error) {
      if (input.key) await vault.destroy(newRef);
      throw error;
    }
    if (input.key) await vault.destroy(current.secret_ref);
    await announce(actor.organizationId, id);
    return get(actor, id);
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

  async function get(
    actor: Pick<Principal, 'organizationId'>,
    id: number,
  ): Promise<CredentialView> {
    const row = await repo.find(actor.organizationId, id);
    if (!row) throw commonErrors.NOT_FOUND();
    return toCredentialView(row, now());
  }

  /** Staff may look at facility keys and their own personal key only (rule 7). */
  function visibleTo(
    actor: Pick<Principal, 'role' | 'userId'>,
    row: Pick<CredentialWithLicenses, 'kind' | 'owner_user_id'>,
  ) {
    return actor.role !== 'staff' || row.kind === 'facility' || row.owner_user_id === actor.userId;
  }

  async function getVisible(
    actor: Pick<Principal, 'organizationId' | 'role' | 'userId'>,
    id: number,
  ) {
    const row = await repo.find(actor.organizationId, id);
    if (!row || !visibleTo(actor, row)) throw commonErrors.NOT_FOUND();
    return toCredentialView(row, now());
  }

  /** Everyone sees facility keys' health; staff see only their own personal keys (rule 7). */
  async function list(
    actor: Pick<Principal, 'organizationId' | 'role' | 'userId'>,
  ): Promise<CredentialView[]> {
    const rows = await repo.list(actor.organizationId);
    return rows.filter((row) => visibleTo(actor, row)).map((row) => toCredentialView(row, now()));
  }

  return {
    create,
    update,
    remove,
    get,
    getVisible,
    list,
    syncByLicense: (organizationId: number) => licenseSyncOf(repo, organizationId),
    verifyForSave,
    saveVerified,
  };
}

export type CredentialsService = ReturnType<typeof createCredentialsService>;
