import type { Role } from '../auth/index.ts';
import { ALERT_KINDS, type AlertKind } from './alert-types.ts';

export const ALERT_ROLES: readonly Role[] = ['admin', 'manager', 'staff'];

/** Which channels one role uses for one alert kind. */
export interface AlertPreference {
  role: Role;
  kind: AlertKind;
  /** Shown in this role's console inbox. */
  console: boolean;
  /** E-mailed to every member with this role. */
  email: boolean;
  /** Also tell them when it resolves (the raise is always told). */
  onResolve: boolean;
}

/** Kinds raised per package: many at once on a busy license, so the console only by default. */
const CONSOLE_ONLY_BY_DEFAULT: ReadonlySet<AlertKind> = new Set([
  'package_expiring',
  'quantity_drift',
]);

/**
 * Without a stored row: everyone sees every kind in the console; admins and managers get it by
 * e-mail too (they fix keys and failed submissions), except the per-package kinds that come in
 * numbers; staff are not e-mailed by default.
 */
export function defaultPreference(role: Role, kind: AlertKind): AlertPreference {
  const email = role !== 'staff' && !CONSOLE_ONLY_BY_DEFAULT.has(kind);
  return { role, kind, console: true, email, onResolve: false };
}

/** The full role × kind matrix: stored rows over defaults. */
export function preferenceMatrix(
  stored: ReadonlyArray<{
    role: Role;
    kind: string;
    console: number;
    email: number;
    on_resolve: number;
  }>,
): AlertPreference[] {
  const byKey = new Map(stored.map((row) => [`${row.role}:${row.kind}`, row]));
  return ALERT_ROLES.flatMap((role) =>
    ALERT_KINDS.map((kind) => {
      const row = byKey.get(`${role}:${kind}`);
      return row
        ? {
            role,
            kind,
            console: row.console === 1,
            email: row.email === 1,
            onResolve: row.on_resolve === 1,
          }
        : defaultPreference(role, kind);
    }),
  );
}
