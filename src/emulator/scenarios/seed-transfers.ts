/**
 * Transfers, transfer templates and lab results between a scenario's licenses. A received
 * delivery moves its packages to the recipient (same tag, `ReceivedFrom…` set), as Metrc does;
 * one still in transit leaves them with the shipper.
 */

import { LAB_TEST_TYPES } from '../state/metrc-catalog.ts';
import { METRC_STATE_TIME_ZONES } from '../state/metrc-states.ts';
import type {
  DeliveryRecord,
  LabResultRecord,
  LicenseRecord,
  PackageRecord,
  TransferRecord,
  UserRecord,
} from '../state/records.ts';
import { formatLocalDateTime } from '../wire/metrc-time.ts';
import { DAY_MS, HOUR_MS, type ScenarioBuilder } from './scenario-builder.ts';

export interface SeedDelivery {
  recipient: LicenseRecord;
  type: 'Transfer' | 'Wholesale' | 'Lab Sample';
  packages: PackageRecord[];
  /** How long ago it left and is (or was) due; negative = in the future. */
  departedAgoMs: number;
  arrivesAgoMs: number;
  /** Null while in transit. */
  receivedAgoMs: number | null;
}

export interface SeedTransfer {
  shipper: LicenseRecord;
  transporter: LicenseRecord | undefined;
  driverName: string;
  createdAgoMs: number;
  by: UserRecord;
  deliveries: SeedDelivery[];
}

/** A transfer with its deliveries; `ageMs` back-dates its `LastModified`. */
export function seedTransfer(b: ScenarioBuilder, input: SeedTransfer, ageMs: number) {
  const { state } = b;
  const id = state.nextId('transfer');
  const manifestNumber = String(id).padStart(10, '0');
  const zone = METRC_STATE_TIME_ZONES[input.shipper.state];
  const local = (agoMs: number) => formatLocalDateTime(b.now - agoMs, zone);
  const deliveries = input.deliveries.map((d): DeliveryRecord => {
    const receivedAt = d.receivedAgoMs === null ? null : b.now - d.receivedAgoMs;
    const delivery: DeliveryRecord = {
      id: state.nextId('delivery'),
      transferId: id,
      recipientLicense: d.recipient.number,
      transferTypeName: d.type,
      plannedRoute: 'I-5 direct, no stops',
      estimatedDeparture: local(d.departedAgoMs),
      estimatedArrival: local(d.arrivesAgoMs),
      receivedAt,
      rejected: false,
      packages: d.packages.map((pkg) => ({
        packageId: pkg.id,
        label: pkg.label,
        itemId: pkg.itemId,
        packageType: pkg.packageType,
        sourceHarvestNames: [...pkg.sourceHarvestNames],
        sourcePackageLabels: [...pkg.sourcePackageLabels],
        labTestingState: pkg.labTestingState,
        shippedQuantity: pkg.quantity,
        unit: pkg.unit,
        receivedQuantity: receivedAt === null ? null : pkg.quantity,
        state: receivedAt === null ? 'Shipped' : 'Accepted',
        wholesalePrice: d.type === 'Wholesale' ? 125 : null,
        grossWeight: null,
        grossUnit: null,
      })),
    };
    if (receivedAt !== null && d.receivedAgoMs !== null) {
      for (const pkg of d.packages)
        receive(b, pkg, input.shipper, d.recipient, manifestNumber, receivedAt, d.receivedAgoMs);
    }
    return delivery;
  });
  const transfer: TransferRecord = {
    id,
    lastModified: 0,
    manifestNumber,
    shipperLicense: input.shipper.number,
    transporterLicense: input.transporter?.number ?? null,
    driverName: input.driverName,
    vehicleMake: 'Ford',
    vehicleModel: 'Transit',
    vehicleLicensePlateNumber: `${input.shipper.state.toUpperCase()}7TRK${id % 1000}`,
    createdAt: b.now - input.createdAgoMs,
    createdBy: input.by.name,
    deliveries,
  };
  return b.putTransfer(transfer, ageMs);
}

/** The package changes hands: same tag and id, now the recipient's. */
function receive(
  b: ScenarioBuilder,
  pkg: PackageRecord,
  from: LicenseRecord,
  to: LicenseRecord,
  manifestNumber: string,
  receivedAt: number,
  ageMs: number,
) {
  from.packages.delete(pkg.id);
  pkg.license = to.number;
  pkg.receivedFromLicense = from.number;
  pkg.receivedFromManifestNumber = manifestNumber;
  pkg.receivedAt = receivedAt;
  pkg.locationId = null;
  pkg.lastModified = b.stampAgo(ageMs);
  to.packages.put(pkg);
}

/** Packages a license can ship: active, not on hold, not empty. */
export function shippable(license: LicenseRecord, count: number): PackageRecord[] {
  const out: PackageRecord[] = [];
  for (const pkg of license.packages.values()) {
    if (out.length === count) break;
    if (!pkg.isOnHold && pkg.quantity > 0 && pkg.finishedDate === null) out.push(pkg);
  }
  return out;
}

/** A template the shipper can turn into a transfer in Metrc's UI. */
export function seedTemplate(
  b: ScenarioBuilder,
  shipper: LicenseRecord,
  recipient: LicenseRecord,
  transporter: LicenseRecord | undefined,
  by: UserRecord,
) {
  const { state } = b;
  const id = state.nextId('template');
  const zone = METRC_STATE_TIME_ZONES[shipper.state];
  b.putTemplate(
    shipper,
    {
      id,
      lastModified: 0,
      license: shipper.number,
      name: `Weekly run to ${recipient.name}`,
      transporterLicense: transporter?.number ?? null,
      driverName: 'Dana Brooks',
      driverOccupationalLicenseNumber: null,
      driverLicenseNumber: null,
      phoneNumberForQuestions: '555-0100',
      vehicleMake: 'Ford',
      vehicleModel: 'Transit',
      vehicleLicensePlateNumber: null,
      createdAt: b.now - 5 * DAY_MS,
      createdBy: by.name,
      deliveries: [
        {
          id: state.nextId('templateDelivery'),
          templateId: id,
          recipientLicense: recipient.number,
          transferTypeName: 'Wholesale',
          plannedRoute: 'Highway 101, no stops',
          estimatedDeparture: formatLocalDateTime(b.now + DAY_MS, zone),
          estimatedArrival: formatLocalDateTime(b.now + DAY_MS + 3 * HOUR_MS, zone),
          transporters: [],
          packages: shippable(shipper, 2).map((pkg) => ({
            packageId: pkg.id,
            label: pkg.label,
            wholesalePrice: 150,
            grossWeight: null,
            grossUnit: null,
          })),
        },
      ],
    },
    5 * DAY_MS,
  );
}

/** A lab's result for a package: every lab test type, all passed unless `failed` names one. */
export function seedLabResult(
  b: ScenarioBuilder,
  lab: LicenseRecord,
  pkg: PackageRecord,
  ageMs: number,
  failed?: string,
): LabResultRecord {
  const { state } = b;
  const details = LAB_TEST_TYPES.map((type) => ({
    typeName: type.Name,
    passed: type.Name !== failed,
    level: type.Name === 'THC' ? 18 + b.random.int(0, 80) / 10 : b.random.int(0, 20) / 100,
    notes: null,
    informationalOnly: type.InformationalOnly,
  }));
  const result: LabResultRecord = {
    id: state.nextId('labResult'),
    packageId: pkg.id,
    packageLabel: pkg.label,
    labLicense: lab.number,
    resultDate: b.dateAgo(ageMs),
    overallPassed: details.every((d) => d.passed || d.informationalOnly),
    documentFileName: `COA-${pkg.label}.pdf`,
    releasedAt: b.now - ageMs,
    details,
  };
  const list = state.index.labResults.get(pkg.id) ?? [];
  list.push(result);
  state.index.labResults.set(pkg.id, list);
  return result;
}
