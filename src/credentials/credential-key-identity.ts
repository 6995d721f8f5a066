import type { Kysely } from 'kysely';
import type { CredentialKind, DB, MetrcEnvironment } from '../db/index.ts';
import type { Logger } from '../lib/index.ts';
import type { Vault } from '../vault/index.ts';
import { openCredentialKey } from './credential-sealing.ts';
import { credentialsErrors } from './credentials-errors.ts';

/**
 * One key, one person (issue 10, item 11). A stored key carries `key_hash`: a keyed hash from the
 * vault (HMAC under an HKDF subkey of the master key, never a plain hash, so the column reveals
 * nothing about a key). Equal hashes mean the same Metrc key.
 */
export interface KeyHolder {
  id: number;
  organization_id: number;
  state: string;
  environment: MetrcEnvironment;
  kind: CredentialKind;
  owner_user_id: number | null;
}

/** Every credential (of any organization) holding one of these hashes. */
export function findKeyHolders(
  db: Kysely<DB>,
  hashes: string[],
  where: { state: string; environment: MetrcEnvironment },
): Promise<KeyHolder[]> {
  return db
    .selectFrom('credentials')
    .select(['id', 'organization_id', 'state', 'environment', 'kind', 'owner_user_id'])
    .where('key_hash', 'in', hashes)
    .where('provider', '=', 'metrc')
    .where('state', '=', where.state)
    .where('environment', '=', where.environment)
    .orderBy('id')
    .execute();
}

/**
 * Refuses a key already held elsewhere: as another person's personal key (deployment-wide, per
 * state) or as another facility credential of the organization. A facility key may also be its
 * owner's personal key, so those two kinds never refuse each other. `except` lists the rows
 * being changed. Errors name ids of the actor's own organization only, never a key.
 */
export function assertKeyFree(
  holders: KeyHolder[],
  target: { organizationId: number; kind: CredentialKind; except?: number[] },
): void {
  for (const holder of holders) {
    if (target.except?.includes(holder.id) || holder.kind !== target.kind) continue;
    const ours = holder.organization_id === target.organizationId;
    if (target.kind === 'user') {
      throw credentialsErrors.CREDENTIAL_KEY_OTHER_PERSON({
        details: ours ? { credentialId: holder.id } : {},
      });
    }
    if (ours) {
      throw credentialsErrors.CREDENTIAL_FACILITY_KEY_EXISTS({
        message: `This key is already saved as facility credential #${holder.id}. Add the licenses to the one that exists (PATCH /api/credentials/${holder.id}). Nothing was saved.`,
        details: { credentialId: holder.id, link: `/api/credentials/${holder.id}` },
      });
    }
  }
}

/** True for a unique-index violation on either dialect (a concurrent save of the same key). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | undefined;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Computes `key_hash` for rows saved before it existed, or under a master-key version that is no
 * longer primary (run once the vault is open, as `resealLegacyCredentials`). Each row moves with a
 * compare-and-set on its ref. Rows that already share a key with another person keep a null hash
 * and are logged by id, so an operator can resolve them; start-up does not fail.
 */
export async function hashCredentialKeys(deps: {
  db: Kysely<DB>;
  vault: Vault;
  logger?: Pick<Logger, 'info' | 'warn'>;
}): Promise<number> {
  const { db, vault } = deps;
  const primary = `v${vault.status().primaryVersion}:%`;
  const rows = await db
    .selectFrom('credentials')
    .select(['id', 'organization_id', 'secret_ref', 'sealed_key'])
    .where((eb) => eb.or([eb('key_hash', 'is', null), eb('key_hash', 'not like', primary)]))
    .orderBy('id')
    .execute();
  let hashed = 0;
  const conflicts: number[] = [];
  for (const row of rows) {
    const [hash] = await vault.keyHashes(await openCredentialKey(vault, row));
    try {
      const result = await db
        .updateTable('credentials')
        .set({ key_hash: hash })
        .where('id', '=', row.id)
        .where('secret_ref', '=', row.secret_ref)
        .executeTakeFirst();
      hashed += Number(result.numUpdatedRows);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      conflicts.push(row.id);
    }
  }
  if (hashed > 0) deps.logger?.info({ hashed }, 'vault: credential key hashes computed');
  if (conflicts.length > 0) {
    deps.logger?.warn(
      { credentialIds: conflicts },
      'credentials: these keys are saved for more than one person; delete the wrong ones',
    );
  }
  return hashed;
}
