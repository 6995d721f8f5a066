import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';
import type { Logger, Secret } from '../lib/index.ts';
import type { Vault } from '../vault/index.ts';
import { credentialsErrors } from './credentials-errors.ts';

/**
 * Sealed keys are bound to their organization and row (docs/decisions/0008): the vault binds a
 * ciphertext to its `ref` (AAD of both the payload and the wrapped data key), and the ref names
 * the organization — `credential:org-42:<uuid>` — and the row, whose `secret_ref` is unique. A
 * sealed key copied into another organization's row fails the check below; rewriting the ref to
 * match fails decryption. Rows sealed before this scheme (`credential:<uuid>`) are re-sealed by
 * `resealLegacyCredentials` when the vault opens.
 */
export function credentialRef(organizationId: number): string {
  return `credential:org-${organizationId}:${randomUUID()}`;
}

const BOUND_REF = /^credential:org-(\d+):[0-9a-f-]{36}$/;
const LEGACY_REF = /^credential:[0-9a-f-]{36}$/;

/** Opens a credential's key after checking its ref names the row's organization. */
export async function openCredentialKey(
  vault: Pick<Vault, 'open'>,
  row: { organization_id: number; secret_ref: string; sealed_key: string },
): Promise<Secret> {
  const bound = BOUND_REF.exec(row.secret_ref);
  const ok = bound ? Number(bound[1]) === row.organization_id : LEGACY_REF.test(row.secret_ref);
  if (!ok) throw credentialsErrors.CREDENTIAL_KEY_MISBOUND();
  return vault.open(row.secret_ref, row.sealed_key);
}

/**
 * Re-seals every credential still on a legacy ref under a bound one (run once the vault is open;
 * a migration cannot, it has no master key). Each row moves with a compare-and-set on its old
 * ref, so concurrent starts or edits never lose a key; the old data key is then destroyed.
 */
export async function resealLegacyCredentials(deps: {
  db: Kysely<DB>;
  vault: Vault;
  logger?: Pick<Logger, 'info'>;
}): Promise<number> {
  const { db, vault } = deps;
  const rows = await db
    .selectFrom('credentials')
    .select(['id', 'organization_id', 'secret_ref', 'sealed_key'])
    .where('secret_ref', 'not like', 'credential:org-%')
    .execute();
  let moved = 0;
  for (const row of rows) {
    if (!LEGACY_REF.test(row.secret_ref)) continue;
    const key = await vault.open(row.secret_ref, row.sealed_key);
    const ref = credentialRef(row.organization_id);
    const sealed = await vault.seal(ref, key);
    const result = await db
      .updateTable('credentials')
      .set({ secret_ref: ref, sealed_key: sealed })
      .where('id', '=', row.id)
      .where('secret_ref', '=', row.secret_ref)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) {
      await vault.destroy(row.secret_ref);
      moved++;
    } else {
      await vault.destroy(ref);
    }
  }
  if (moved > 0) deps.logger?.info({ moved }, 'vault: credentials re-sealed to their organization');
  return moved;
}
