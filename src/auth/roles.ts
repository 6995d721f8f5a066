import type { Role } from '../db/index.ts';

export type { Role };

export const ROLES: readonly Role[] = ['staff', 'manager', 'admin'];

const RANK: Record<Role, number> = { staff: 0, manager: 1, admin: 2 };

/** Whether `role` grants at least what `required` grants (admin ⊃ manager ⊃ staff). */
export function roleAtLeast(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

export function isRole(value: unknown): value is Role {
  return value === 'admin' || value === 'manager' || value === 'staff';
}

/** The lower of two roles: what a token may do when its creator's role is lower than its own. */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

/** The roles above `role`, e.g. `manager` → `['admin']`. */
export function rolesAbove(role: Role): Role[] {
  return ROLES.filter((r) => RANK[r] > RANK[role]);
}
