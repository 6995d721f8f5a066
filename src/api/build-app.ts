import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ApiServices } from './api-services.ts';
import { registerAuthentication } from './plugins/authenticate.ts';
import { frameworkErrorHandler, registerErrorHandler } from './plugins/error-handler.ts';
import { registerIdempotency } from './plugins/idempotency.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerRejectNul } from './plugins/reject-nul.ts';
import { registerAlertsRoutes } from './routes/alerts-routes.ts';
import { registerAuditRoutes } from './routes/audit-routes.ts';
import { registerAuthRoutes } from './routes/auth-routes.ts';
import { registerCredentialsRoutes } from './routes/credentials-routes.ts';
import { registerHealthRoutes } from './routes/health-routes.ts';
import { registerHomeRoutes } from './routes/home-routes.ts';
import { registerInsightsRoutes } from './routes/insights-routes.ts';
import { registerIntakeRoutes } from './routes/intake-routes.ts';
import { registerLicensesRoutes } from './routes/licenses-routes.ts';
import { registerMembersRoutes } from './routes/members-routes.ts';
import { registerOrganizationRoutes } from './routes/organization-routes.ts';
import { registerPlatformRoutes } from './routes/platform-routes.ts';
import { registerSignupRoutes } from './routes/signup-routes.ts';
import { registerSubmissionsRoutes } from './routes/submissions-routes.ts';
import { registerSyncRoutes } from './routes/sync-routes.ts';
import { registerTokensRoutes } from './routes/tokens-routes.ts';
import { registerVendorKeysRoutes } from './routes/vendor-keys-routes.ts';
import { registerWebhookEndpointsRoutes } from './routes/webhook-endpoints-routes.ts';
import type { ZodApp } from './zod-app.ts';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const API_VERSION = '0.1.0';

/**
 * The HTTP application, without listening: tests call `app.inject()`, the server calls `listen`.
 *
 * @example
 * const app = await buildApp(services);
 * const res = await app.inject({ method: 'GET', url: '/healthz' });
 */
export async function buildApp(services: ApiServices): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.logger as FastifyBaseLogger,
    bodyLimit: services.config.bodyLimitBytes,
    // Honour a caller's request id when it is a sane token, so logs join across systems.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  // JSON only: a text/plain body would otherwise reach validation as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandler(app);
  registerRejectNul(app);
  await app.register(cookie);
  registerAuthentication(app, services);
  registerIdempotency(app, services.idempotency);
  await registerOpenApi(app, API_VERSION);

  const zodApp: ZodApp = app;
  registerHomeRoutes(zodApp);
  registerHealthRoutes(zodApp, services);
  registerAuthRoutes(zodApp, services);
  registerOrganizationRoutes(zodApp, services);
  registerMembersRoutes(zodApp, services);
  registerTokensRoutes(zodApp, services);
  registerLicensesRoutes(zodApp, services);
  registerAuditRoutes(zodApp, services);
  registerPlatformRoutes(zodApp, services);
  registerVendorKeysRoutes(zodApp, services);
  registerCredentialsRoutes(zodApp, services);
  registerIntakeRoutes(zodApp, services);
  registerAlertsRoutes(zodApp, services);
  registerWebhookEndpointsRoutes(zodApp, services);
  registerInsightsRoutes(zodApp, services);
  registerSignupRoutes(zodApp, services);
  registerSyncRoutes(zodApp, services);
  registerSubmissionsRoutes(zodApp, services);

  await app.ready();
  return app;
}
