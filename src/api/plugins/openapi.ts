import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import {
  declareWriteConventions,
  docsCsrfInterceptor,
  SECURITY_SCHEMES,
} from './openapi-conventions.ts';

/** OpenAPI generated from the routes' zod schemas, at /api/openapi.json, browsable at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  const keyRequired = new Set<string>();
  app.addHook('onRoute', (route) => {
    if (route.config?.idempotencyKey !== 'required') return;
    for (const method of [route.method].flat()) keyRequired.add(`${method} ${route.url}`);
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tracegate API',
        version,
        description:
          'Metrc credentials, verification and submissions. Errors answer `{ code, message, details, requestId }`; codes are listed in docs/errors.md. Writes accept an `Idempotency-Key` header (safe retries for 24 h).',
      },
      components: { securitySchemes: SECURITY_SCHEMES },
      security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (documents) =>
      declareWriteConventions(
        'openapiObject' in documents ? documents.openapiObject : documents.swaggerObject,
        app.routeCatalogue,
        keyRequired,
      ),
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { requestInterceptor: docsCsrfInterceptor } as Record<string, unknown>,
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
