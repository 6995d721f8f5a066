export {
  API_TOKEN_PREFIX,
  type ApiTokenService,
  type ApiTokenView,
  createApiTokenService,
} from './api-token-service.ts';
export { type ApiTokensRepo, createApiTokensRepo } from './api-tokens-repo.ts';
export { authErrors } from './auth-errors.ts';
export type { Principal } from './auth-types.ts';
export type { HashingGate } from './hashing-gate.ts';
export { generateOneTimePassword, MIN_PASSWORD_LENGTH, slugify } from './identity-fns.ts';
export {
  type Actor,
  createIdentityService,
  type IdentityService,
  type MemberView,
  type NewPerson,
  SYSTEM_ACTOR,
} from './identity-service.ts';
export {
  ADDRESS_ALLOWANCE_FACTOR,
  createLoginLimiter,
  type LoginAttempt,
  type LoginLimiter,
} from './login-limiter.ts';
export { createLoginThrottleRepo, type LoginThrottleRepo } from './login-throttle-repo.ts';
export { createOrganizationsRepo, type OrganizationsRepo } from './organizations-repo.ts';
export {
  hashPassword,
  MAX_CONCURRENT_HASHES,
  passwordHashingGate,
  verifyPassword,
} from './password-hash.ts';
export { isRole, ROLES, type Role, roleAtLeast } from './roles.ts';
export {
  createSessionService,
  csrfTokenFor,
  type LoginResult,
  type SessionService,
} from './session-service.ts';
export { createSessionsRepo, type SessionsRepo } from './sessions-repo.ts';
export { createSignupLimiter, SIGNUP_WINDOW_MS, type SignupLimiter } from './signup-limiter.ts';
export { createUsersRepo, type UsersRepo } from './users-repo.ts';
