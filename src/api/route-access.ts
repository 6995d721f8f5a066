import type { Principal } from '../auth/index.ts';

/**
 * Who may call a route. Every route declares one in `config.access`; a route without it fails at
 * start-up, so nothing is public by accident.
 * - `public`: anyone; `staff` / `manager` / `admin`: that role or higher in the organization;
 * - `platform`: a platform admin (deployment-wide settings), signed in with a session.
 */
export type Access = 'public' | 'staff' | 'manager' | 'admin' | 'platform';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Answers a session that must still change its one-time password (session, password, logout). */
    allowedBeforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
