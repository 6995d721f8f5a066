/**
 * Catalogue changes: `PUT` and `DELETE /{id}` of items, strains and locations; item brands;
 * transporters' drivers and vehicles. `PUT` names the record by `Id`; `DELETE` archives
 * (records stay readable in the inactive lists), except drivers and vehicles, which go.
 */
import { metrcReplies } from '../http/metrc-replies.ts';
import { RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import type { RecordCollection, Tracked } from '../state/record-collection.ts';
import type { BrandRecord, DriverRecord, LicenseRecord, VehicleRecord } from '../state/records.ts';
import { byLookupName, lookupsFor } from '../state/state-lookups.ts';
import { findUnit } from '../state/units-of-measure.ts';
import { wireDriver, wireVehicle } from '../wire/wire-growing.ts';
import {
  byName,
  EVERYTHING,
  idParam,
  licenseOf,
  listOf,
  ownedRecord,
  section,
  where,
} from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';
import { byRowId, inCollection, requireText, rowWrite } from './row-writes.ts';

const ITEMS = { license: 'required', permissions: [['Manage Items']] } as const;
const STRAINS = { license: 'required', permissions: [['Manage Strains']] } as const;
const LOCATIONS = section(['Manage Locations'], 'inventoryPlaces');
const TRANSPORTERS = section(['Manage Transporters']);

/** `DELETE /{id}`: archives a record of the license (404 unknown, 401 another's). */
function archive<T extends Tracked & { license: string; archived: boolean }>(
  index: (ctx: OperationContext) => ReadonlyMap<number, T>,
  collection: (license: LicenseRecord) => RecordCollection<T>,
  what: string,
) {
  return (ctx: OperationContext) => {
    const record = ownedRecord(ctx, index(ctx), idParam(ctx), `${what} ${ctx.params.id}`);
    if (record.archived) throw metrcReplies.badRequest(`${what} ${record.id} is already archived.`);
    record.archived = true;
    ctx.state.touch(collection(licenseOf(ctx)), record);
    return writeResult(ctx, [record.id]);
  };
}

/** `DELETE /{id}` of a record kept only in its license's collection: removes it. */
function remove<T extends Tracked>(
  collection: (license: LicenseRecord) => RecordCollection<T>,
  what: string,
) {
  return (ctx: OperationContext) => {
    const id = idParam(ctx);
    const record = collection(licenseOf(ctx)).get(id);
    if (!record) throw metrcReplies.objectNotFound(`${what} ${id}`);
    collection(licenseOf(ctx)).delete(id);
    return writeResult(ctx, [id]);
  };
}

const updateItems = rowWrite({
  collection: (license) => license.items,
  find: byRowId((ctx) => ctx.state.index.items, 'Item'),
  check: (ctx, row, item, add) => {
    const category = row.text('ItemCategory');
    if (category && !byLookupName(lookupsFor(ctx.metrcState).itemCategories, category))
      add(`Item Category "${category}" is not valid.`);
    const unit = row.text('UnitOfMeasure');
    if (unit && !findUnit(unit)) add(`Unit of Measure "${unit}" is not valid.`);
    const name = row.text('Name');
    const clash = name ? byName(licenseOf(ctx).items.values(), name) : undefined;
    if (clash && clash.id !== item.id)
      add(`Item "${name}" already exists in the current Facility.`);
  },
  apply: (ctx, row, item) => {
    item.name = row.text('Name') ?? item.name;
    const category = byLookupName(
      lookupsFor(ctx.metrcState).itemCategories,
      row.text('ItemCategory'),
    );
    if (category) item.category = category.name;
    item.unitOfMeasure = findUnit(row.text('UnitOfMeasure'))?.name ?? item.unitOfMeasure;
    const strain = byName(licenseOf(ctx).strains.values(), row.text('Strain'));
    if (strain) item.strainId = strain.id;
    item.unitWeight = row.number('UnitWeight') ?? item.unitWeight;
    item.unitThcContent = row.number('UnitThcContent') ?? item.unitThcContent;
  },
});

const updateStrains = rowWrite({
  collection: (license) => license.strains,
  find: byRowId((ctx) => ctx.state.index.strains, 'Strain'),
  check: (_ctx, row, strain, add) => {
    const indica = row.number('IndicaPercentage') ?? strain.indicaPercentage;
    const sativa = row.number('SativaPercentage') ?? strain.sativaPercentage;
    if (indica < 0 || sativa < 0 || indica + sativa !== 100)
      add('Indica and Sativa percentages must add up to 100.');
  },
  apply: (_ctx, row, strain) => {
    strain.name = row.text('Name') ?? strain.name;
    strain.testingStatus = row.text('TestingStatus') ?? strain.testingStatus;
    strain.thcLevel = row.number('ThcLevel') ?? strain.thcLevel;
    strain.cbdLevel = row.number('CbdLevel') ?? strain.cbdLevel;
    strain.indicaPercentage = row.number('IndicaPercentage') ?? strain.indicaPercentage;
    strain.sativaPercentage = row.number('SativaPercentage') ?? strain.sativaPercentage;
  },
});

const updateLocations = rowWrite({
  collection: (license) => license.locations,
  find: byRowId((ctx) => ctx.state.index.locations, 'Location'),
  check: (ctx, row, location, add) => {
    const typeName = row.text('LocationTypeName');
    if (typeName && !byLookupName(lookupsFor(ctx.metrcState).locationTypes, typeName))
      add(`Location Type "${typeName}" is not valid.`);
    const name = row.text('Name');
    const clash = name ? byName(licenseOf(ctx).locations.values(), name) : undefined;
    if (clash && clash.id !== location.id)
      add(`Location "${name}" already exists in the current Facility.`);
  },
  apply: (ctx, row, location) => {
    location.name = row.text('Name') ?? location.name;
    const type = byLookupName(
      lookupsFor(ctx.metrcState).locationTypes,
      row.text('LocationTypeName'),
    );
    if (type) location.typeId = type.id;
  },
});

const wireBrand = (brand: BrandRecord) => ({
  Id: brand.id,
  Name: brand.name,
  Status: brand.archived ? 'Inactive' : 'Active',
});

function createBrands(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const rows = readRows(ctx);
  const errors = new RowErrors();
  const names = new Set<string>();
  for (const row of rows) {
    const name = requireText(row, 'Name', (m) => errors.add(row.index, m));
    if (!name) continue;
    if (byName(license.brands.values(), name) || names.has(name.toLowerCase()))
      errors.add(row.index, `Brand "${name}" already exists in the current Facility.`);
    names.add(name.toLowerCase());
  }
  errors.throwIfAny();
  const ids = rows.map((row) => {
    const brand: BrandRecord = {
      id: ctx.state.nextId('brand'),
      lastModified: 0,
      license: license.number,
      name: row.text('Name') ?? '',
      archived: false,
    };
    ctx.state.touch(license.brands, brand);
    return brand.id;
  });
  return writeResult(ctx, ids);
}

/** Creates drivers or vehicles from rows, every field required. */
function createAll<T extends Tracked & { license: string }>(
  collection: (license: LicenseRecord) => RecordCollection<T>,
  fields: readonly string[],
  build: (ctx: OperationContext, row: import('../http/write-rows.ts').Row, id: number) => T,
  kind: 'driver' | 'vehicle',
) {
  return (ctx: OperationContext) => {
    const rows = readRows(ctx);
    const errors = new RowErrors();
    for (const row of rows)
      for (const field of fields) requireText(row, field, (m) => errors.add(row.index, m));
    errors.throwIfAny();
    const license = licenseOf(ctx);
    const ids = rows.map((row) => {
      const record = build(ctx, row, ctx.state.nextId(kind));
      ctx.state.touch(collection(license), record);
      return record.id;
    });
    return writeResult(ctx, ids);
  };
}

const DRIVER_FIELDS = ['Name', 'EmployeeId', 'DriversLicenseNumber'] as const;
const VEHICLE_FIELDS = ['Make', 'Model', 'LicensePlateNumber'] as const;

export const catalogueWriteOperations: OperationSpec[] = [
  operation('PUT', '/items/v2', ITEMS, updateItems),
  operation(
    'DELETE',
    '/items/v2/{id}',
    ITEMS,
    archive(
      (ctx) => ctx.state.index.items,
      (license) => license.items,
      'Item',
    ),
  ),
  operation('PUT', '/strains/v2', STRAINS, updateStrains),
  operation(
    'DELETE',
    '/strains/v2/{id}',
    STRAINS,
    archive(
      (ctx) => ctx.state.index.strains,
      (license) => license.strains,
      'Strain',
    ),
  ),
  operation('PUT', '/locations/v2', LOCATIONS, updateLocations),
  operation(
    'DELETE',
    '/locations/v2/{id}',
    LOCATIONS,
    archive(
      (ctx) => ctx.state.index.locations,
      (license) => license.locations,
      'Location',
    ),
  ),
  operation(
    'GET',
    '/items/v2/brands',
    ITEMS,
    listOf(
      (ctx) => where(licenseOf(ctx).brands.values(), (b) => !b.archived),
      (_ctx, brand) => wireBrand(brand),
      EVERYTHING,
    ),
  ),
  operation('POST', '/items/v2/brand', ITEMS, createBrands),
  operation(
    'PUT',
    '/items/v2/brand',
    ITEMS,
    rowWrite({
      collection: (license) => license.brands,
      find: inCollection((license) => license.brands, 'Brand'),
      check: (_ctx, row, _brand, add) => void requireText(row, 'Name', add),
      apply: (_ctx, row, brand) => {
        brand.name = row.text('Name') ?? brand.name;
      },
    }),
  ),
  operation('DELETE', '/items/v2/brand/{id}', ITEMS, (ctx) => {
    const brand = licenseOf(ctx).brands.get(idParam(ctx));
    if (!brand || brand.archived) throw metrcReplies.objectNotFound(`Brand ${ctx.params.id}`);
    brand.archived = true;
    ctx.state.touch(licenseOf(ctx).brands, brand);
    return writeResult(ctx, [brand.id]);
  }),
  operation('GET', '/transporters/v2/drivers/{id}', TRANSPORTERS, (ctx) => {
    const driver = licenseOf(ctx).drivers.get(idParam(ctx));
    if (!driver) throw metrcReplies.objectNotFound(`Driver ${ctx.params.id}`);
    return { body: wireDriver(licenseOf(ctx), driver) };
  }),
  operation('GET', '/transporters/v2/vehicles/{id}', TRANSPORTERS, (ctx) => {
    const vehicle = licenseOf(ctx).vehicles.get(idParam(ctx));
    if (!vehicle) throw metrcReplies.objectNotFound(`Vehicle ${ctx.params.id}`);
    return { body: wireVehicle(licenseOf(ctx), vehicle) };
  }),
  operation(
    'POST',
    '/transporters/v2/drivers',
    TRANSPORTERS,
    createAll<DriverRecord>(
      (license) => license.drivers,
      DRIVER_FIELDS,
      (ctx, row, id) => ({
        id,
        lastModified: 0,
        license: licenseOf(ctx).number,
        name: row.text('Name') ?? '',
        employeeId: row.text('EmployeeId') ?? '',
        driversLicenseNumber: row.text('DriversLicenseNumber') ?? '',
      }),
      'driver',
    ),
  ),
  operation(
    'POST',
    '/transporters/v2/vehicles',
    TRANSPORTERS,
    createAll<VehicleRecord>(
      (license) => license.vehicles,
      VEHICLE_FIELDS,
      (ctx, row, id) => ({
        id,
        lastModified: 0,
        license: licenseOf(ctx).number,
        make: row.text('Make') ?? '',
        model: row.text('Model') ?? '',
        licensePlateNumber: row.text('LicensePlateNumber') ?? '',
      }),
      'vehicle',
    ),
  ),
  operation(
    'PUT',
    '/transporters/v2/drivers',
    TRANSPORTERS,
    rowWrite({
      collection: (license) => license.drivers,
      find: inCollection((license) => license.drivers, 'Driver'),
      apply: (_ctx, row, driver) => {
        driver.name = row.text('Name') ?? driver.name;
        driver.employeeId = row.text('EmployeeId') ?? driver.employeeId;
        driver.driversLicenseNumber =
          row.text('DriversLicenseNumber') ?? driver.driversLicenseNumber;
      },
    }),
  ),
  operation(
    'PUT',
    '/transporters/v2/vehicles',
    TRANSPORTERS,
    rowWrite({
      collection: (license) => license.vehicles,
      find: inCollection((license) => license.vehicles, 'Vehicle'),
      apply: (_ctx, row, vehicle) => {
        vehicle.make = row.text('Make') ?? vehicle.make;
        vehicle.model = row.text('Model') ?? vehicle.model;
        vehicle.licensePlateNumber = row.text('LicensePlateNumber') ?? vehicle.licensePlateNumber;
      },
    }),
  ),
  operation(
    'DELETE',
    '/transporters/v2/drivers/{id}',
    TRANSPORTERS,
    remove((l) => l.drivers, 'Driver'),
  ),
  operation(
    'DELETE',
    '/transporters/v2/vehicles/{id}',
    TRANSPORTERS,
    remove((l) => l.vehicles, 'Vehicle'),
  ),
];
