/**
 * Read-only sections that milestone 1 serves so every section of metrc-api.md §7 has a cheap
 * probe: plants, plant batches, harvests, sales deliveries, transfers and templates, patients,
 * processing jobs and transporters. Their writes come in milestone 2.
 */
import type { PlantRecord, TransferRecord } from '../emulator-types.ts';
import type { SectionGate } from '../facility-types.ts';
import { type ListOptions, listResponse } from '../list-response.ts';
import type { Permission } from '../metrc-permissions.ts';
import { type OperationContext, type OperationSpec, operation } from '../operation-types.ts';
import type { Tracked } from '../record-collection.ts';
import {
  wireDriver,
  wireHarvest,
  wirePatient,
  wirePlant,
  wirePlantBatch,
  wireTransfer,
  wireVehicle,
} from '../wire-growing.ts';
import { idParam, licenseOf, ownedRecord } from './operation-helpers.ts';

const recent = { window: 'lastModified', bare: 'recent', envelope: true } as const;
const everything = { window: 'none', bare: 'all', envelope: true } as const;

function list<T extends Tracked>(
  records: (ctx: OperationContext) => Iterable<T>,
  render: (ctx: OperationContext, record: T) => unknown,
  options: ListOptions<T>,
) {
  return (ctx: OperationContext) =>
    listResponse(ctx, records(ctx), (record) => render(ctx, record), options);
}

function* where<T>(records: Iterable<T>, keep: (record: T) => boolean) {
  for (const record of records) if (keep(record)) yield record;
}

const livePlant = (plant: PlantRecord) =>
  plant.destroyedDate === null && plant.harvestedDate === null;
const plants = (keep: (plant: PlantRecord) => boolean) =>
  list(
    (ctx) => where(licenseOf(ctx).plants.values(), keep),
    (ctx, plant) => wirePlant(ctx.state, plant),
    recent,
  );

const transfers = (
  keep: (ctx: OperationContext, transfer: TransferRecord) => boolean,
  options: ListOptions<TransferRecord>,
) =>
  list(
    (ctx) => where(ctx.state.transfers.values(), (transfer) => keep(ctx, transfer)),
    (ctx, transfer) => wireTransfer(ctx.state, transfer),
    options,
  );

const section = (permissions: readonly Permission[], gate?: SectionGate) =>
  ({ license: 'required', permissions: [permissions], ...(gate ? { gate } : {}) }) as const;

const VIEW_PLANTS = section(['View Veg/Flower Plants'], 'growing');
const VIEW_BATCHES = section(['View Immature Plants'], 'growing');
const VIEW_HARVESTS = section(['View Harvests', 'Manage Harvests'], 'growing');
const VIEW_DELIVERIES = section(['View Sales Delivery', 'Manage Sales Delivery'], 'salesDelivery');
const VIEW_TRANSFERS = section(['View Transfers', 'Manage Transfers']);
const VIEW_TEMPLATES = section(['View Transfer Templates', 'Manage Transfer Templates']);
const MANAGE_PATIENTS = section(['Manage Patients'], 'patients');
const MANAGE_PROCESSING = section(['Manage Processing Job'], 'processingJobs');
const TRANSPORTERS = section(['Manage Transporters']);

const mine = (ctx: OperationContext) => licenseOf(ctx).number;

export const probeOperations: OperationSpec[] = [
  operation(
    'GET',
    '/plants/v2/vegetative',
    VIEW_PLANTS,
    plants((p) => livePlant(p) && p.growthPhase === 'Vegetative'),
  ),
  operation(
    'GET',
    '/plants/v2/flowering',
    VIEW_PLANTS,
    plants((p) => livePlant(p) && p.growthPhase === 'Flowering'),
  ),
  operation(
    'GET',
    '/plants/v2/onhold',
    VIEW_PLANTS,
    plants((p) => livePlant(p) && p.isOnHold),
  ),
  operation(
    'GET',
    '/plants/v2/inactive',
    VIEW_PLANTS,
    plants((p) => !livePlant(p)),
  ),
  operation('GET', '/plants/v2/{id}', VIEW_PLANTS, (ctx) => ({
    body: wirePlant(
      ctx.state,
      ownedRecord(ctx, ctx.state.index.plants, idParam(ctx), `Plant ${ctx.params.id}`),
    ),
  })),
  operation('GET', '/plants/v2/{label}', VIEW_PLANTS, (ctx) => {
    const label = (ctx.params.label ?? '').toUpperCase();
    return {
      body: wirePlant(
        ctx.state,
        ownedRecord(ctx, ctx.state.index.plantByLabel, label, `Plant ${label}`),
      ),
    };
  }),
  operation(
    'GET',
    '/plantbatches/v2/active',
    VIEW_BATCHES,
    list(
      (ctx) => where(licenseOf(ctx).plantBatches.values(), (b) => !b.archived),
      (ctx, b) => wirePlantBatch(ctx.state, b),
      recent,
    ),
  ),
  operation(
    'GET',
    '/plantbatches/v2/inactive',
    VIEW_BATCHES,
    list(
      (ctx) => where(licenseOf(ctx).plantBatches.values(), (b) => b.archived),
      (ctx, b) => wirePlantBatch(ctx.state, b),
      recent,
    ),
  ),
  operation(
    'GET',
    '/harvests/v2/active',
    VIEW_HARVESTS,
    list(
      (ctx) => where(licenseOf(ctx).harvests.values(), (h) => h.finishedDate === null),
      (ctx, h) => wireHarvest(ctx.state, h),
      recent,
    ),
  ),
  operation(
    'GET',
    '/harvests/v2/inactive',
    VIEW_HARVESTS,
    list(
      (ctx) => where(licenseOf(ctx).harvests.values(), (h) => h.finishedDate !== null),
      (ctx, h) => wireHarvest(ctx.state, h),
      recent,
    ),
  ),
  operation(
    'GET',
    '/harvests/v2/onhold',
    VIEW_HARVESTS,
    list(
      () => [],
      () => null,
      recent,
    ),
  ),
  // Sales deliveries: the same salesDate/lastModified rules as receipts; none are seeded.
  ...(['active', 'inactive'] as const).map((which) =>
    operation(
      'GET',
      `/sales/v2/deliveries/${which}`,
      VIEW_DELIVERIES,
      list(
        () => [],
        () => null,
        { window: 'lastModifiedOrSales', bare: 'recent', envelope: true, salesDateTime: () => '' },
      ),
    ),
  ),
  operation(
    'GET',
    '/transfers/v2/incoming',
    VIEW_TRANSFERS,
    transfers((ctx, t) => t.recipientLicense === mine(ctx) && !t.rejected, recent),
  ),
  operation(
    'GET',
    '/transfers/v2/outgoing',
    VIEW_TRANSFERS,
    transfers((ctx, t) => t.shipperLicense === mine(ctx) && !t.rejected, recent),
  ),
  operation(
    'GET',
    '/transfers/v2/rejected',
    VIEW_TRANSFERS,
    transfers(
      (ctx, t) =>
        t.rejected && (t.shipperLicense === mine(ctx) || t.recipientLicense === mine(ctx)),
      everything,
    ),
  ),
  operation(
    'GET',
    '/transfers/v2/templates/outgoing',
    VIEW_TEMPLATES,
    list(
      () => [],
      () => null,
      recent,
    ),
  ),
  operation(
    'GET',
    '/patients/v2/active',
    MANAGE_PATIENTS,
    list(
      (ctx) => licenseOf(ctx).patients.values(),
      (_ctx, p) => wirePatient(p),
      everything,
    ),
  ),
  operation(
    'GET',
    '/processing/v2/active',
    MANAGE_PROCESSING,
    list(
      () => [],
      () => null,
      recent,
    ),
  ),
  operation(
    'GET',
    '/transporters/v2/drivers',
    TRANSPORTERS,
    list(
      (ctx) => licenseOf(ctx).drivers.values(),
      (ctx, d) => wireDriver(licenseOf(ctx), d),
      everything,
    ),
  ),
  operation(
    'GET',
    '/transporters/v2/vehicles',
    TRANSPORTERS,
    list(
      (ctx) => licenseOf(ctx).vehicles.values(),
      (ctx, v) => wireVehicle(licenseOf(ctx), v),
      everything,
    ),
  ),
];
