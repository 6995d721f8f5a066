/**
 * `demo`: California and Colorado, a license of every type, a license owner with every
 * permission, and staff with partial permissions — one without Sales, one without Packages —
 * with realistic items, strains, locations, tags, packages, plants, harvests, receipts and
 * transfers. What `tracegate emulator` and `npm start` show a newcomer.
 */
import {
  addLicense,
  addUser,
  addVendorKey,
  employ,
  type LicenseInput,
} from '../state/emulator-people.ts';
import { ALL_PERMISSIONS, permissionsExcept } from '../state/metrc-permissions.ts';
import type { MetrcState } from '../state/metrc-states.ts';
import type { LicenseRecord, PackageRecord, UserRecord } from '../state/records.ts';
import { DAY_MS, HOUR_MS, type ScenarioBuilder } from './scenario-builder.ts';
import { type SeededInventory, seedInventory } from './seed-inventory.ts';
import { seedLabResult, seedTemplate, seedTransfer, shippable } from './seed-transfers.ts';

type DemoLicense = Omit<LicenseInput, 'state'>;

const CA_LICENSES: DemoLicense[] = [
  {
    kind: 'cultivator',
    number: 'CCL18-0000101',
    name: 'Emerald Bay Farms',
    licenseType: 'Adult-Use Cultivation',
  },
  {
    kind: 'manufacturer',
    number: 'CDPH-10003102',
    name: 'Golden State Extracts',
    licenseType: 'Adult-Use Manufacturer',
  },
  {
    kind: 'distributor',
    number: 'C11-0000103-LIC',
    name: 'Pacific Coast Distribution',
    licenseType: 'Adult-Use Distributor',
  },
  {
    kind: 'transporter',
    number: 'C11-0000104-LIC',
    name: 'Redwood Transport',
    licenseType: 'Distributor-Transport Only',
  },
  {
    kind: 'testingLab',
    number: 'C8-0000105-LIC',
    name: 'Bayview Analytical Labs',
    licenseType: 'Testing Laboratory',
  },
  {
    kind: 'retailer',
    number: 'C10-0000106-LIC',
    name: 'Mission Street Dispensary',
    licenseType: 'Adult-Use Retailer',
  },
  {
    kind: 'microbusiness',
    number: 'C12-0000107-LIC',
    name: 'Hilltop Microbusiness',
    licenseType: 'Adult-Use Microbusiness',
  },
];

const CO_LICENSES: DemoLicense[] = [
  {
    kind: 'cultivator',
    number: '403R-00201',
    name: 'Rocky Mountain Cultivation',
    licenseType: 'Retail Cultivation',
  },
  {
    kind: 'manufacturer',
    number: '404R-00202',
    name: 'Front Range Infusions',
    licenseType: 'Retail Marijuana Products Manufacturer',
  },
  {
    kind: 'transporter',
    number: '406R-00203',
    name: 'Peak Logistics',
    licenseType: 'Retail Transporter',
  },
  {
    kind: 'testingLab',
    number: '405R-00204',
    name: 'Summit Testing Lab',
    licenseType: 'Retail Testing Facility',
  },
  {
    kind: 'retailer',
    number: '402R-00205',
    name: 'Mile High Dispensary',
    licenseType: 'Retail Marijuana Store',
  },
  {
    kind: 'retailer',
    program: 'medical',
    number: '402-00206',
    name: 'Mile High Medical Center',
    licenseType: 'Medical Marijuana Center',
  },
];

export function buildDemoScenario(b: ScenarioBuilder): void {
  const { state } = b;
  addVendorKey(state, { state: 'ca' });
  addVendorKey(state, { state: 'co' });

  const ca = addLicenses(b, 'ca', CA_LICENSES);
  const [, , , , , caStore, caMicro] = ca.map(({ license }) => license);
  const caOwner = addUser(state, {
    state: 'ca',
    id: 'ca-owner',
    name: 'Alex Rivera',
    email: 'alex@emeraldbay.example',
  });
  const caManager = addUser(state, {
    state: 'ca',
    id: 'ca-manager',
    name: 'Jordan Lee',
    email: 'jordan@missionst.example',
  });
  const caBudtender = addUser(state, { state: 'ca', id: 'ca-budtender', name: 'Casey Morgan' });
  const caGrower = addUser(state, { state: 'ca', id: 'ca-grower', name: 'Taylor Kim' });
  for (const { license } of ca)
    employ(state, {
      license: license.number,
      userId: caOwner.id,
      permissions: ALL_PERMISSIONS,
      isOwner: true,
    });
  if (!caStore || !caMicro) throw new Error('demo licenses missing');
  // Store manager: everything except Sales. Budtender: everything except Packages. So a
  // per-section probe shows exactly one section missing for each.
  for (const license of [caStore, caMicro]) {
    employ(state, {
      license: license.number,
      userId: caManager.id,
      permissions: permissionsExcept('sales'),
      isManager: true,
    });
  }
  employ(state, {
    license: caStore.number,
    userId: caBudtender.id,
    permissions: permissionsExcept('packages'),
  });
  employ(state, {
    license: CA_LICENSES[0]?.number ?? '',
    userId: caGrower.id,
    permissions: permissionsExcept('sales', 'administration', 'transfers'),
  });

  const co = addLicenses(b, 'co', CO_LICENSES);
  const coStore = co[4]?.license;
  const coMedical = co[5]?.license;
  const coMip = co[1]?.license;
  const coOwner = addUser(state, {
    state: 'co',
    id: 'co-owner',
    name: 'Morgan Diaz',
    email: 'morgan@milehigh.example',
  });
  const coBudtender = addUser(state, { state: 'co', id: 'co-budtender', name: 'Riley Chen' });
  const coInventory = addUser(state, { state: 'co', id: 'co-inventory', name: 'Jamie Park' });
  for (const { license } of co)
    employ(state, {
      license: license.number,
      userId: coOwner.id,
      permissions: ALL_PERMISSIONS,
      isOwner: true,
    });
  if (!coStore || !coMedical || !coMip) throw new Error('demo licenses missing');
  for (const license of [coStore, coMedical]) {
    employ(state, {
      license: license.number,
      userId: coBudtender.id,
      permissions: permissionsExcept('packages'),
    });
  }
  for (const license of [coStore, coMip]) {
    employ(state, {
      license: license.number,
      userId: coInventory.id,
      permissions: permissionsExcept('sales'),
    });
  }

  for (const { license, inventory } of [...ca, ...co]) {
    if (license.facilityType.CanSellToConsumers || license.facilityType.CanSellToPatients) {
      const cashiers = license.state === 'ca' ? [caOwner, caBudtender] : [coOwner, coBudtender];
      seedReceipts(b, license, inventory, cashiers);
    }
    if (license.facilityType.CanTakePackagesOnTrip) seedFleet(b, license);
  }
  seedPatients(b, coMedical);
  seedTransfers(b, ca, caOwner);
  seedTransfers(b, co, coOwner);
}

function addLicenses(b: ScenarioBuilder, state: MetrcState, licenses: DemoLicense[]) {
  return licenses.map((input) => {
    const license = addLicense(b.state, { ...input, state });
    return { license, inventory: seedInventory(b, license) };
  });
}

function seedReceipts(
  b: ScenarioBuilder,
  license: LicenseRecord,
  inventory: SeededInventory,
  cashiers: UserRecord[],
) {
  const sellable = inventory.packages.filter((pkg) => pkg.unit === 'Each' && !pkg.isOnHold);
  if (sellable.length === 0) return;
  const medical = license.program === 'medical';
  for (let i = 0; i < 10; i++) {
    const lines = [0, 1].slice(0, b.random.int(1, 2)).map((n) => {
      const pkg = sellable[(i + n) % sellable.length] as PackageRecord;
      const quantity = b.random.int(1, 3);
      return { pkg, quantity, totalAmount: quantity * b.random.pick([12, 25, 35, 45]) };
    });
    const ageMs = i < 7 ? b.random.int(1, 22) * HOUR_MS : b.random.int(2, 5) * DAY_MS;
    b.receipt(license, cashiers[i % cashiers.length] ?? (cashiers[0] as UserRecord), ageMs, lines, {
      externalReceiptNumber: i % 4 === 3 ? null : `POS-${license.facilityId}-${1000 + i}`,
      salesCustomerType: medical ? 'Patient' : 'Consumer',
      patientLicenseNumber: medical ? `CO-PT-${40000 + i}` : null,
      isFinal: i === 8,
      archivedAt: i === 9 ? b.stampAgo(ageMs - HOUR_MS) : null,
    });
  }
}

function seedFleet(b: ScenarioBuilder, license: LicenseRecord) {
  const names = ['Dana Brooks', 'Luis Ortega'];
  names.forEach((name, i) => {
    license.drivers.put({
      id: b.state.nextId('driver'),
      lastModified: b.stampAgo((10 + i) * DAY_MS),
      license: license.number,
      name,
      employeeId: `EMP-${license.facilityId}-${i + 1}`,
      driversLicenseNumber: `D${1000000 + license.facilityId * 10 + i}`,
    });
  });
  license.vehicles.put({
    id: b.state.nextId('vehicle'),
    lastModified: b.stampAgo(12 * DAY_MS),
    license: license.number,
    make: 'Ford',
    model: 'Transit',
    licensePlateNumber: `${license.state.toUpperCase()}${license.facilityId}TR`,
  });
}

function seedPatients(b: ScenarioBuilder, license: LicenseRecord) {
  for (let i = 0; i < 3; i++) {
    license.patients.put({
      id: b.state.nextId('patient'),
      lastModified: b.stampAgo((i + 1) * DAY_MS),
      license: license.number,
      patientLicenseNumber: `CO-PT-${40000 + i}`,
      registrationDate: b.dateAgo(200 * DAY_MS),
      effectiveStart: b.dateAgo(200 * DAY_MS),
      effectiveEnd: b.dateAgo(-165 * DAY_MS),
      recommendedPlants: 6,
      recommendedSmokableQuantity: 56.7,
    });
  }
}

/**
 * Per state: grower → distributor (or manufacturer) received two days ago; a lab sample from
 * the grower, received and tested; and a wholesale run to the stores still on its way. The
 * state's lab has released results for a few packages of every license, and the shipper of the
 * wholesale run keeps a template for it.
 */
function seedTransfers(
  b: ScenarioBuilder,
  licenses: { license: LicenseRecord; inventory: SeededInventory }[],
  by: UserRecord,
) {
  const find = (kind: string) => licenses.find((entry) => entry.license.kind === kind)?.license;
  const grower = find('cultivator');
  const receiver = find('distributor') ?? find('manufacturer');
  const lab = find('testingLab');
  const stores = licenses
    .map((entry) => entry.license)
    .filter((l) => l.facilityType.CanSellToConsumers || l.facilityType.CanSellToPatients);
  const transporter = find('transporter');
  if (!grower || !receiver || !lab || stores.length === 0) return;
  const common = { transporter, by };
  seedTransfer(
    b,
    {
      ...common,
      shipper: grower,
      driverName: 'Dana Brooks',
      createdAgoMs: 2 * DAY_MS,
      deliveries: [
        {
          recipient: receiver,
          type: 'Transfer',
          packages: shippable(grower, 3),
          departedAgoMs: 2 * DAY_MS - HOUR_MS,
          arrivesAgoMs: 2 * DAY_MS - 3 * HOUR_MS,
          receivedAgoMs: 2 * DAY_MS - 4 * HOUR_MS,
        },
      ],
    },
    20 * HOUR_MS,
  );
  const [sample] = shippable(grower, 1);
  if (sample) {
    seedTransfer(
      b,
      {
        ...common,
        shipper: grower,
        driverName: 'Luis Ortega',
        createdAgoMs: 4 * DAY_MS,
        deliveries: [
          {
            recipient: lab,
            type: 'Lab Sample',
            packages: [sample],
            departedAgoMs: 4 * DAY_MS - HOUR_MS,
            arrivesAgoMs: 4 * DAY_MS - 2 * HOUR_MS,
            receivedAgoMs: 4 * DAY_MS - 2 * HOUR_MS,
          },
        ],
      },
      3 * DAY_MS,
    );
    seedLabResult(b, lab, sample, 3 * DAY_MS);
  }
  // Released results for a few packages of every license (tested before they were packaged).
  for (const { license } of licenses) {
    if (license === lab) continue;
    for (const pkg of shippable(license, 2)) seedLabResult(b, lab, pkg, 6 * DAY_MS);
  }
  const wholesale = shippable(receiver, 4);
  seedTransfer(
    b,
    {
      ...common,
      shipper: receiver,
      driverName: 'Luis Ortega',
      createdAgoMs: 3 * HOUR_MS,
      deliveries: stores.slice(0, 2).map((store, n) => ({
        recipient: store,
        type: 'Wholesale' as const,
        packages: wholesale.slice(n * 2, n * 2 + 2),
        departedAgoMs: 2 * HOUR_MS,
        arrivesAgoMs: -HOUR_MS - n * HOUR_MS,
        receivedAgoMs: null,
      })),
    },
    2 * HOUR_MS,
  );
  if (stores[0]) seedTemplate(b, receiver, stores[0], transporter, by);
}
