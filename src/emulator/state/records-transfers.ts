/** The records of transfers, transfer templates and lab results (see `records.ts`). */
import type { Tracked } from './record-collection.ts';

/** A package as it left on a delivery: Metrc shows the shipped snapshot, not the live package. */
export interface DeliveryPackageRecord {
  packageId: number;
  label: string;
  itemId: number;
  packageType: string;
  sourceHarvestNames: string[];
  sourcePackageLabels: string[];
  labTestingState: string;
  shippedQuantity: number;
  unit: string;
  receivedQuantity: number | null;
  state: 'Shipped' | 'Accepted' | 'Rejected';
  wholesalePrice: number | null;
  grossWeight: number | null;
  grossUnit: string | null;
}

export interface DeliveryRecord {
  id: number;
  transferId: number;
  recipientLicense: string;
  transferTypeName: string;
  plannedRoute: string | null;
  /** Facility-local, zone-less (Metrc mixes these with offset timestamps). */
  estimatedDeparture: string;
  estimatedArrival: string;
  /** Milliseconds. */
  receivedAt: number | null;
  rejected: boolean;
  packages: DeliveryPackageRecord[];
}

export interface TransferRecord extends Tracked {
  manifestNumber: string;
  shipperLicense: string;
  transporterLicense: string | null;
  driverName: string | null;
  vehicleMake: string | null;
  vehicleModel: string | null;
  vehicleLicensePlateNumber: string | null;
  /** Milliseconds. */
  createdAt: number;
  createdBy: string;
  deliveries: DeliveryRecord[];
  /** Set on an external incoming transfer: the unlicensed shipper, recorded by the recipient. */
  external?: { shipperName: string; recordedBy: string };
}

export interface TemplateTransporterRecord {
  license: string;
  driverName: string | null;
  driverOccupationalLicenseNumber: string | null;
  driverLicenseNumber: string | null;
  vehicleMake: string | null;
  vehicleModel: string | null;
  vehicleLicensePlateNumber: string | null;
}

export interface TemplateDeliveryRecord {
  id: number;
  templateId: number;
  recipientLicense: string;
  transferTypeName: string;
  plannedRoute: string | null;
  estimatedDeparture: string;
  estimatedArrival: string;
  transporters: TemplateTransporterRecord[];
  packages: {
    packageId: number;
    label: string;
    wholesalePrice: number | null;
    grossWeight: number | null;
    grossUnit: string | null;
  }[];
}

export interface TransferTemplateRecord extends Tracked {
  license: string;
  name: string;
  transporterLicense: string | null;
  driverName: string | null;
  driverOccupationalLicenseNumber: string | null;
  driverLicenseNumber: string | null;
  phoneNumberForQuestions: string | null;
  vehicleMake: string | null;
  vehicleModel: string | null;
  vehicleLicensePlateNumber: string | null;
  /** Milliseconds. */
  createdAt: number;
  createdBy: string;
  deliveries: TemplateDeliveryRecord[];
}

export interface LabTestDetailRecord {
  typeName: string;
  passed: boolean;
  level: number;
  notes: string | null;
  informationalOnly: boolean;
}

/** One recorded test of one package; derived packages see it through their sources. */
export interface LabResultRecord {
  id: number;
  packageId: number;
  packageLabel: string;
  labLicense: string;
  resultDate: string;
  overallPassed: boolean;
  documentFileName: string | null;
  /** Milliseconds. */
  releasedAt: number;
  details: LabTestDetailRecord[];
}
