import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { DB, Role } from '../db/index.ts';
import { type Clock, commonErrors, type Secret, toTimestamp } from '../lib/index.ts';
import type { ApiTokensRepo } from './api-tokens-repo.ts';
import { authErrors } from './auth-errors.ts';
import type { Principal } from './auth-types.ts';
import {
  assertPasswordAcceptable,
  generateOneTimePassword,
  normaliseEmail,
  slugify,
} from './identity-fns.ts';
import type { LoginLimiter } from './login-limiter.ts';
import type { OrganizationsRepo } from './organizations-repo.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { rolesAbove } from './roles.ts';
import type { SessionsRepo } from './sessions-repo.ts';
import type { MemberRow, UsersRepo } from './users-repo.ts';

/** Who acts, for audit purposes (a principal, or the system via the CLI). */
export type Actor = Pick<Principal, 'userId' | 'tokenId'>;
export const SYSTEM_ACTOR: Actor = { userId: null, tokenId: null };

export interface MemberView {
  id: number;
  email: string;
  name: string;
  role: Role;
  isPlatformAdmin: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

function toMemberView(row: MemberRow): MemberView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    isPlatformAdmin: row.is_platform_admin === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

export interface NewPerson {
  email: string;
  name: string;
  /** Omit to generate a one-time password, returned once. */
  password?: Secret;
  isPlatformAdmin?: boolean;
}

/** Organizations, their members and roles, passwords. */
export function createIdentityService(deps: {
  db: Kysely<DB>;
  users: UsersRepo;
  organizations: OrganizationsRepo;
  sessions: SessionsRepo;
  audit: AuditService;
  clock: Clock;
  /** A password reset lifts the e-mail's login lockout, so the person can sign in at once. */
  loginLimiter?: Pick<LoginLimiter, 'clearEmail'>;
  /** Removing or demoting a member revokes or narrows the API tokens they created. */
  tokens?: Pick<ApiTokensRepo, 'revokeAllOfCreator' | 'narrowAllOfCreator'>;
}) {
  const { db, users, organizations, sessions, audit, clock } = deps;
  const now = () => toTimestamp(clock.now());

  /** Finds the person by e-mail or creates them; returns a one-time password if one was made. */
  async function findOrCreateUser(trx: Kysely<DB>, person: NewPerson) {
    const email = normaliseEmail(person.email);
    const existing = await users.findByEmail(email, trx);
    if (existing) return { user: existing, oneTimePassword: undefined };
    const oneTimePassword = person.password ? undefined : generateOneTimePassword();
    const password = person.password ?? (oneTimePassword as Secret);
    assertPasswordAcceptable(password);
    const user = await users.insert(
      {
        email,
        name: person.name,
        password_hash: await hashPassword(password),
        is_platform_admin: person.isPlatformAdmin ? 1 : 0,
        must_change_password: oneTimePassword ? 1 : 0,
        created_at: now(),
        updated_at: now(),
      },
      trx,
    );
    return { user, oneTimePassword };
  }

  /** Creates an organization and its first admin (an existing person is added, not recreated). */
  async function createOrganization(
    actor: Actor,
    input: { name: string; slug?: string; admin: NewPerson },
  ) {
    const slug = input.slug ?? slugify(input.name);
    if (await organizations.findBySlug(slug)) throw authErrors.ORGANIZATION_SLUG_TAKEN();
    return db.transaction().execute(async (trx) => {
      const organization = await organizations.insert(
        { name: input.name, slug, created_at: now() },
        trx,
      );
      const { user, oneTimePassword } = await findOrCreateUser(trx, input.admin);
      await users.addMembership(
        { organization_id: organization.id, user_id: user.id, role: 'admin', created_at: now() },
        trx,
      );
      await audit.record(
        {
          organizationId: organization.id,
          actor,
          action: 'organization.created',
          target: { type: 'organization', id: organization.id },
          details: { name: organization.name, slug, adminUserId: user.id },
        },
        trx,
      );
      return { organization, admin: user, oneTimePassword };
    });
  }

  async function addMember(
    actor: Principal | (Actor & { organizationId: number }),
    input: NewPerson & { role: Role },
  ): Promise<{ member: MemberView; oneTimePassword: Secret | undefined }> {
    const organizationId = actor.organizationId;
    return db.transaction().execute(async (trx) => {
      const { user, oneTimePassword } = await findOrCreateUser(trx, input);
      if (await users.membership(organizationId, user.id, trx))
        throw authErrors.USER_ALREADY_MEMBER();
      await users.addMembership(
        { organization_id: organizationId, user_id: user.id, role: input.role, created_at: now() },
        trx,
      );
      await audit.record(
        {
          organizationId,
          actor,
          action: 'member.added',
          target: { type: 'user', id: user.id },
          details: { role: input.role },
        },
        trx,
      );
      const member = await users.findMember(organizationId, user.id, trx);
      if (!member) throw commonErrors.NOT_FOUND();
      return { member: toMemberView(member), oneTimePassword };
    });
  }

  async function listMembers(organizationId: number): Promise<MemberView[]> {
    return (await users.listMembers(organizationId)).map(toMemberView);
  }

  async function getMember(organizationId: number, userId: number): Promise<MemberView> {
    const row = await users.findMember(organizationId, userId);
    if (!row) throw commonErrors.NOT_FOUND();
    return toMemberView(row);
  }

  /** Changes a member's role or name; refuses to leave the organization without an admin. */
  async function updateMember(
    actor: Principal,
    userId: number,
    input: { role?: Role; name?: string },
  ) {
    const organizationId = actor.organizationId;
    await db.transaction().execute(async (trx) => {
      const member = await users.findMember(organizationId, userId, trx);
      if (!member) throw commonErrors.NOT_FOUND();
      if (input.role && input.role !== member.role) {
        if (member.role === 'admin' && (await users.countAdmins(organizationId, trx)) <= 1) {
          throw authErrors.USER_LAST_ADMIN();
        }
        await users.setRole(organizationId, userId, input.role, trx);
        const narrowed =
          (await deps.tokens?.narrowAllOfCreator(
            organizationId,
            userId,
            input.role,
            rolesAbove(input.role),
            trx,
          )) ?? [];
        await audit.record(
          {
            organizationId,
            actor,
            action: 'member.role_changed',
            target: { type: 'user', id: userId },
            details: { from: member.role, to: input.role, narrowedTokenIds: narrowed },
          },
          trx,
        );
      }
      if (input.name && input.name !== member.name) {
        await users.update(userId, { name: input.name, updated_at: now() }, trx);
      }
    });
    return getMember(organizationId, userId);
  }

  /** Removes a member and signs them out of this organization at once. */
  async function removeMember(actor: Principal, userId: number): Promise<void> {
    const organizationId = actor.organizationId;
    await db.transaction().execute(async (trx) => {
      const member = await users.findMember(organizationId, userId, trx);
      if (!member) throw commonErrors.NOT_FOUND();
      if (member.role === 'admin' && (await users.countAdmins(organizationId, trx)) <= 1) {
        throw authErrors.USER_LAST_ADMIN();
      }
      await users.removeMembership(organizationId, userId, trx);
      await sessions.deleteForMember(organizationId, userId, trx);
      const revoked =
        (await deps.tokens?.revokeAllOfCreator(organizationId, userId, now(), trx)) ?? [];
      await audit.record(
        {
          organizationId,
          actor,
          action: 'member.removed',
          target: { type: 'user', id: userId },
          details: { revokedTokenIds: revoked },
        },
        trx,
      );
    });
  }

  /** A person changes their own password; other sessions of theirs are signed out. */
  async function changePassword(
    principal: Principal,
    current: Secret,
    next: Secret,
  ): Promise<void> {
    if (principal.userId === null) throw authErrors.AUTH_USER_REQUIRED();
    const user = await users.findById(principal.userId);
    if (!user || !(await verifyPassword(current, user.password_hash))) {
      throw authErrors.AUTH_PASSWORD_WRONG();
    }
    assertPasswordAcceptable(next);
    await users.update(user.id, {
      password_hash: await hashPassword(next),
      must_change_password: 0,
      updated_at: now(),
    });
    await sessions.deleteOthersOfUser(user.id, principal.sessionId);
    await audit.record({
      organizationId: principal.organizationId,
      actor: principal,
      action: 'user.password_changed',
      target: { type: 'user', id: user.id },
    });
  }

  /** Operator recovery from the CLI: a new one-time password, every session signed out. */
  async function resetPassword(email: string): Promise<Secret> {
    const user = await users.findByEmail(normaliseEmail(email));
    if (!user)
      throw commonErrors.NOT_FOUND({ message: `No user with e-mail ${normaliseEmail(email)}.` });
    const password = generateOneTimePassword();
    await users.update(user.id, {
      password_hash: await hashPassword(password),
      must_change_password: 1,
      updated_at: now(),
    });
    await sessions.deleteOthersOfUser(user.id, null);
    await deps.loginLimiter?.clearEmail(user.email);
    await audit.record({
      organizationId: null,
      actor: SYSTEM_ACTOR,
      action: 'user.password_reset',
      target: { type: 'user', id: user.id },
    });
    return password;
  }

  async function renameOrganization(actor: Principal, name: string) {
    const organization = await organizations.rename(actor.organizationId, name);
    await audit.record({
      organizationId: actor.organizationId,
      actor,
      action: 'organization.renamed',
      target: { type: 'organization', id: actor.organizationId },
      details: { name },
    });
    return organization;
  }

  return {
    createOrganization,
    addMember,
    listMembers,
    getMember,
    updateMember,
    removeMember,
    changePassword,
    resetPassword,
    renameOrganization,
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
