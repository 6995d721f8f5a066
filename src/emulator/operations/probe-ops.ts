/**
 * Read-only sections served so every section of metrc-api.md §7 has a cheap probe: sales
 * deliveries, patients and transporters (processing jobs: processing-ops.ts).
 */

import { wireDriver, wirePatient, wireVehicle } from '../wire/wire-growing.ts';
import { EVERYTHING, licenseOf, listOf, section } from './operation-helpers.ts';
import { type OperationSpec, operation } from './operation-types.ts';

const VIEW_DELIVERIES = section(['View Sales Delivery', 'Manage Sales Delivery'], 'salesDelivery');
const MANAGE_PATIENTS = section(['Manage Patients'], 'patients');
const TRANSPORTERS = section(['Manage Transporters']);

export const probeOperations: OperationSpec[] = [
  // Sales deliveries: the same salesDate/lastModified rules as receipts; none are seeded.
  ...(['active', 'inactive'] as const).map((which) =>
    operation(
      'GET',
      `/sales/v2/deliveries/${which}`,
      VIEW_DELIVERIES,
      listOf(
        () => [],
        () => null,
        { window: 'lastModifiedOrSales', bare: 'recent', envelope: true, salesDateTime: () => '' },
      ),
    ),
  ),
  operation(
    'GET',
    '/patients/v2/active',
    MANAGE_PATIENTS,
    listOf(
      (ctx) => licenseOf(ctx).patients.values(),
      (_ctx, p) => wirePatient(p),
      EVERYTHING,
    ),
  ),
  operation(
    'GET',
    '/transporters/v2/drivers',
    TRANSPORTERS,
    listOf(
      (ctx) => licenseOf(ctx).drivers.values(),
      (ctx, d) => wireDriver(licenseOf(ctx), d),
      EVERYTHING,
    ),
  ),
  operation(
    'GET',
    '/transporters/v2/vehicles',
    TRANSPORTERS,
    listOf(
      (ctx) => licenseOf(ctx).vehicles.values(),
      (ctx, v) => wireVehicle(licenseOf(ctx), v),
      EVERYTHING,
    ),
  ),
];
