/**
 * The mirror as the alerts and insights features need it: plain rows with the license, the
 * package's label and ids, and the fields an alert shows. Read only; scoped by organization.
 *
 * @example
 * const signals = createMirrorSignals(db);
 * for (const p of await signals.packagesOnHold(orgId)) raise('package-on-hold', p.licenseId, p.label);
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';
import { toTimestamp } from '../lib/index.ts';
import { SYNC_STREAMS } from './sync-resources.ts';
import { createSyncStateRepo } from './sync-state-repo.ts';

export interface PackageSignal {
  licenseId: number;
  licenseNumber: string;
  packageId: number;
  label: string;
  itemName: string | null;
  category: string | null;
  locationName: string | null;
  quantity: number | null;
  unit: string | null;
  status: string;
  expirationDate: string | null;
  labTestingState: string | null;
  lastModified: string;
}

export interface LabResultSignal {
  licenseId: number;
  licenseNumber: string;
  packageId: number | null;
  label: string | null;
  testTypeName: string | null;
  testedOn: string | null;
  /** `LabTestingState` of the package (`TestFailed`), or `failed` for a failed result row. */
  state: string;
  source: 'package' | 'result';
}

export interface PackageQuantity {
  licenseId: number;
  licenseNumber: string;
  packageId: number;
  label: string;
  quantity: number | null;
  unit: string | null;
  status: string;
  lastModified: string;
  syncedAt: string;
}

/** A mirrored quantity with how far the license's package pulls reach. */
export interface PulledPackageQuantity extends PackageQuantity {
  /**
   * The earliest watermark of the license's package streams (whole seconds, ISO): every change
   * Metrc made before it is in the mirror. Null until each package stream has one.
   */
  pulledThrough: string | null;
}

export interface MirrorSignals {
  /** Active packages Metrc has on hold (or recalled: IsOnRecall). */
  packagesOnHold(organizationId: number): Promise<PackageSignal[]>;
  /** Packages not yet inactive whose ExpirationDate is before `before` (by calendar day). */
  packagesExpiringBefore(organizationId: number, before: Date): Promise<PackageSignal[]>;
  /** Failed lab tests: packages in `TestFailed` and failed result rows. */
  failedLabResults(organizationId: number): Promise<LabResultSignal[]>;
  /** Metrc's quantity of a package as last mirrored (null when not mirrored). */
  packageQuantity(
    organizationId: number,
    licenseId: number,
    label: string,
  ): Promise<PackageQuantity | null>;
  /** Metrc's quantities of these packages as last mirrored, with how far the pulls reach. */
  packageQuantities(organizationId: number, labels: string[]): Promise<PulledPackageQuantity[]>;
  /** Labels of packages a pull wrote at or after `since` (`mirror_packages_org_synced_idx`). */
  packagesPulledSince(organizationId: number, since: Date): Promise<string[]>;
}

const packageColumns = [
  'mirror_packages.license_id',
  'licenses.number as license_number',
  'mirror_packages.metrc_id',
  'mirror_packages.label',
  'mirror_packages.item_name',
  'mirror_packages.item_category',
  'mirror_packages.location_name',
  'mirror_packages.quantity',
  'mirror_packages.unit',
  'mirror_packages.status',
  'mirror_packages.expiration_date',
  'mirror_packages.lab_testing_state',
  'mirror_packages.last_modified',
  'mirror_packages.raw',
] as const;

type PackageJoinRow = {
  license_id: number;
  license_number: string;
  metrc_id: number;
  label: string;
  item_name: string | null;
  item_category: string | null;
  location_name: string | null;
  quantity: number | null;
  unit: string | null;
  status: string;
  expiration_date: string | null;
  lab_testing_state: string | null;
  last_modified: string;
};

const toSignal = (r: PackageJoinRow): PackageSignal => ({
  licenseId: r.license_id,
  licenseNumber: r.license_number,
  packageId: Number(r.metrc_id),
  label: r.label,
  itemName: r.item_name,
  category: r.item_category,
  locationName: r.location_name,
  quantity: r.quantity === null ? null : Number(r.quantity),
  unit: r.unit,
  status: r.status,
  expirationDate: r.expiration_date,
  labTestingState: r.lab_testing_state,
  lastModified: r.last_modified,
});

/**
 * The checkpoint keys of the windowed package streams (`packages:active`, …): the in-transit
 * list is read whole each run, has no watermark, and moves no quantity.
 */
const PACKAGE_STREAMS = SYNC_STREAMS.filter((s) => s.resource === 'packages' && s.windowed).map(
  (s) => s.key,
);

const LABEL_CHUNK = 500;

export function createMirrorSignals(db: Kysely<DB>): MirrorSignals {
  const state = createSyncStateRepo(db);
  const packagesOf = (organizationId: number) =>
    db
      .selectFrom('mirror_packages')
      .innerJoin('licenses', 'licenses.id', 'mirror_packages.license_id')
      .select([...packageColumns])
      .where('mirror_packages.organization_id', '=', organizationId);

  return {
    async packagesOnHold(organizationId) {
      const rows = await packagesOf(organizationId)
        .where('mirror_packages.status', '!=', 'inactive')
        .where((eb) =>
          eb.or([
            eb('mirror_packages.status', '=', 'onhold'),
            eb('mirror_packages.raw', 'like', '%"IsOnRecall":true%'),
          ]),
        )
        .orderBy('mirror_packages.label')
        .execute();
      return rows.map(toSignal);
    },

    async packagesExpiringBefore(organizationId, before) {
      const day = before.toISOString().slice(0, 10);
      const rows = await packagesOf(organizationId)
        .where('mirror_packages.status', '!=', 'inactive')
        .where('mirror_packages.expiration_date', 'is not', null)
        .where('mirror_packages.expiration_date', '<', day)
        .orderBy('mirror_packages.expiration_date')
        .orderBy('mirror_packages.label')
        .execute();
      return rows.map(toSignal);
    },

    async failedLabResults(organizationId) {
      const packages = await packagesOf(organizationId)
        .where('mirror_packages.lab_testing_state', '=', 'TestFailed')
        .where('mirror_packages.status', '!=', 'inactive')
        .orderBy('mirror_packages.label')
        .execute();
      const results = await db
        .selectFrom('mirror_records')
        .innerJoin('licenses', 'licenses.id', 'mirror_records.license_id')
        .select([
          'mirror_records.license_id',
          'licenses.number as license_number',
          'mirror_records.label',
          'mirror_records.raw',
        ])
        .where('mirror_records.organization_id', '=', organizationId)
        .where('mirror_records.kind', '=', 'lab_results')
        .where('mirror_records.status', '=', 'failed')
        .orderBy('mirror_records.label')
        .execute();
      return [
        ...packages.map(
          (p): LabResultSignal => ({
            licenseId: p.license_id,
            licenseNumber: p.license_number,
            packageId: Number(p.metrc_id),
            label: p.label,
            testTypeName: null,
            testedOn: null,
            state: p.lab_testing_state ?? 'TestFailed',
            source: 'package',
          }),
        ),
        ...results.map((r): LabResultSignal => {
          const raw = JSON.parse(r.raw) as Record<string, unknown>;
          return {
            licenseId: r.license_id,
            licenseNumber: r.license_number,
            packageId: typeof raw.PackageId === 'number' ? raw.PackageId : null,
            label: r.label,
            testTypeName: typeof raw.TestTypeName === 'string' ? raw.TestTypeName : null,
            testedOn: typeof raw.TestPerformedDate === 'string' ? raw.TestPerformedDate : null,
            state: 'failed',
            source: 'result',
          };
        }),
      ];
    },

    async packageQuantity(organizationId, licenseId, label) {
      const row = await db
        .selectFrom('mirror_packages')
        .innerJoin('licenses', 'licenses.id', 'mirror_packages.license_id')
        .select([
          'mirror_packages.license_id',
          'licenses.number as license_number',
          'mirror_packages.metrc_id',
          'mirror_packages.label',
          'mirror_packages.quantity',
          'mirror_packages.unit',
          'mirror_packages.status',
          'mirror_packages.last_modified',
          'mirror_packages.synced_at',
        ])
        .where('mirror_packages.organization_id', '=', organizationId)
        .where('mirror_packages.license_id', '=', licenseId)
        .where('mirror_packages.label', '=', label)
        .executeTakeFirst();
      return row
        ? {
            licenseId: row.license_id,
            licenseNumber: row.license_number,
            packageId: Number(row.metrc_id),
            label: row.label,
            quantity: row.quantity === null ? null : Number(row.quantity),
            unit: row.unit,
            status: row.status,
            lastModified: row.last_modified,
            syncedAt: row.synced_at,
          }
        : null;
    },

    async packagesPulledSince(organizationId, since) {
      const rows = await db
        .selectFrom('mirror_packages')
        .select('label')
        .distinct()
        .where('organization_id', '=', organizationId)
        .where('synced_at', '>=', toTimestamp(since))
        .execute();
      return rows.map((r) => r.label);
    },

    async packageQuantities(organizationId, labels) {
      const rows = [];
      for (let i = 0; i < labels.length; i += LABEL_CHUNK) {
        rows.push(
          ...(await db
            .selectFrom('mirror_packages')
            .innerJoin('licenses', 'licenses.id', 'mirror_packages.license_id')
            .select([
              'mirror_packages.license_id',
              'licenses.number as license_number',
              'mirror_packages.metrc_id',
              'mirror_packages.label',
              'mirror_packages.quantity',
              'mirror_packages.unit',
              'mirror_packages.status',
              'mirror_packages.last_modified',
              'mirror_packages.synced_at',
            ])
            .where('mirror_packages.organization_id', '=', organizationId)
            .where('mirror_packages.label', 'in', labels.slice(i, i + LABEL_CHUNK))
            .orderBy('mirror_packages.label')
            .execute()),
        );
      }
      const licenseIds = [...new Set(rows.map((r) => r.license_id))];
      const reach = new Map<number, string | null>();
      const checkpoints = await state.listCheckpoints(licenseIds);
      for (const id of licenseIds) {
        const marks = PACKAGE_STREAMS.map(
          (key) => checkpoints.find((c) => c.license_id === id && c.resource === key)?.watermark,
        );
        reach.set(
          id,
          marks.some((m) => !m)
            ? null
            : new Date(Math.min(...marks.map((m) => Date.parse(String(m))))).toISOString(),
        );
      }
      return rows.map((row) => ({
        licenseId: row.license_id,
        licenseNumber: row.license_number,
        packageId: Number(row.metrc_id),
        label: row.label,
        quantity: row.quantity === null ? null : Number(row.quantity),
        unit: row.unit,
        status: row.status,
        lastModified: row.last_modified,
        syncedAt: row.synced_at,
        pulledThrough: reach.get(row.license_id) ?? null,
      }));
    },
  };
}
