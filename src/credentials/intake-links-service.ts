import type { AuditService } from '../audit/index.ts';
import type { Principal, UsersRepo } from '../auth/index.ts';
import type { CredentialIntakeLink, MetrcEnvironment } from '../db/index.ts';
import {
  type Clock,
  commonErrors,
  isAppError,
  randomToken,
  type Secret,
  sha256Hex,
  toTimestamp,
} from '../lib/index.ts';
import { requireMetrcState } from '../licenses/index.ts';
import type { CredentialView } from './credential-views.ts';
import { credentialsErrors } from './credentials-errors.ts';
import type { CredentialsRepo } from './credentials-repo.ts';
import type { CredentialsService } from './credentials-service.ts';
import type { IntakeLinksRepo } from './intake-links-repo.ts';

/** One-time links last a day (rule 13). */
export const INTAKE_LINK_TTL_MS = 24 * 60 * 60 * 1000;
/** Wrong keys a link accepts before it locks: enough for typos, too few to guess keys. */
export const INTAKE_MAX_WRONG_KEYS = 5;
const TOKEN_PREFIX = 'tgk_';

export interface IntakeLinkView {
  id: number;
  userId: number;
  state: string;
  environment: MetrcEnvironment;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

function toView(row: CredentialIntakeLink): IntakeLinkView {
  return {
    id: row.id,
    userId: row.user_id,
    state: row.state,
    environment: row.environment,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    revokedAt: row.revoked_at,
  };
}

/**
 * One-time links an admin sends a staff member, so they enter their own Metrc key themselves
 * instead of mailing it (rule 13). The link's token is shown once and stored hashed.
 */
export function createIntakeLinksService(deps: {
  repo: IntakeLinksRepo;
  users: UsersRepo;
  credentials: CredentialsService;
  credentialsRepo: CredentialsRepo;
  audit: AuditService;
  clock: Clock;
  publicUrl: string;
}) {
  const { repo, users, credentials, credentialsRepo, audit, clock } = deps;

  async function create(
    actor: Principal,
    input: { userId: number; state: string; environment?: MetrcEnvironment },
  ): Promise<{ url: string; token: string; link: IntakeLinkView }> {
    const state = requireMetrcState(input.state);
    if (!(await users.membership(actor.organizationId, input.userId))) {
      throw credentialsErrors.CREDENTIAL_OWNER_UNKNOWN();
    }
    const token = randomToken(32, TOKEN_PREFIX);
    const now = clock.now();
    const row = await repo.insert({
      organization_id: actor.organizationId,
      token_hash: sha256Hex(token),
      user_id: input.userId,
      state,
      environment: input.environment ?? 'production',
      created_by_user_id: actor.userId,
      created_at: toTimestamp(now),
      expires_at: toTimestamp(new Date(now.getTime() + INTAKE_LINK_TTL_MS)),
    });
    await audit.record({
      organizationId: actor.organizationId,
      actor,
      action: 'intake_link.created',
      target: { type: 'user', id: input.userId },
      details: { linkId: row.id, state },
    });
    return { url: `${deps.publicUrl}/key/${token}`, token, link: toView(row) };
  }

  async function usable(token: string) {
    const row = token.startsWith(TOKEN_PREFIX)
      ? await repo.findByTokenHash(sha256Hex(token))
      : undefined;
    if (!row || row.revoked_at) throw credentialsErrors.INTAKE_LINK_INVALID();
    if (row.used_at) throw credentialsErrors.INTAKE_LINK_USED();
    if (row.failed_attempts >= INTAKE_MAX_WRONG_KEYS) throw credentialsErrors.INTAKE_LINK_LOCKED();
    if (row.expires_at <= toTimestamp(clock.now())) throw credentialsErrors.INTAKE_LINK_EXPIRED();
    return row;
  }

  /** What the person opening the link sees: whose key, which state, until when. */
  async function describe(token: string) {
    const row = await usable(token);
    return {
      organization: row.organization_name,
      person: row.user_name,
      state: row.state,
      expiresAt: row.expires_at,
    };
  }

  /**
   * Verify & Save of the link's person's own key. The token is checked before the key is even
   * read (`readKey` may decode a photo), and the link is claimed before the save, so two
   * concurrent submits cannot both write. A failed save gives the link back, so a typo can be
   * corrected within the day, but wrong keys are counted and lock the link.
   */
  async function submit(token: string, readKey: () => Promise<Secret>): Promise<CredentialView> {
    const row = await usable(token);
    const claimedAt = toTimestamp(clock.now());
    if (!(await repo.claim(row.id, claimedAt, INTAKE_MAX_WRONG_KEYS))) {
      await usable(token); // says why: used, revoked or locked meanwhile
      throw credentialsErrors.INTAKE_LINK_USED();
    }
    const actor = {
      organizationId: row.organization_id,
      role: 'staff' as const,
      userId: row.user_id,
      tokenId: null,
    };
    try {
      const key = await readKey();
      const existing = await credentialsRepo.findUserCredential(
        row.organization_id,
        row.state,
        row.user_id,
      );
      return existing
        ? await credentials.update(actor, existing.id, { key })
        : await credentials.create(actor, {
            state: row.state,
            environment: row.environment,
            kind: 'user',
            ownerUserId: row.user_id,
            key,
          });
    } catch (error) {
      await repo.release(row.id, claimedAt, isWrongKey(error));
      throw error;
    }
  }

  async function list(organizationId: number): Promise<IntakeLinkView[]> {
    return (await repo.list(organizationId)).map(toView);
  }

  async function revoke(actor: Principal, id: number): Promise<void> {
    const result = await repo.revoke(actor.organizationId, id, toTimestamp(clock.now()));
    if (Number(result.numUpdatedRows) === 0) throw commonErrors.NOT_FOUND();
  }

  return { create, describe, submit, list, revoke };
}

/** Failures that mean the key itself was wrong (not Metrc being down): they count toward the lock. */
function isWrongKey(error: unknown): boolean {
  return isAppError(error) && !error.retryable && error.status !== 503;
}

export type IntakeLinksService = ReturnType<typeof createIntakeLinksService>;
