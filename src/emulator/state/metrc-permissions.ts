/**
 * Metrc's per-license employee permissions, named as in the docs' "Permissions Required" lines
 * (metrc-api.md §6.2). `GET /employees/v2/permissions` answers them in lower case.
 */
export const PERMISSION_GROUPS = {
  administration: ['View Employees', 'Manage Employees'],
  catalogue: [
    'Manage Items',
    'Manage Strains',
    'Manage Locations',
    'Manage Tags',
    'Manage Additives',
  ],
  plants: [
    'View Immature Plants',
    'Manage Immature Plants Inventory',
    'Destroy Immature Plants',
    'View Veg/Flower Plants',
    'Manage Veg/Flower Plants Inventory',
    'Destroy Veg/Flower Plants',
    'Manicure/Harvest Veg/Flower Plants',
    'View Plants Additives',
    'Manage Plants Additives',
    'View Plants Waste',
    'Manage Plants Waste',
    'View Mother Plants',
  ],
  harvests: [
    'View Harvests',
    'Manage Harvests',
    'Finish/Discontinue Harvests',
    'Discontinue Harvest Waste',
  ],
  packages: [
    'View Packages',
    'Create/Submit/Discontinue Packages',
    'Manage Packages Inventory',
    'Manage Package Notes',
    'View Package Source Harvests',
    'Manage Processing Job',
  ],
  transfers: [
    'View Transfers',
    'Manage Transfers',
    'View Transfer Templates',
    'Manage Transfer Templates',
    'Manage Transfer Hub',
    'Manage Transporters',
  ],
  sales: ['View Sales', 'Manage Sales'],
  salesDelivery: [
    'View Sales Delivery',
    'Manage Sales Delivery',
    'Manage Sales Delivery Hub',
    'View Retailer Delivery',
    'Manage Retailer Delivery',
  ],
  patients: ['Manage Patients', 'Lookup Patients', 'Lookup Caregivers', 'ManagePatientsCheckIns'],
} as const;

export type PermissionGroup = keyof typeof PERMISSION_GROUPS;
export type Permission = (typeof PERMISSION_GROUPS)[PermissionGroup][number];

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSION_GROUPS).flat();

/** Metrc's default for a new employee: "user permissions are view-only by default" (CX). */
export const VIEW_ONLY_PERMISSIONS: readonly Permission[] = ALL_PERMISSIONS.filter((name) =>
  name.startsWith('View '),
);

const canonical = new Map(ALL_PERMISSIONS.map((name) => [name.toLowerCase(), name]));

/** The canonical spelling of a permission name given in any case; undefined if unknown. */
export function parsePermission(name: string): Permission | undefined {
  return canonical.get(name.trim().toLowerCase());
}

/** Every permission except those of the named groups (e.g. a budtender without Packages). */
export function permissionsExcept(...groups: PermissionGroup[]): Permission[] {
  const excluded = new Set<string>(groups.flatMap((group) => PERMISSION_GROUPS[group]));
  return ALL_PERMISSIONS.filter((name) => !excluded.has(name));
}

/** The permissions of the named groups. */
export function permissionsOf(...groups: PermissionGroup[]): Permission[] {
  return groups.flatMap((group) => [...PERMISSION_GROUPS[group]]);
}
