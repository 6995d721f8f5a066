import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, WebhookEndpointsTable } from '../db/index.ts';

/** The only code that queries `webhook_endpoints`. Scoped by organization. */
export function createWebhookEndpointsRepo(db: Kysely<DB>) {
  return {
    insert: (values: Insertable<WebhookEndpointsTable>, executor = db) =>
      executor
        .insertInto('webhook_endpoints')
        .values(values)
        .returningAll()
        .executeTakeFirstOrThrow(),

    update: (
      organizationId: number,
      id: number,
      values: Updateable<WebhookEndpointsTable>,
      executor = db,
    ) =>
      executor
        .updateTable('webhook_endpoints')
        .set(values)
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .execute(),

    delete: (organizationId: number, id: number, executor = db) =>
      executor
        .deleteFrom('webhook_endpoints')
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .execute(),

    find: (organizationId: number, id: number, executor = db) =>
      executor
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .executeTakeFirst(),

    list: (organizationId: number, executor = db) =>
      executor
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .orderBy('id')
        .execute(),
  };
}

export type WebhookEndpointsRepo = ReturnType<typeof createWebhookEndpointsRepo>;
