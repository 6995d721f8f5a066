/**
 * The emulator's whole state in one place: vendor keys, users, licenses with their employees
 * and inventory, and the indexes that answer "whose is this id?". Everything else reads and
 * changes it through here; a scenario load replaces it wholesale.
 */
import type { Clock } from '../../lib/index.ts';
import { RecordCollection, type Tracked } from './record-collection.ts';
import type {
  DeliveryRecord,
  HarvestRecord,
  ItemRecord,
  LabResultRecord,
  LicenseRecord,
  LocationRecord,
  PackageRecord,
  PlantBatchRecord,
  PlantRecord,
  ReceiptRecord,
  StrainRecord,
  TemplateDeliveryRecord,
  TransferRecord,
  TransferTemplateRecord,
  UserRecord,
  VendorKeyRecord,
} from './records.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

export type IdKind =
  | 'facility'
  | 'item'
  | 'strain'
  | 'location'
  | 'package'
  | 'tag'
  | 'receipt'
  | 'plant'
  | 'plantBatch'
  | 'harvest'
  | 'transfer'
  | 'delivery'
  | 'template'
  | 'templateDelivery'
  | 'labResult'
  | 'harvestWaste'
  | 'adjustment'
  | 'patient'
  | 'driver'
  | 'vehicle'
  | 'brand'
  | 'jobType'
  | 'processingJob'
  | 'additive'
  | 'user'
  | 'vendorKey';

/** Where each id kind starts, so ids of different kinds rarely look alike in tests. */
const FIRST_ID: Record<IdKind, number> = {
  facility: 101,
  item: 1001,
  strain: 201,
  location: 301,
  package: 100001,
  tag: 1,
  receipt: 500001,
  plant: 700001,
  plantBatch: 801,
  harvest: 901,
  transfer: 40001,
  delivery: 45001,
  template: 47001,
  templateDelivery: 48001,
  labResult: 70001,
  harvestWaste: 9501,
  adjustment: 20001,
  patient: 60001,
  driver: 61,
  vehicle: 81,
  brand: 5001,
  jobType: 5501,
  processingJob: 5701,
  additive: 5901,
  user: 1,
  vendorKey: 1,
};

export interface ScenarioInfo {
  name: string;
  seed: number;
  params: Record<string, unknown>;
  /** Milliseconds, emulator clock. */
  loadedAt: number;
}

export interface StateIndex {
  vendorKeyByKey: Map<string, VendorKeyRecord>;
  userByKey: Map<string, UserRecord>;
  /** Keys that were valid once: their owner, so the request log can say whose key failed. */
  retiredKeyOwner: Map<string, UserRecord>;
  packages: Map<number, PackageRecord>;
  packageByLabel: Map<string, PackageRecord>;
  receipts: Map<number, ReceiptRecord>;
  items: Map<number, ItemRecord>;
  strains: Map<number, StrainRecord>;
  locations: Map<number, LocationRecord>;
  plants: Map<number, PlantRecord>;
  plantByLabel: Map<string, PlantRecord>;
  plantBatches: Map<number, PlantBatchRecord>;
  harvests: Map<number, HarvestRecord>;
  transfers: Map<number, TransferRecord>;
  deliveries: Map<number, DeliveryRecord>;
  templates: Map<number, TransferTemplateRecord>;
  templateDeliveries: Map<number, TemplateDeliveryRecord>;
  /** Tested package id → its results (derived packages find them through their sources). */
  labResults: Map<number, LabResultRecord[]>;
  /** Tag label → the license it was issued to. */
  tagOwner: Map<string, string>;
}

export interface EmulatorState {
  readonly clock: Clock;
  readonly random: SeededRandom;
  readonly scenario: ScenarioInfo;
  readonly vendorKeys: Map<string, VendorKeyRecord>;
  readonly users: Map<string, UserRecord>;
  readonly licenses: Map<string, LicenseRecord>;
  readonly transfers: RecordCollection<TransferRecord>;
  readonly index: StateIndex;
  nextId(kind: IdKind): number;
  /** A `LastModified` stamp in microseconds; strictly increasing, never behind the clock. */
  stamp(): number;
  /** Re-stamps a changed record and moves it to the end of its collection. */
  touch<T extends Tracked>(collection: RecordCollection<T>, record: T): void;
}

export function createEmulatorState(options: {
  clock: Clock;
  seed: number;
  scenario: string;
  params?: Record<string, unknown>;
}): EmulatorState {
  const { clock, seed } = options;
  const counters = new Map<IdKind, number>();
  let lastStamp = 0;
  const stamp = () => {
    lastStamp = Math.max(clock.now().getTime() * 1000, lastStamp + 1);
    return lastStamp;
  };
  return {
    clock,
    random: createSeededRandom(seed),
    scenario: {
      name: options.scenario,
      seed,
      params: options.params ?? {},
      loadedAt: clock.now().getTime(),
    },
    vendorKeys: new Map(),
    users: new Map(),
    licenses: new Map(),
    transfers: new RecordCollection(),
    index: {
      vendorKeyByKey: new Map(),
      userByKey: new Map(),
      retiredKeyOwner: new Map(),
      packages: new Map(),
      packageByLabel: new Map(),
      receipts: new Map(),
      items: new Map(),
      strains: new Map(),
      locations: new Map(),
      plants: new Map(),
      plantByLabel: new Map(),
      plantBatches: new Map(),
      harvests: new Map(),
      transfers: new Map(),
      deliveries: new Map(),
      templates: new Map(),
      templateDeliveries: new Map(),
      labResults: new Map(),
      tagOwner: new Map(),
    },
    nextId: (kind) => {
      const id = counters.get(kind) ?? FIRST_ID[kind];
      counters.set(kind, id + 1);
      return id;
    },
    stamp,
    touch: (collection, record) => {
      record.lastModified = stamp();
      collection.put(record);
    },
  };
}

/** A new, empty collection per resource for a license record. */
export function emptyLicenseCollections(): Pick<
  LicenseRecord,
  | 'items'
  | 'strains'
  | 'locations'
  | 'packages'
  | 'receipts'
  | 'plants'
  | 'plantBatches'
  | 'harvests'
  | 'patients'
  | 'drivers'
  | 'vehicles'
  | 'transferTemplates'
  | 'adjustments'
  | 'brands'
  | 'jobTypes'
  | 'processingJobs'
  | 'additives'
  | 'packageTags'
  | 'plantTags'
  | 'employees'
> {
  return {
    employees: new Map(),
    items: new RecordCollection(),
    strains: new RecordCollection(),
    locations: new RecordCollection(),
    packages: new RecordCollection(),
    receipts: new RecordCollection(),
    plants: new RecordCollection(),
    plantBatches: new RecordCollection(),
    harvests: new RecordCollection(),
    patients: new RecordCollection(),
    drivers: new RecordCollection(),
    vehicles: new RecordCollection(),
    transferTemplates: new RecordCollection(),
    adjustments: new RecordCollection(),
    brands: new RecordCollection(),
    jobTypes: new RecordCollection(),
    processingJobs: new RecordCollection(),
    additives: new RecordCollection(),
    packageTags: new Map(),
    plantTags: new Map(),
  };
}
