export {
  API_TOKEN_PREFIX,
  type ApiTokenService,
  type ApiTokenView,
  createApiTokenService,
} from './api-token-service.ts';
export { type ApiTokensRepo, createApiTokensRepo } from './api-tokens-repo.ts';
export { authErrors } from './auth-errors.ts';
export type { Principal } from './auth-types.ts';
export { generateOneTimePassword, MIN_PASSWORD_LENGTH, slugify } from './identity-fns.ts';
export {
  type Actor,
  createIdentityService,
  type IdentityService,
  type MemberView,
  type NewPerson,
  SYSTEM_ACTOR,
} from './identity-service.ts';
export { createLoginLimiter, type LoginLimiter } from './login-limiter.ts';
export { createOrganizationsRepo, type OrganizationsRepo } from './organizations-repo.ts';
export { hashPassword, verifyPassword } from './password-hash.ts';
export { isRole, ROLES, type Role, roleAtLeast } from './roles.ts';
export {
  createSessionService,
  csrfTokenFor,
  type LoginResult,
  type SessionService,
} from './session-service.ts';
export { createSessionsRepo, type SessionsRepo } from './sessions-repo.ts';
export { createUsersRepo, type UsersRepo } from './users-repo.ts';
