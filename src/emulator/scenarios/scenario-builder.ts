/**
 * Helpers scenarios use to seed a state: people, licenses and inventory with back-dated
 * `LastModified` stamps. Deterministic: every choice comes from the state's seeded random.
 */
import type { EmulatorState } from '../state/emulator-state.ts';
import { LOCATION_TYPES } from '../state/metrc-catalog.ts';
import { METRC_STATE_TIME_ZONES } from '../state/metrc-states.ts';
import type { RecordCollection, Tracked } from '../state/record-collection.ts';
import type {
  HarvestRecord,
  ItemRecord,
  LicenseRecord,
  LocationRecord,
  PackageRecord,
  PlantBatchRecord,
  PlantRecord,
  ReceiptRecord,
  StrainRecord,
  TagRecord,
  TransferRecord,
  TransferTemplateRecord,
  UserRecord,
} from '../state/records.ts';
import { findUnit, roundQuantity } from '../state/units-of-measure.ts';
import { formatDate, formatLocalDateTime } from '../wire/metrc-time.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Package tags use serials from here; plant tags from PLANT_TAG_BASE. */
const PLANT_TAG_BASE = 500_000_000_000_000;

export class ScenarioBuilder {
  readonly now: number;
  readonly #tagSerials = new Map<string, number>();
  #tick = 0;

  constructor(readonly state: EmulatorState) {
    this.now = state.clock.now().getTime();
  }

  get random() {
    return this.state.random;
  }

  /** A `LastModified` stamp `ageMs` ago, in microseconds; unique even for equal ages. */
  stampAgo(ageMs: number): number {
    return Math.round((this.now - ageMs) * 1000) - 1000 + (this.#tick++ % 1000);
  }

  dateAgo(ageMs: number): string {
    return formatDate(this.now - ageMs);
  }

  #put<T extends Tracked>(collection: RecordCollection<T>, record: T, ageMs: number): T {
    record.lastModified = this.stampAgo(ageMs);
    collection.put(record);
    return record;
  }

  /** The next 24-character tag label of a license: `1A4` + prefix + 15-digit serial. */
  nextLabel(license: LicenseRecord, kind: 'package' | 'plant'): string {
    const key = `${license.number}:${kind}`;
    const serial = (this.#tagSerials.get(key) ?? (kind === 'plant' ? PLANT_TAG_BASE : 0)) + 1;
    this.#tagSerials.set(key, serial);
    return `1A4${license.tagPrefix}${String(serial).padStart(15, '0')}`;
  }

  /** Issues `count` unused tags to a license. */
  tags(license: LicenseRecord, kind: 'package' | 'plant', count: number): void {
    const tags = kind === 'package' ? license.packageTags : license.plantTags;
    for (let i = 0; i < count; i++) {
      const tag: TagRecord = {
        id: this.state.nextId('tag'),
        label: this.nextLabel(license, kind),
        kind,
        used: false,
      };
      tags.set(tag.label, tag);
      this.state.index.tagOwner.set(tag.label, license.number);
    }
  }

  strain(
    license: LicenseRecord,
    name: string,
    indica: number,
    ageMs: number,
    thc: number | null = null,
  ): StrainRecord {
    const strain: StrainRecord = {
      id: this.state.nextId('strain'),
      lastModified: 0,
      license: license.number,
      name,
      testingStatus: 'ThirdParty',
      thcLevel: thc,
      cbdLevel: thc === null ? null : 0.1,
      indicaPercentage: indica,
      sativaPercentage: 100 - indica,
      archived: false,
      used: false,
    };
    this.state.index.strains.set(strain.id, strain);
    return this.#put(license.strains, strain, ageMs);
  }

  location(license: LicenseRecord, name: string, typeName: string, ageMs: number): LocationRecord {
    const type = LOCATION_TYPES.find((t) => t.name === typeName);
    if (!type) throw new Error(`unknown location type ${typeName}`);
    const location: LocationRecord = {
      id: this.state.nextId('location'),
      lastModified: 0,
      license: license.number,
      name,
      typeId: type.id,
      archived: false,
    };
    this.state.index.locations.set(location.id, location);
    return this.#put(license.locations, location, ageMs);
  }

  item(
    license: LicenseRecord,
    fields: Pick<ItemRecord, 'name' | 'category' | 'unitOfMeasure'> & Partial<ItemRecord>,
    ageMs: number,
  ): ItemRecord {
    const item: ItemRecord = {
      strainId: null,
      unitWeight: null,
      unitWeightUnit: null,
      unitThcContent: null,
      unitThcContentUnit: null,
      unitVolume: null,
      unitVolumeUnit: null,
      archived: false,
      used: false,
      ...fields,
      id: this.state.nextId('item'),
      lastModified: 0,
      license: license.number,
    };
    if (item.strainId !== null) {
      const strain = this.state.index.strains.get(item.strainId);
      if (strain) strain.used = true;
    }
    this.state.index.items.set(item.id, item);
    return this.#put(license.items, item, ageMs);
  }

  /** A package on a fresh (used) tag; back-dated by `ageMs`. */
  package(
    license: LicenseRecord,
    item: ItemRecord,
    quantity: number,
    ageMs: number,
    extra: Partial<PackageRecord> = {},
  ): PackageRecord {
    item.used = true;
    const pkg: PackageRecord = {
      id: this.state.nextId('package'),
      lastModified: 0,
      license: license.number,
      label: this.nextLabel(license, 'package'),
      packageType: 'Product',
      itemId: item.id,
      quantity,
      unit: item.unitOfMeasure,
      originalQuantity: quantity,
      locationId: null,
      packagedDate: this.dateAgo(ageMs + 2 * DAY_MS),
      note: null,
      sourcePackageLabels: [],
      sourceHarvestNames: [],
      patientLicenseNumber: null,
      labTestingState: 'TestPassed',
      labTestingStateDate: this.dateAgo(ageMs + DAY_MS),
      isProductionBatch: false,
      productionBatchNumber: null,
      isTradeSample: false,
      isDonation: false,
      isTestingSample: false,
      productRequiresRemediation: false,
      isOnHold: false,
      receivedFromLicense: null,
      receivedFromManifestNumber: null,
      receivedAt: null,
      finishedDate: null,
      archivedAt: null,
      expirationDate: null,
      sellByDate: null,
      useByDate: null,
      ...extra,
    };
    this.state.index.packages.set(pkg.id, pkg);
    this.state.index.packageByLabel.set(pkg.label, pkg);
    return this.#put(license.packages, pkg, ageMs);
  }

  /** A receipt that already drew its packages down; `SalesDateTime` in facility-local time. */
  receipt(
    license: LicenseRecord,
    user: UserRecord,
    ageMs: number,
    lines: { pkg: PackageRecord; quantity: number; totalAmount: number }[],
    extra: Partial<ReceiptRecord> = {},
  ): ReceiptRecord {
    const recordedAt = this.stampAgo(ageMs);
    for (const line of lines)
      line.pkg.quantity = roundQuantity(Math.max(0, line.pkg.quantity - line.quantity));
    const id = this.state.nextId('receipt');
    const receipt: ReceiptRecord = {
      id,
      lastModified: 0,
      license: license.number,
      receiptNumber: String(id).padStart(10, '0'),
      externalReceiptNumber: null,
      // Whole seconds: Metrc's examples end in `.000` (a POS rarely sends milliseconds).
      salesDateTime: formatLocalDateTime(
        Math.floor((this.now - ageMs - 60_000) / 1000) * 1000,
        METRC_STATE_TIME_ZONES[license.state],
      ),
      salesCustomerType: 'Consumer',
      patientLicenseNumber: null,
      caregiverLicenseNumber: null,
      identificationMethod: null,
      patientRegistrationLocationId: null,
      lines: lines.map((line) => ({
        packageId: line.pkg.id,
        packageLabel: line.pkg.label,
        quantity: line.quantity,
        unit: findUnit(line.pkg.unit)?.name ?? line.pkg.unit,
        totalAmount: line.totalAmount,
        recordedAt,
        recordedBy: user.name,
      })),
      isFinal: false,
      archivedAt: null,
      recordedAt,
      recordedBy: user.name,
      ...extra,
    };
    this.state.index.receipts.set(id, receipt);
    return this.#put(license.receipts, receipt, ageMs);
  }

  plantBatch(
    license: LicenseRecord,
    strain: StrainRecord,
    location: LocationRecord,
    count: number,
    ageMs: number,
  ) {
    const batch: PlantBatchRecord = {
      id: this.state.nextId('plantBatch'),
      lastModified: 0,
      license: license.number,
      name: `${this.dateAgo(ageMs)} ${strain.name} Clones`,
      type: 'Clone',
      strainId: strain.id,
      locationId: location.id,
      patientLicenseNumber: null,
      count,
      destroyedCount: 0,
      plantedDate: this.dateAgo(ageMs),
      archived: false,
    };
    this.state.index.plantBatches.set(batch.id, batch);
    return this.#put(license.plantBatches, batch, ageMs);
  }

  plant(
    license: LicenseRecord,
    batch: PlantBatchRecord,
    location: LocationRecord,
    flowering: boolean,
    ageMs: number,
  ) {
    const plant: PlantRecord = {
      id: this.state.nextId('plant'),
      lastModified: 0,
      license: license.number,
      label: this.nextLabel(license, 'plant'),
      growthPhase: flowering ? 'Flowering' : 'Vegetative',
      plantBatchId: batch.id,
      strainId: batch.strainId,
      locationId: location.id,
      patientLicenseNumber: null,
      plantedDate: batch.plantedDate,
      vegetativeDate: this.dateAgo(ageMs + 20 * DAY_MS),
      floweringDate: flowering ? this.dateAgo(ageMs + 5 * DAY_MS) : null,
      isOnHold: false,
      harvestIds: [],
      harvestedDate: null,
      harvestedWetWeight: null,
      harvestedUnit: null,
      destroyedDate: null,
      destroyedNote: null,
      destroyedBy: null,
    };
    this.state.index.plants.set(plant.id, plant);
    this.state.index.plantByLabel.set(plant.label, plant);
    return this.#put(license.plants, plant, ageMs);
  }

  harvest(
    license: LicenseRecord,
    fields: Omit<
      HarvestRecord,
      | 'id'
      | 'lastModified'
      | 'license'
      | 'wasteWeight'
      | 'packagedWeight'
      | 'packageCount'
      | 'isOnHold'
      | 'wastes'
    >,
    ageMs: number,
  ) {
    const harvest: HarvestRecord = {
      wasteWeight: 0,
      packagedWeight: 0,
      packageCount: 0,
      isOnHold: false,
      wastes: [],
      ...fields,
      id: this.state.nextId('harvest'),
      lastModified: 0,
      license: license.number,
    };
    this.state.index.harvests.set(harvest.id, harvest);
    return this.#put(license.harvests, harvest, ageMs);
  }

  /** Stores a seeded transfer (see `seed-transfers.ts`), back-dated by `ageMs`. */
  putTransfer(transfer: TransferRecord, ageMs: number): TransferRecord {
    this.state.index.transfers.set(transfer.id, transfer);
    for (const delivery of transfer.deliveries)
      this.state.index.deliveries.set(delivery.id, delivery);
    return this.#put(this.state.transfers, transfer, ageMs);
  }

  /** Stores a seeded transfer template, back-dated by `ageMs`. */
  putTemplate(license: LicenseRecord, template: TransferTemplateRecord, ageMs: number) {
    this.state.index.templates.set(template.id, template);
    for (const delivery of template.deliveries)
      this.state.index.templateDeliveries.set(delivery.id, delivery);
    return this.#put(license.transferTemplates, template, ageMs);
  }

  /** Restores `LastModified` order in every collection after seeding. */
  finish(): void {
    this.state.transfers.sortByLastModified();
    for (const license of this.state.licenses.values()) {
      for (const collection of [
        license.items,
        license.strains,
        license.locations,
        license.packages,
        license.receipts,
        license.plants,
        license.plantBatches,
        license.harvests,
        license.patients,
        license.drivers,
        license.vehicles,
        license.transferTemplates,
        license.adjustments,
      ] as RecordCollection<Tracked>[]) {
        collection.sortByLastModified();
      }
    }
  }
}
