import type { Role, Session } from '../../api/types.ts';

const RANK: Record<Role, number> = { staff: 0, manager: 1, admin: 2 };

/** Whether the session's role is at least `role` (the server decides; this only hides). */
export function hasRole(session: Pick<Session, 'role'> | null | undefined, role: Role): boolean {
  return session ? RANK[session.role] >= RANK[role] : false;
}

export interface NavItem {
  to: string;
  label: string;
}

/**
 * The pages a person sees: managers and admins look after licenses and people (rule 7); everyone
 * sees keys, alerts, the mirrored inventory and sync status, checks a key and sets their own on
 * their profile. Notification preferences need a manager (read) or an admin (change).
 */
export function navFor(session: Pick<Session, 'role'>): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: 'Home' }];
  if (hasRole(session, 'manager')) items.push({ to: '/facilities', label: 'Facility Management' });
  items.push({ to: '/credentials', label: 'Traceability Credentials' });
  items.push({ to: '/submissions', label: 'Metrc Submissions' });
  items.push({ to: '/alerts', label: 'Alerts' });
  items.push({ to: '/inventory', label: 'Inventory' });
  items.push({ to: '/sync', label: 'Sync' });
  if (hasRole(session, 'manager')) items.push({ to: '/notifications', label: 'Notifications' });
  items.push({ to: '/check-key', label: 'Check a key' });
  if (hasRole(session, 'manager')) items.push({ to: '/users', label: 'Users' });
  items.push({ to: '/profile', label: 'Your profile' });
  return items;
}
