import { defineErrors } from '../lib/index.ts';

export const authErrors = defineErrors('auth', {
  AUTH_REQUIRED: {
    status: 401,
    message: 'Sign in, or send an API token as `Authorization: Bearer <token>`.',
    description: 'The request carried neither a session cookie nor an API token.',
  },
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    message: 'Wrong e-mail or password.',
    description:
      'Login failed. The same answer is given for an unknown e-mail, so accounts cannot be discovered.',
  },
  AUTH_SESSION_INVALID: {
    status: 401,
    message: 'Your session is not valid. Sign in again.',
    description: 'The session cookie is unknown: signed out, or the membership was removed.',
  },
  AUTH_SESSION_EXPIRED: {
    status: 401,
    message: 'Your session has expired. Sign in again.',
    description: 'The session is older than `SESSION_TTL_HOURS`.',
  },
  AUTH_TOKEN_INVALID: {
    status: 401,
    message: 'The API token is not valid.',
    description: 'The bearer token is unknown or malformed.',
  },
  AUTH_TOKEN_REVOKED: {
    status: 401,
    message: 'The API token has been revoked.',
    description: 'An admin revoked this token. Create a new one.',
  },
  AUTH_CSRF_MISSING: {
    status: 403,
    message: 'Missing CSRF token. Send the `x-csrf-token` header from GET /api/auth/session.',
    description:
      'Writes authenticated by the session cookie must carry the session CSRF token in `x-csrf-token`.',
  },
  AUTH_CSRF_INVALID: {
    status: 403,
    message: 'The CSRF token does not match this session.',
    description: 'The `x-csrf-token` header belongs to another session or was altered.',
  },
  AUTH_FORBIDDEN: {
    status: 403,
    message: 'Your role does not allow this.',
    description: 'The route needs a higher role (staff < manager < admin) or a platform admin.',
  },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: 'Choose a new password first (POST /api/auth/password).',
    description:
      'You signed in with a one-time password. Until you change it, only GET /api/auth/session, POST /api/auth/password and POST /api/auth/logout answer.',
  },
  AUTH_USER_REQUIRED: {
    status: 403,
    message: 'This action needs a signed-in person, not an API token.',
    description: 'Some actions (changing your password, signing out) belong to a person.',
  },
  AUTH_RATE_LIMITED: {
    status: 429,
    message: 'Too many failed sign-in attempts. Try again later.',
    description:
      'Login attempts for this e-mail (`LOGIN_MAX_FAILURES`) or from this address (four times that) within `LOGIN_WINDOW_SECONDS` ran out. `details.retryAfterSeconds` says when to retry; an admin resetting the password lifts an e-mail lockout.',
    retryable: true,
  },
  SIGNUP_RATE_LIMITED: {
    status: 429,
    message: 'Too many sign-ups from this address. Try again later.',
    description:
      'Public sign-up allows `SIGNUP_MAX_PER_HOUR` attempts per client address per hour, successful or not. `details.retryAfterSeconds` (and the `Retry-After` header) says when to retry.',
    retryable: true,
  },
  AUTH_ORGANIZATION_NOT_FOUND: {
    status: 404,
    message: 'No such organization for this account.',
    description:
      'The organization named at login does not exist or the account is not a member of it.',
  },
  AUTH_NO_ORGANIZATION: {
    status: 403,
    message: 'This account belongs to no organization.',
    description: 'Ask an admin to add you to an organization.',
  },
  AUTH_PASSWORD_TOO_WEAK: {
    status: 400,
    message: 'Passwords need at least 12 characters.',
    description: 'Choose a longer password (12–256 characters).',
  },
  AUTH_PASSWORD_WRONG: {
    status: 400,
    message: 'The current password is wrong.',
    description: 'Changing a password requires the current one.',
  },
  USER_ALREADY_MEMBER: {
    status: 409,
    message: 'That person is already a member of this organization.',
    description: 'Change their role instead.',
  },
  USER_LAST_ADMIN: {
    status: 409,
    message: 'An organization needs at least one admin.',
    description: 'Make someone else admin before demoting or removing the last one.',
  },
  TOKEN_ROLE_TOO_HIGH: {
    status: 403,
    message: 'A token cannot have a higher role than its creator.',
    description: 'Pick a role at or below your own.',
  },
  ORGANIZATION_SLUG_TAKEN: {
    status: 409,
    message: 'That organization slug is taken.',
    description: 'Organization slugs are unique across the deployment; choose another.',
  },
});
