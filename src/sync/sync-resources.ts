/**
 * What sync pulls: every Metrc list it mirrors ("streams"), grouped into resources, with the
 * license features that decide whether a license has it at all (rule 11: a retailer has no
 * plants, a transporter no packages), how often it runs, and how its records are keyed.
 */
import type { LicenseFeatures } from '../licenses/index.ts';

export const SYNC_RESOURCES = [
  'facilities',
  'employees',
  'items',
  'strains',
  'locations',
  'packages',
  'plants',
  'plant_batches',
  'harvests',
  'receipts',
  'transfers',
  'lab_results',
] as const;
export type SyncResource = (typeof SYNC_RESOURCES)[number];

/** Resources pulled on the frequent schedule; the rest run nightly. */
export const FREQUENT_RESOURCES: readonly SyncResource[] = ['packages', 'receipts', 'transfers'];

export type PackageStatus = 'active' | 'onhold' | 'inactive' | 'intransit';

export interface SyncStream {
  /** Checkpoint key, e.g. `packages:active`. */
  key: string;
  resource: SyncResource;
  path: string;
  /** lastModified windows (and so a watermark); otherwise every page on every run. */
  windowed: boolean;
  /**
   * Its records carry `LastModified` (items, strains and locations do not, though Metrc filters
   * them by it): only then can gap detection count a window locally.
   */
  stamped: boolean;
  /** The status a record listed here gets (packages derive theirs from the record). */
  status: string;
  /**
   * Local statuses that a record listed here may have: what gap detection counts against
   * Metrc's total. A superset where lists overlap (an on-hold package is also active).
   */
  countStatuses: readonly string[];
  /** Whether the license sends `licenseNumber` (facilities are per key). */
  perLicense: boolean;
  /** Does a license with these features have it? */
  applies: (features: LicenseFeatures) => boolean;
}

const always = () => true;
const unstamped = { stamped: false };
const inventory = (f: LicenseFeatures) => f.packages;
const grows = (f: LicenseFeatures) => f.plants;
const sells = (f: LicenseFeatures) => f.sales;
const moves = (f: LicenseFeatures) => f.transfers;

function stream(
  resource: SyncResource,
  list: string,
  applies: SyncStream['applies'],
  options: Partial<
    Pick<SyncStream, 'windowed' | 'stamped' | 'countStatuses' | 'perLicense' | 'path'>
  > = {},
): SyncStream {
  const base = resource.replace('_', '');
  return {
    key: `${resource}:${list}`,
    resource,
    path: options.path ?? `/${base}/v2/${list}`,
    windowed: options.windowed ?? true,
    stamped: options.stamped ?? true,
    status: list,
    countStatuses: options.countStatuses ?? [list],
    perLicense: options.perLicense ?? true,
    applies,
  };
}

/** Every stream, in the order a license is pulled (catalogue before what refers to it). */
export const SYNC_STREAMS: readonly SyncStream[] = [
  stream('facilities', 'active', always, {
    path: '/facilities/v2',
    windowed: false,
    perLicense: false,
  }),
  stream('employees', 'active', always, { path: '/employees/v2', windowed: false }),
  stream('items', 'active', inventory, unstamped),
  stream('items', 'inactive', inventory, unstamped),
  stream('strains', 'active', inventory, unstamped),
  stream('strains', 'inactive', inventory, unstamped),
  stream('locations', 'active', inventory, unstamped),
  stream('locations', 'inactive', inventory, unstamped),
  stream('packages', 'active', inventory, { countStatuses: ['active', 'onhold', 'intransit'] }),
  stream('packages', 'onhold', inventory),
  stream('packages', 'inactive', inventory),
  // After the lists above (which also hold these packages): read whole on every run, since
  // leaving on a manifest need not touch a package's LastModified; what left it is settled.
  stream('packages', 'intransit', inventory, { windowed: false }),
  stream('plants', 'vegetative', grows, { countStatuses: ['vegetative', 'onhold'] }),
  stream('plants', 'flowering', grows, { countStatuses: ['flowering', 'onhold'] }),
  stream('plants', 'onhold', grows),
  stream('plants', 'inactive', grows),
  stream('plant_batches', 'active', grows),
  stream('plant_batches', 'inactive', grows),
  stream('harvests', 'active', grows, { countStatuses: ['active', 'onhold'] }),
  stream('harvests', 'onhold', grows),
  stream('harvests', 'inactive', grows),
  stream('receipts', 'active', sells, { path: '/sales/v2/receipts/active' }),
  stream('receipts', 'inactive', sells, { path: '/sales/v2/receipts/inactive' }),
  stream('transfers', 'incoming', moves),
  stream('transfers', 'outgoing', moves),
  stream('transfers', 'rejected', moves),
];

/** Lab results are not a list: they are fetched per package whose testing state moved. */
export const LAB_RESULTS_KEY = 'lab_results:packages';

/** The streams of the resources asked for (all when none) that a license has. */
export function streamsFor(
  features: LicenseFeatures,
  resources?: readonly SyncResource[],
): SyncStream[] {
  return SYNC_STREAMS.filter(
    (s) => s.applies(features) && (!resources || resources.includes(s.resource)),
  );
}

export function isSyncResource(text: string): text is SyncResource {
  return (SYNC_RESOURCES as readonly string[]).includes(text);
}
