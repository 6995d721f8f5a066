/**
 * Reads of the mirror for the API and for other features (alerts, insights): always scoped by
 * organization, paged, newest change first.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';

export interface PageOptions {
  limit: number;
  offset: number;
}

export interface PackageFilter {
  licenseId?: number | undefined;
  itemId?: number | undefined;
  itemName?: string | undefined;
  category?: string | undefined;
  locationId?: number | undefined;
  locationName?: string | undefined;
  status?: 'active' | 'onhold' | 'inactive' | 'intransit' | undefined;
  /** `YYYY-MM-DD`: packages whose expiration date is before this day. */
  expiringBefore?: string | undefined;
  label?: string | undefined;
}

export interface MirroredPackage {
  id: number;
  licenseId: number;
  metrcId: number;
  label: string;
  status: string;
  itemId: number | null;
  itemName: string | null;
  category: string | null;
  locationId: number | null;
  locationName: string | null;
  quantity: number | null;
  unit: string | null;
  expirationDate: string | null;
  useByDate: string | null;
  labTestingState: string | null;
  packagedDate: string | null;
  lastModified: string;
  syncedAt: string;
}

export interface MirroredRecord {
  licenseId: number;
  metrcId: string;
  status: string;
  label: string | null;
  lastModified: string | null;
  syncedAt: string;
  record: unknown;
}

export function createMirrorQueries(db: Kysely<DB>) {
  async function packages(
    organizationId: number,
    filter: PackageFilter,
    page: PageOptions,
  ): Promise<{ total: number; packages: MirroredPackage[] }> {
    let query = db.selectFrom('mirror_packages').where('organization_id', '=', organizationId);
    if (filter.licenseId !== undefined) query = query.where('license_id', '=', filter.licenseId);
    if (filter.itemId !== undefined) query = query.where('item_id', '=', filter.itemId);
    if (filter.itemName) query = query.where('item_name', '=', filter.itemName);
    if (filter.category) query = query.where('item_category', '=', filter.category);
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.locationName) query = query.where('location_name', '=', filter.locationName);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.label) query = query.where('label', '=', filter.label);
    if (filter.expiringBefore)
      query = query
        .where('expiration_date', 'is not', null)
        .where('expiration_date', '<', filter.expiringBefore);
    const { n } = await query
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .orderBy('last_modified', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return {
      total: Number(n),
      packages: rows.map((r) => ({
        id: r.id,
        licenseId: r.license_id,
        metrcId: Number(r.metrc_id),
        label: r.label,
        status: r.status,
        itemId: r.item_id === null ? null : Number(r.item_id),
        itemName: r.item_name,
        category: r.item_category,
        locationId: r.location_id === null ? null : Number(r.location_id),
        locationName: r.location_name,
        quantity: r.quantity === null ? null : Number(r.quantity),
        unit: r.unit,
        expirationDate: r.expiration_date,
        useByDate: r.use_by_date,
        labTestingState: r.lab_testing_state,
        packagedDate: r.packaged_date,
        lastModified: r.last_modified,
        syncedAt: r.synced_at,
      })),
    };
  }

  async function records(
    organizationId: number,
    kind: string,
    filter: { licenseId?: number | undefined; status?: string | undefined },
    page: PageOptions,
  ): Promise<{ total: number; records: MirroredRecord[] }> {
    let query = db
      .selectFrom('mirror_records')
      .where('organization_id', '=', organizationId)
      .where('kind', '=', kind);
    if (filter.licenseId !== undefined) query = query.where('license_id', '=', filter.licenseId);
    if (filter.status) query = query.where('status', '=', filter.status);
    const { n } = await query
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .orderBy('last_modified', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return {
      total: Number(n),
      records: rows.map((r) => ({
        licenseId: r.license_id,
        metrcId: r.metrc_id,
        status: r.status,
        label: r.label,
        lastModified: r.last_modified,
        syncedAt: r.synced_at,
        record: JSON.parse(r.raw) as unknown,
      })),
    };
  }

  /** Per license: packages by status, quantity per category and unit, expiring within 30 days. */
  async function inventorySummary(
    organizationId: number,
    licenseId: number,
    today: string,
    in30Days: string,
  ) {
    const byStatus = await db
      .selectFrom('mirror_packages')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('organization_id', '=', organizationId)
      .where('license_id', '=', licenseId)
      .groupBy('status')
      .execute();
    const byCategory = await db
      .selectFrom('mirror_packages')
      .select([
        'item_category',
        'unit',
        (eb) => eb.fn.countAll<number | string>().as('n'),
        (eb) => eb.fn.sum<number | string | null>('quantity').as('quantity'),
      ])
      .where('organization_id', '=', organizationId)
      .where('license_id', '=', licenseId)
      .where('status', '!=', 'inactive')
      .groupBy(['item_category', 'unit'])
      .orderBy('item_category')
      .execute();
    const expiring = await db
      .selectFrom('mirror_packages')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('organization_id', '=', organizationId)
      .where('license_id', '=', licenseId)
      .where('status', '!=', 'inactive')
      .where('expiration_date', '>=', today)
      .where('expiration_date', '<', in30Days)
      .executeTakeFirstOrThrow();
    return {
      licenseId,
      packagesByStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
      activeByCategory: byCategory.map((r) => ({
        category: r.item_category,
        unit: r.unit,
        packages: Number(r.n),
        quantity: r.quantity === null ? 0 : Number(r.quantity),
      })),
      expiringWithin30Days: Number(expiring.n),
    };
  }

  return { packages, records, inventorySummary };
}

export type MirrorQueries = ReturnType<typeof createMirrorQueries>;
