/**
 * Reading credentials as people see them: the view (never the key), whether the same key is
 * also another credential of the organization, and who may see which (rule 7).
 */
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/index.ts';
import type { DB } from '../db/index.ts';
import { type Clock, commonErrors } from '../lib/index.ts';
import { findKeyHolders } from './credential-key-identity.ts';
import { type CredentialView, toCredentialView } from './credential-views.ts';
import type { CredentialsRepo, CredentialWithLicenses } from './credentials-repo.ts';

export function createCredentialReads(deps: {
  db: Kysely<DB>;
  repo: Pick<CredentialsRepo, 'find' | 'list'>;
  clock: Clock;
}) {
  const { db, repo } = deps;
  const now = () => deps.clock.now();

  async function get(
    actor: Pick<Principal, 'organizationId'>,
    id: number,
  ): Promise<CredentialView> {
    const row = await repo.find(actor.organizationId, id);
    if (!row) throw commonErrors.NOT_FOUND();
    return withSameKey(row, toCredentialView(row, now()));
  }

  /** Says when the key is also another credential of the organization (facility and personal). */
  async function withSameKey(row: CredentialWithLicenses, view: CredentialView) {
    if (!row.key_hash) return view;
    const holders = await findKeyHolders(db, [row.key_hash], row);
    const sameKeyAs = holders
      .filter((h) => h.id !== row.id && h.organization_id === row.organization_id)
      .map((h) => ({ id: h.id, kind: h.kind, ownerUserId: h.owner_user_id }));
    return sameKeyAs.length > 0 ? { ...view, sameKeyAs } : view;
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
    return withSameKey(row, toCredentialView(row, now()));
  }

  /** Everyone sees facility keys' health; staff see only their own personal keys (rule 7). */
  async function list(
    actor: Pick<Principal, 'organizationId' | 'role' | 'userId'>,
  ): Promise<CredentialView[]> {
    const rows = await repo.list(actor.organizationId);
    return rows.filter((row) => visibleTo(actor, row)).map((row) => toCredentialView(row, now()));
  }

  return { get, getVisible, list };
}
