import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { DB, Role } from '../db/index.ts';
import { type Clock, commonErrors, randomToken, sha256Hex, toTimestamp } from '../lib/index.ts';
import type { ApiTokenRow, ApiTokensRepo } from './api-tokens-repo.ts';
import { authErrors } from './auth-errors.ts';
import type { Principal } from './auth-types.ts';
import { lowerRole, roleAtLeast } from './roles.ts';

export const API_TOKEN_PREFIX = 'tg_';
/** Characters of the token kept in clear to tell tokens apart in lists. */
const DISPLAY_PREFIX_LENGTH = 10;
const TOUCH_INTERVAL_MS = 60_000;

export interface ApiTokenView {
  id: number;
  name: string;
  role: Role;
  prefix: string;
  createdByUserId: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function toView(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.token_prefix,
    createdByUserId: row.created_by_user_id,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** API tokens for machine clients: shown once, stored hashed, scoped to one organization. */
export function createApiTokenService(deps: {
  db: Kysely<DB>;
  tokens: ApiTokensRepo;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, tokens, audit, clock } = deps;

  /** Creates a token; the returned `token` is the only time its value exists outside a hash. */
  async function create(
    actor: Pick<Principal, 'organizationId' | 'role' | 'userId' | 'tokenId'>,
    input: { name: string; role: Role },
  ): Promise<{ token: string; apiToken: ApiTokenView }> {
    if (!roleAtLeast(actor.role, input.role)) throw authErrors.TOKEN_ROLE_TOO_HIGH();
    // A token made by a token belongs to the person behind that one, so it cannot outlive them.
    const creatorUserId =
      actor.userId ??
      (actor.tokenId === null
        ? null
        : ((await tokens.find(actor.organizationId, actor.tokenId))?.created_by_user_id ?? null));
    const token = randomToken(32, API_TOKEN_PREFIX);
    const row = await db.transaction().execute(async (trx) => {
      const inserted = await tokens.insert(
        {
          organization_id: actor.organizationId,
          name: input.name,
          role: input.role,
          token_hash: sha256Hex(token),
          token_prefix: token.slice(0, DISPLAY_PREFIX_LENGTH),
          created_by_user_id: creatorUserId,
          created_at: toTimestamp(clock.now()),
        },
        trx,
      );
      await audit.record(
        {
          organizationId: actor.organizationId,
          actor: { userId: actor.userId, tokenId: actor.tokenId },
          action: 'token.created',
          target: { type: 'api_token', id: inserted.id },
          details: { name: input.name, role: input.role, prefix: inserted.token_prefix },
        },
        trx,
      );
      return inserted;
    });
    return { token, apiToken: toView(row) };
  }

  async function authenticate(token: string): Promise<Principal> {
    if (!token.startsWith(API_TOKEN_PREFIX)) throw authErrors.AUTH_TOKEN_INVALID();
    const row = await tokens.findByHash(sha256Hex(token));
    if (!row) throw authErrors.AUTH_TOKEN_INVALID();
    if (row.revoked_at) throw authErrors.AUTH_TOKEN_REVOKED();
    // A token acts with at most its creator's current role; a creator who left takes it along.
    // (Removal and demotion also revoke or narrow the stored rows; this covers any gap.)
    const hasCreator = row.created_by_user_id !== null;
    if (hasCreator && row.creator_role === null) throw authErrors.AUTH_TOKEN_REVOKED();
    const role = row.creator_role ? lowerRole(row.role, row.creator_role) : row.role;
    const now = clock.now();
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
      await tokens.touch(row.id, toTimestamp(now));
    }
    return {
      kind: 'token',
      organizationId: row.organization_id,
      role,
      userId: null,
      tokenId: row.id,
      sessionId: null,
      isPlatformAdmin: false,
    };
  }

  async function list(organizationId: number): Promise<ApiTokenView[]> {
    return (await tokens.list(organizationId)).map(toView);
  }

  async function revoke(actor: Principal, id: number): Promise<ApiTokenView> {
    const existing = await tokens.find(actor.organizationId, id);
    if (!existing) throw commonErrors.NOT_FOUND();
    if (existing.revoked_at) return toView(existing);
    await db.transaction().execute(async (trx) => {
      await tokens.revoke(actor.organizationId, id, toTimestamp(clock.now()), trx);
      await audit.record(
        {
          organizationId: actor.organizationId,
          actor: { userId: actor.userId, tokenId: actor.tokenId },
          action: 'token.revoked',
          target: { type: 'api_token', id },
          details: { name: existing.name, prefix: existing.token_prefix },
        },
        trx,
      );
    });
    const revoked = await tokens.find(actor.organizationId, id);
    if (!revoked) throw commonErrors.NOT_FOUND();
    return toView(revoked);
  }

  return { create, authenticate, list, revoke };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
