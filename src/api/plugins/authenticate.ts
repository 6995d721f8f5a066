import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiTokenService, SessionService } from '../../auth/index.ts';
import { authErrors, type Principal, roleAtLeast } from '../../auth/index.ts';
import type { Access } from '../route-access.ts';

export const SESSION_COOKIE = 'tg_session';

/** One route and who may call it; `app.routeCatalogue` lists them all (docs, matrix test). */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: RouteAccess[];
  }
}
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller (API token or session cookie) and enforces the route's `config.access`,
 * before the body is even read. Cookie-authenticated writes must carry the CSRF header.
 */
export function registerAuthentication(
  app: FastifyInstance,
  deps: { sessions: SessionService; apiTokens: ApiTokenService },
): void {
  app.decorateRequest('principal', null);
  const catalogue: RouteAccess[] = [];
  app.decorate('routeCatalogue', catalogue);

  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (url.startsWith('/api/docs')) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${url} declares no access`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') catalogue.push({ method, url, access });
    }
  });

  app.addHook('onRequest', async (request) => {
    const access: Access | undefined = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const principal = await resolvePrincipal(request, deps);
    if (!principal) throw authErrors.AUTH_REQUIRED();
    request.principal = principal;
    // A one-time password opens only the door to changing it (checked on the server, not the UI).
    if (principal.mustChangePassword && !request.routeOptions.config.allowedBeforePasswordChange) {
      throw authErrors.AUTH_PASSWORD_CHANGE_REQUIRED();
    }
    if (access === 'platform') {
      if (!principal.isPlatformAdmin) throw authErrors.AUTH_FORBIDDEN();
      return;
    }
    if (!roleAtLeast(principal.role, access)) throw authErrors.AUTH_FORBIDDEN();
  });
}

async function resolvePrincipal(
  request: FastifyRequest,
  deps: { sessions: SessionService; apiTokens: ApiTokenService },
): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw authErrors.AUTH_TOKEN_INVALID();
    return deps.apiTokens.authenticate(match[1]);
  }
  const sessionToken = request.cookies[SESSION_COOKIE];
  if (!sessionToken) return null;
  const principal = await deps.sessions.authenticate(sessionToken);
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    deps.sessions.checkCsrf(sessionToken, Array.isArray(header) ? header[0] : header);
  }
  return principal;
}

/** The caller of a non-public route (set by the onRequest hook). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw authErrors.AUTH_REQUIRED();
  return request.principal;
}
