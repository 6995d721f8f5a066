import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';
import type { AlertPreference } from './preferences-fns.ts';

/** The only code that queries `alert_preferences`. */
export function createPreferencesRepo(db: Kysely<DB>) {
  return {
    list: (organizationId: number, executor = db) =>
      executor
        .selectFrom('alert_preferences')
        .select(['role', 'kind', 'console', 'email', 'on_resolve'])
        .where('organization_id', '=', organizationId)
        .execute(),

    /** Insert or replace one (organization, role, kind) row. */
    upsert: (organizationId: number, pref: AlertPreference, at: string, executor = db) =>
      executor
        .insertInto('alert_preferences')
        .values({
          organization_id: organizationId,
          role: pref.role,
          kind: pref.kind,
          console: pref.console ? 1 : 0,
          email: pref.email ? 1 : 0,
          on_resolve: pref.onResolve ? 1 : 0,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['organization_id', 'role', 'kind']).doUpdateSet({
            console: pref.console ? 1 : 0,
            email: pref.email ? 1 : 0,
            on_resolve: pref.onResolve ? 1 : 0,
            updated_at: at,
          }),
        )
        .execute(),
  };
}

export type PreferencesRepo = ReturnType<typeof createPreferencesRepo>;
