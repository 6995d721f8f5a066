/**
 * Lookups. Reasons, categories and location types differ per state (state-lookups.ts). Metrc answers most as bare arrays (units, package types, customer types,
 * lab test states, growth phases: TM 2026 and NY audits, where OM models an envelope) and the
 * paged ones (categories, location types, adjust reasons, lab test types…) in the envelope.
 */
import { envelope } from '../http/list-response.ts';
import {
  CUSTOMER_TYPES,
  GROWTH_PHASES,
  HARVEST_WASTE_TYPES,
  LAB_TEST_TYPES,
  LAB_TESTING_STATES,
  PACKAGE_TYPES,
  PLANT_BATCH_TYPES,
  SHIPMENT_PACKAGE_STATES,
  TRANSFER_TYPES,
  WASTE_METHODS,
} from '../state/metrc-catalog.ts';
import { lookupsFor, type StateLookups } from '../state/state-lookups.ts';
import { UNITS_OF_MEASURE } from '../state/units-of-measure.ts';
import { wireItemCategory, wireLocationType, wireUnit } from '../wire/wire-inventory.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';

const bare = (values: readonly unknown[]) => () => ({ body: [...values] });
const paged =
  <T>(values: readonly T[], render: (value: T) => unknown = (value) => value) =>
  (ctx: OperationContext) => ({ body: envelope(ctx, values, render) });

/** A lookup whose entries depend on the state (state-lookups.ts), paged. */
const perState =
  <T>(pick: (lookups: StateLookups) => readonly T[], render: (value: T) => unknown) =>
  (ctx: OperationContext) => ({ body: envelope(ctx, pick(lookupsFor(ctx.metrcState)), render) });

const units = UNITS_OF_MEASURE.map(wireUnit);

const wireReason = (reason: { name: string; requiresNote: boolean }) => ({
  Name: reason.name,
  RequiresNote: reason.requiresNote,
  RequiresWasteWeight: false,
  RequiresImmatureWasteWeight: false,
  RequiresMatureWasteWeight: false,
});

export const lookupOperations: OperationSpec[] = [
  operation('GET', '/unitsofmeasure/v2/active', { license: 'none' }, bare(units)),
  operation('GET', '/unitsofmeasure/v2/inactive', { license: 'none' }, bare([])),
  operation('GET', '/unitsofmeasure/v1/active', { license: 'none' }, bare(units)),
  operation('GET', '/packages/v2/types', { license: 'none' }, bare(PACKAGE_TYPES)),
  operation('GET', '/sales/v2/customertypes', { license: 'none' }, bare(CUSTOMER_TYPES)),
  operation('GET', '/labtests/v2/states', { license: 'none' }, bare(LAB_TESTING_STATES)),
  operation('GET', '/plants/v2/growthphases', { license: 'optional' }, bare(GROWTH_PHASES)),
  operation(
    'GET',
    '/transfers/v2/deliveries/packages/states',
    { license: 'none' },
    bare(SHIPMENT_PACKAGE_STATES),
  ),
  operation('GET', '/labtests/v2/types', { license: 'none' }, paged(LAB_TEST_TYPES)),
  operation(
    'GET',
    '/items/v2/categories',
    { license: 'optional' },
    perState((l) => l.itemCategories, wireItemCategory),
  ),
  operation(
    'GET',
    '/locations/v2/types',
    { license: 'required', permissions: [['Manage Locations']], gate: 'inventoryPlaces' },
    perState((l) => l.locationTypes, wireLocationType),
  ),
  operation(
    'GET',
    '/packages/v2/adjust/reasons',
    { license: 'required' },
    perState((l) => l.adjustReasons, wireReason),
  ),
  operation(
    'GET',
    '/plants/v2/waste/reasons',
    { license: 'required' },
    perState((l) => l.wasteReasons, wireReason),
  ),
  operation(
    'GET',
    '/plantbatches/v2/waste/reasons',
    { license: 'required' },
    perState((l) => l.wasteReasons, wireReason),
  ),
  operation(
    'GET',
    '/plants/v2/waste/methods/all',
    { license: 'none' },
    paged(WASTE_METHODS, (name) => ({
      Name: name,
      ForPlants: true,
      ForProductDestruction: true,
      LastModified: null,
    })),
  ),
  operation('GET', '/transfers/v2/types', { license: 'required' }, paged(TRANSFER_TYPES)),
  operation('GET', '/plantbatches/v2/types', { license: 'none' }, paged(PLANT_BATCH_TYPES)),
  operation(
    'GET',
    '/harvests/v2/waste/types',
    { license: 'none' },
    paged(HARVEST_WASTE_TYPES, (name) => ({ Name: name })),
  ),
];
