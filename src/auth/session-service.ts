import { createHash } from 'node:crypto';
import type { Organization, User } from '../db/index.ts';
import {
  type Clock,
  randomToken,
  type Secret,
  safeEqual,
  sha256Hex,
  toTimestamp,
} from '../lib/index.ts';
import { authErrors } from './auth-errors.ts';
import type { Principal } from './auth-types.ts';
import type { LoginLimiter } from './login-limiter.ts';
import type { OrganizationsRepo } from './organizations-repo.ts';
import { UNUSABLE_HASH, verifyPassword } from './password-hash.ts';
import type { SessionsRepo } from './sessions-repo.ts';
import type { UsersRepo } from './users-repo.ts';

/** Refresh `last_seen_at` at most this often, so reads don't each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

export interface LoginInput {
  email: string;
  password: Secret;
  /** Which organization to sign in to; the oldest membership when absent. */
  organizationSlug?: string;
  clientAddress: string;
}

export interface LoginResult {
  /** The cookie value. Only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  principal: Principal;
  user: Pick<User, 'id' | 'email' | 'name'> & { mustChangePassword: boolean };
  organization: Pick<Organization, 'id' | 'name' | 'slug'>;
}

/**
 * The CSRF token of a session, derived from its (HttpOnly) cookie value: a page on another site
 * cannot read the cookie, so it cannot compute the header, and nothing extra is stored.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`tracegate-csrf:${sessionToken}`).digest('base64url');
}

/** Console sign-in: password login, session cookies, CSRF tokens. */
export function createSessionService(deps: {
  users: UsersRepo;
  organizations: OrganizationsRepo;
  sessions: SessionsRepo;
  limiter: LoginLimiter;
  clock: Clock;
  sessionTtlMs: number;
}) {
  const { users, organizations, sessions, limiter, clock } = deps;

  async function login(input: LoginInput): Promise<LoginResult> {
    const attempt = { email: input.email.trim().toLowerCase(), clientAddress: input.clientAddress };
    // Count first, hash second: parallel guesses each take a slot before any password is checked.
    await limiter.consume(attempt);
    const user = await users.findByEmail(attempt.email);
    const passwordOk = await verifyPassword(input.password, user?.password_hash ?? UNUSABLE_HASH);
    if (!user || !passwordOk) throw authErrors.AUTH_INVALID_CREDENTIALS();
    await limiter.succeeded(attempt);

    const memberships = await users.membershipsOf(user.id);
    const membership = input.organizationSlug
      ? memberships.find((m) => m.slug === input.organizationSlug)
      : memberships[0];
    if (!membership) {
      throw input.organizationSlug
        ? authErrors.AUTH_ORGANIZATION_NOT_FOUND()
        : authErrors.AUTH_NO_ORGANIZATION();
    }

    return openSession(user, membership);
  }

  async function openSession(
    user: NonNullable<Awaited<ReturnType<UsersRepo['findById']>>>,
    membership: Awaited<ReturnType<UsersRepo['membershipsOf']>>[number],
  ): Promise<LoginResult> {
    const now = clock.now();
    const sessionToken = randomToken(32);
    const session = await sessions.insert({
      token_hash: sha256Hex(sessionToken),
      user_id: user.id,
      organization_id: membership.organization_id,
      created_at: toTimestamp(now),
      expires_at: toTimestamp(new Date(now.getTime() + deps.sessionTtlMs)),
      last_seen_at: toTimestamp(now),
    });
    return {
      sessionToken,
      csrfToken: csrfTokenFor(sessionToken),
      principal: {
        kind: 'session',
        organizationId: membership.organization_id,
        role: membership.role,
        userId: user.id,
        tokenId: null,
        sessionId: session.id,
        isPlatformAdmin: user.is_platform_admin === 1,
        mustChangePassword: user.must_change_password === 1,
      },
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        mustChangePassword: user.must_change_password === 1,
      },
      organization: {
        id: membership.organization_id,
        name: membership.name,
        slug: membership.slug,
      },
    };
  }

  /** The organizations the person belongs to, for the console's organization switcher. */
  async function organizationsOf(userId: number) {
    return (await users.membershipsOf(userId)).map((m) => ({
      id: m.organization_id,
      name: m.name,
      slug: m.slug,
      role: m.role,
    }));
  }

  /**
   * Moves a signed-in person to another organization they belong to: a new session there, and
   * this one ends, so one cookie never spans two tenants.
   */
  async function switchOrganization(principal: Principal, slug: string): Promise<LoginResult> {
    if (principal.userId === null || principal.sessionId === null) {
      throw authErrors.AUTH_USER_REQUIRED();
    }
    const user = await users.findById(principal.userId);
    const membership = (await users.membershipsOf(principal.userId)).find((m) => m.slug === slug);
    if (!user || !membership) throw authErrors.AUTH_ORGANIZATION_NOT_FOUND();
    const opened = await openSession(user, membership);
    await sessions.delete(principal.sessionId);
    return opened;
  }

  /** Resolves a session cookie to a principal, with the member's current role. */
  async function authenticate(sessionToken: string): Promise<Principal> {
    const row = await sessions.findByTokenHash(sha256Hex(sessionToken));
    if (!row?.role) throw authErrors.AUTH_SESSION_INVALID();
    const now = clock.now();
    if (row.expires_at <= toTimestamp(now)) {
      await sessions.delete(row.id);
      throw authErrors.AUTH_SESSION_EXPIRED();
    }
    if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
      await sessions.touch(row.id, toTimestamp(now));
    }
    return {
      kind: 'session',
      organizationId: row.organization_id,
      role: row.role,
      userId: row.user_id,
      tokenId: null,
      sessionId: row.id,
      isPlatformAdmin: row.is_platform_admin === 1,
      mustChangePassword: row.must_change_password === 1,
    };
  }

  function checkCsrf(sessionToken: string, header: string | undefined): void {
    if (!header) throw authErrors.AUTH_CSRF_MISSING();
    if (!safeEqual(header, csrfTokenFor(sessionToken))) throw authErrors.AUTH_CSRF_INVALID();
  }

  async function logout(sessionId: number): Promise<void> {
    await sessions.delete(sessionId);
  }

  async function describe(principal: Principal) {
    const organization = await organizations.findById(principal.organizationId);
    const user = principal.userId === null ? undefined : await users.findById(principal.userId);
    return { organization, user };
  }

  return {
    login,
    authenticate,
    checkCsrf,
    logout,
    describe,
    organizationsOf,
    switchOrganization,
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
