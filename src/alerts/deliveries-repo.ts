import type { Insertable, Kysely } from 'kysely';
import type {
  AlertDeliveriesTable,
  AlertDeliveryAttemptsTable,
  AlertDeliveryRow,
  DB,
} from '../db/index.ts';

/** The only code that queries `alert_deliveries` and `alert_delivery_attempts`. */
export function createDeliveriesRepo(db: Kysely<DB>) {
  return {
    /** Adds deliveries; one that already exists (same alert, event, channel, target) is kept. */
    insertMany: async (rows: Insertable<AlertDeliveriesTable>[], executor = db) => {
      if (rows.length === 0) return;
      await executor
        .insertInto('alert_deliveries')
        .values(rows)
        .onConflict((oc) => oc.columns(['alert_id', 'event', 'channel', 'target']).doNothing())
        .execute();
    },

    /** Pending deliveries whose time has come, oldest first. */
    listDue: (now: string, limit: number, organizationId?: number) => {
      let query = db
        .selectFrom('alert_deliveries')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit);
      if (organizationId !== undefined) query = query.where('organization_id', '=', organizationId);
      return query.execute();
    },

    /**
     * Takes a delivery for one attempt by moving its next attempt past the lease; only one
     * worker wins, so a message is not sent twice at once.
     */
    claim: async (row: AlertDeliveryRow, leaseUntil: string) => {
      const result = await db
        .updateTable('alert_deliveries')
        .set({ next_attempt_at: leaseUntil })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '=', row.next_attempt_at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Records an attempt and the delivery's new state together. */
    settle: (
      id: number,
      values: Pick<
        AlertDeliveryRow,
        'status' | 'attempts' | 'next_attempt_at' | 'last_error' | 'delivered_at'
      >,
      attempt: Insertable<AlertDeliveryAttemptsTable>,
    ) =>
      db.transaction().execute(async (trx) => {
        await trx.updateTable('alert_deliveries').set(values).where('id', '=', id).execute();
        await trx.insertInto('alert_delivery_attempts').values(attempt).execute();
      }),

    list: (
      organizationId: number,
      filter: { alertId?: number; status?: AlertDeliveryRow['status']; limit?: number } = {},
    ) => {
      let query = db
        .selectFrom('alert_deliveries')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .orderBy('id', 'desc')
        .limit(filter.limit ?? 100);
      if (filter.alertId !== undefined) query = query.where('alert_id', '=', filter.alertId);
      if (filter.status) query = query.where('status', '=', filter.status);
      return query.execute();
    },

    attemptsOf: (organizationId: number, deliveryIds: number[]) =>
      deliveryIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('alert_delivery_attempts')
            .selectAll()
            .where('organization_id', '=', organizationId)
            .where('delivery_id', 'in', deliveryIds)
            .orderBy('delivery_id')
            .orderBy('attempt')
            .execute(),
  };
}

export type DeliveriesRepo = ReturnType<typeof createDeliveriesRepo>;
