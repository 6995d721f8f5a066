import type { Role } from './roles.ts';

/** Who is making a request, resolved from a session cookie or an API token. */
export interface Principal {
  kind: 'session' | 'token';
  organizationId: number;
  role: Role;
  /** The person; null for API tokens, which act for the organization. */
  userId: number | null;
  tokenId: number | null;
  sessionId: number | null;
  isPlatformAdmin: boolean;
  /**
   * A session of a person who must change their password first (a one-time password): only the
   * routes marked `allowedBeforePasswordChange` answer. Absent for API tokens.
   */
  mustChangePassword?: boolean;
}
