import type { Insertable, Kysely } from 'kysely';
import type { AlertRow, AlertsTable, DB } from '../db/index.ts';
import type { AlertView } from './alert-types.ts';

export interface AlertFilter {
  status?: 'open' | 'resolved';
  kinds?: readonly string[];
  licenseId?: number;
  limit?: number;
  /** Only rows with an id below this (paging newest first). */
  beforeId?: number;
}

/** The only code that queries `alerts`. Every query is scoped by organization. */
export function createAlertsRepo(db: Kysely<DB>) {
  return {
    listOpen: (organizationId: number, kinds: readonly string[], executor = db) =>
      kinds.length === 0
        ? Promise.resolve([] as AlertRow[])
        : executor
            .selectFrom('alerts')
            .selectAll()
            .where('organization_id', '=', organizationId)
            .where('status', '=', 'open')
            .where('kind', 'in', [...kinds])
            .execute(),

    insert: (values: Insertable<AlertsTable>, executor = db) =>
      executor.insertInto('alerts').values(values).returningAll().executeTakeFirstOrThrow(),

    /** Refreshes what an open alert says; the raise time and acknowledgement stay. */
    touch: (
      id: number,
      values: Pick<AlertRow, 'severity' | 'title' | 'details' | 'license_id' | 'last_seen_at'>,
      executor = db,
    ) => executor.updateTable('alerts').set(values).where('id', '=', id).execute(),

    /** Resolves an open alert; returns whether this call did it (a racing worker may have). */
    resolve: async (id: number, at: string, executor = db) => {
      const result = await executor
        .updateTable('alerts')
        .set({ status: 'resolved', resolved_at: at })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    find: (organizationId: number, id: number, executor = db) =>
      executor
        .selectFrom('alerts')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .executeTakeFirst(),

    list: (organizationId: number, filter: AlertFilter = {}) => {
      let query = db
        .selectFrom('alerts')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .orderBy('id', 'desc')
        .limit(filter.limit ?? 100);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.kinds) {
        if (filter.kinds.length === 0) return Promise.resolve([] as AlertRow[]);
        query = query.where('kind', 'in', [...filter.kinds]);
      }
      if (filter.licenseId !== undefined) query = query.where('license_id', '=', filter.licenseId);
      if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
      return query.execute();
    },

    acknowledge: (organizationId: number, id: number, userId: number | null, at: string) =>
      db
        .updateTable('alerts')
        .set({ acknowledged_at: at, acknowledged_by_user_id: userId })
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .where('acknowledged_at', 'is', null)
        .execute(),
  };
}

export type AlertsRepo = ReturnType<typeof createAlertsRepo>;

export function toAlertView(row: AlertRow): AlertView {
  return {
    id: row.id,
    kind: row.kind as AlertView['kind'],
    subjectKey: row.subject_key,
    licenseId: row.license_id,
    severity: row.severity,
    title: row.title,
    details: JSON.parse(row.details) as Record<string, unknown>,
    status: row.status,
    raisedAt: row.raised_at,
    lastSeenAt: row.last_seen_at,
    resolvedAt: row.resolved_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedByUserId: row.acknowledged_by_user_id,
  };
}
