import { sql } from 'kysely';
import { z } from 'zod';
import { pendingMigrations } from '../../db/index.ts';
import { commonErrors } from '../../lib/index.ts';
import type { AppServices } from '../../main/services.ts';
import { errorBody } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

/** Liveness and readiness, for load balancers and orchestrators. */
export function registerHealthRoutes(app: ZodApp, services: AppServices): void {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'The database is reachable and migrated',
        response: { 200: z.object({ status: z.literal('ready') }), 503: errorBody },
      },
    },
    async () => {
      const { db, dialect } = services.database;
      try {
        await sql`select 1`.execute(db);
      } catch {
        throw commonErrors.SERVICE_UNAVAILABLE({ message: 'The database is unreachable.' });
      }
      const pending = await pendingMigrations(db, dialect);
      if (pending.length > 0) {
        throw commonErrors.SERVICE_UNAVAILABLE({
          message: 'Database migrations are pending. Run `tracegate migrate`.',
          details: { pending },
        });
      }
      return { status: 'ready' as const };
    },
  );
}
