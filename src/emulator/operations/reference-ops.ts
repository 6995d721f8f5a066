/**
 * Reference reads a client needs once per state or per license: waste methods, additive types,
 * counties, payment types, registration and check-in locations, delivery return reasons,
 * processing job attributes and categories, caregiver and patient status, and the package views
 * Metrc keeps apart (in transit, lab samples, source harvests).
 */
import { envelope } from '../http/list-response.ts';
import { metrcReplies } from '../http/metrc-replies.ts';
import { WASTE_METHODS } from '../state/metrc-catalog.ts';
import type { PackageRecord } from '../state/records.ts';
import { wirePatient } from '../wire/wire-growing.ts';
import { wirePackage } from '../wire/wire-inventory.ts';
import {
  idParam,
  licenseOf,
  listOf,
  ownedRecord,
  PERMS,
  RECENT,
  scoped,
  section,
  where,
} from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';
import { isActivePackage } from './packages-read-ops.ts';

const named = (names: readonly string[]) => names.map((Name, i) => ({ Id: i + 1, Name }));
const paged =
  <T>(values: readonly T[]) =>
  (ctx: OperationContext) => ({ body: envelope(ctx, values, (value) => value) });

const ADDITIVE_TYPES = ['Fertilizer', 'Pesticide', 'Other'] as const;
const COUNTIES = named(['Alameda', 'Los Angeles', 'Sacramento', 'San Diego', 'San Francisco']);
const PAYMENT_TYPES = ['Cash', 'Debit Card', 'Check'] as const;
const REGISTRATION_LOCATIONS = named(['Online', 'State Office']);
const CHECKIN_LOCATIONS = named(['Front Desk', 'Pharmacy Window']);
const JOB_ATTRIBUTES = ['Extraction', 'Infusion', 'Packaging'].map((Name, i) => ({
  Id: i + 1,
  Name,
  LastModified: null,
}));
const JOB_CATEGORIES = ['Extraction', 'Manufacturing', 'Packaging'] as const;
const RETURN_REASONS = ['Customer Refused', 'Incorrect Order', 'Damaged'].map((Name) => ({
  Name,
  RequiresNote: Name === 'Damaged',
  RequiresWasteWeight: false,
  RequiresImmatureWasteWeight: false,
  RequiresMatureWasteWeight: false,
}));

const VIEW_PACKAGES = { license: 'required', permissions: [PERMS.viewPackages] } as const;
const PATIENTS = section(['Manage Patients'], 'patients');
const PROCESSING = section(['Manage Processing Job'], 'processingJobs');

/** Packages of the license that sit on an outgoing delivery not yet received. */
function inTransit(ctx: OperationContext): Set<number> {
  const mine = licenseOf(ctx).number;
  const ids = new Set<number>();
  for (const transfer of ctx.state.transfers.values()) {
    for (const delivery of transfer.deliveries) {
      if (delivery.receivedAt !== null || delivery.rejected) continue;
      if (transfer.shipperLicense !== mine) continue;
      for (const p of delivery.packages) ids.add(p.packageId);
    }
  }
  return ids;
}

const packageList = (keep: (ctx: OperationContext) => (pkg: PackageRecord) => boolean) =>
  listOf(
    (ctx) => where(licenseOf(ctx).packages.values(), keep(ctx)),
    (ctx, pkg) => wirePackage(ctx.state, pkg),
    RECENT,
  );

export const referenceOperations: OperationSpec[] = [
  operation('GET', '/wastemethods/v2', { license: 'none' }, () => ({
    body: WASTE_METHODS.map((Name) => ({
      Name,
      ForPlants: true,
      ForProductDestruction: true,
      LastModified: null,
    })),
  })),
  operation('GET', '/plants/v2/additives/types', { license: 'none' }, paged(ADDITIVE_TYPES)),
  operation('GET', '/sales/v2/counties', { license: 'none' }, paged(COUNTIES)),
  operation('GET', '/sales/v2/paymenttypes', { license: 'required' }, paged(PAYMENT_TYPES)),
  operation(
    'GET',
    '/sales/v2/patientregistration/locations',
    { license: 'none' },
    paged(REGISTRATION_LOCATIONS),
  ),
  operation('GET', '/patient-checkins/v2/locations', { license: 'none' }, paged(CHECKIN_LOCATIONS)),
  operation(
    'GET',
    '/sales/v2/deliveries/returnreasons',
    { license: 'required' },
    paged(RETURN_REASONS),
  ),
  operation('GET', '/processing/v2/jobtypes/attributes', PROCESSING, paged(JOB_ATTRIBUTES)),
  operation('GET', '/processing/v2/jobtypes/categories', PROCESSING, paged(JOB_CATEGORIES)),
  // A caregiver or patient license is active when the emulator knows it at this facility [U].
  operation('GET', '/caregivers/v2/status/{caregiverLicenseNumber}', PATIENTS, (ctx) => ({
    body: {
      CaregiverLicenseNumber: ctx.params.caregiverLicenseNumber ?? '',
      Active: false,
    },
  })),
  operation('GET', '/patients/v2/statuses/{patientLicenseNumber}', PATIENTS, (ctx) => {
    const number = ctx.params.patientLicenseNumber ?? '';
    const patient = [...licenseOf(ctx).patients.values()].find(
      (p) => p.patientLicenseNumber === number,
    );
    return {
      body: [
        {
          PatientLicenseNumber: number,
          Active: patient !== undefined,
          FlowerOuncesAvailable: patient ? patient.recommendedSmokableQuantity : 0,
          ThcOuncesAvailable: patient ? 0.25 : 0,
          PurchaseAmountDays: 30,
        },
      ],
    };
  }),
  operation('GET', '/patients/v2/{id}', PATIENTS, (ctx) => {
    const patient = licenseOf(ctx).patients.get(idParam(ctx));
    if (!patient) throw metrcReplies.objectNotFound(`Patient ${ctx.params.id}`);
    return { body: wirePatient(patient) };
  }),
  operation(
    'GET',
    '/packages/v2/intransit',
    VIEW_PACKAGES,
    packageList((ctx) => {
      const moving = inTransit(ctx);
      return (pkg) => moving.has(pkg.id);
    }),
  ),
  operation(
    'GET',
    '/packages/v2/labsamples',
    VIEW_PACKAGES,
    packageList(() => (pkg) => pkg.isTestingSample && isActivePackage(pkg)),
  ),
  operation('GET', '/packages/v2/{id}/source/harvests', scoped(VIEW_PACKAGES), (ctx) => {
    const pkg = ownedRecord(
      ctx,
      ctx.state.index.packages,
      idParam(ctx),
      `Package ${ctx.params.id}`,
    );
    const grower = ctx.state.licenses.get(pkg.receivedFromLicense ?? pkg.license);
    return {
      body: envelope(ctx, pkg.sourceHarvestNames, (name) => ({
        HarvestedByFacilityLicenseNumber: grower?.number ?? null,
        HarvestedByFacilityName: grower?.name ?? null,
        Name: name,
        HarvestStartDate: name.slice(0, 10),
      })),
    };
  }),
];
