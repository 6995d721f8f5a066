/** Items, strains and locations of a license: lists, `/{id}`, and creation. */

import { listResponse } from '../http/list-response.ts';
import { RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import type { ItemRecord, LocationRecord, StrainRecord } from '../state/records.ts';
import { byLookupName, lookupsFor } from '../state/state-lookups.ts';
import { findUnit } from '../state/units-of-measure.ts';
import { wireItem, wireLocation, wireStrain } from '../wire/wire-inventory.ts';
import { byName, idParam, licenseOf, ownedRecord, scoped } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';

const MANAGE_ITEMS = [['Manage Items']] as const;
const MANAGE_STRAINS = [['Manage Strains']] as const;
const MANAGE_LOCATIONS = [['Manage Locations']] as const;

const activeList =
  <T extends { archived: boolean; id: number; lastModified: number }>(
    pick: (ctx: OperationContext) => Iterable<T>,
    render: (ctx: OperationContext, record: T) => unknown,
    archived: boolean,
    bareLocation = false,
  ) =>
  (ctx: OperationContext) =>
    listResponse(ctx, filterArchived(pick(ctx), archived), (record) => render(ctx, record), {
      window: archived || ctx.version === 1 ? 'none' : 'lastModified',
      // NY production: `/locations/v2/active` returns nothing without a window (metrc-api.md §9).
      bare: archived || ctx.version === 1 ? 'all' : bareLocation ? 'nothing' : 'recent',
      envelope: true,
    });

function* filterArchived<T extends { archived: boolean }>(records: Iterable<T>, archived: boolean) {
  for (const record of records) if (record.archived === archived) yield record;
}

const items = (ctx: OperationContext) => licenseOf(ctx).items.values();
const strains = (ctx: OperationContext) => licenseOf(ctx).strains.values();
const locations = (ctx: OperationContext) => licenseOf(ctx).locations.values();
const renderItem = (ctx: OperationContext, item: ItemRecord) => wireItem(ctx.state, item);
const renderStrain = (_ctx: OperationContext, strain: StrainRecord) => wireStrain(strain);
const renderLocation = (_ctx: OperationContext, location: LocationRecord) => wireLocation(location);

function createItems(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const rows = readRows(ctx);
  const errors = new RowErrors();
  const names = new Set<string>();
  const planned: Omit<ItemRecord, 'id' | 'lastModified'>[] = [];
  for (const row of rows) {
    const name = row.text('Name');
    const category = byLookupName(
      lookupsFor(ctx.metrcState).itemCategories,
      row.text('ItemCategory'),
    );
    const unit = findUnit(row.text('UnitOfMeasure'));
    const strain = byName(license.strains.values(), row.text('Strain'));
    if (!name) errors.add(row.index, 'Name is required.');
    else if (byName(license.items.values(), name) || names.has(name.toLowerCase())) {
      errors.add(row.index, `Item "${name}" already exists in the current Facility.`);
    }
    if (!category)
      errors.add(row.index, `Item Category "${row.text('ItemCategory') ?? ''}" is not valid.`);
    if (!unit)
      errors.add(row.index, `Unit of Measure "${row.text('UnitOfMeasure') ?? ''}" is not valid.`);
    else if (category && unit.quantityType !== category.quantityType) {
      errors.add(
        row.index,
        `Unit of Measure "${unit.name}" is not valid for Item Category "${category.name}".`,
      );
    }
    if (category?.requiresStrain && !strain)
      errors.add(row.index, 'A valid Strain is required for this Item Category.');
    if (!name || !category || !unit) continue;
    names.add(name.toLowerCase());
    planned.push({
      license: license.number,
      name,
      category: category.name,
      unitOfMeasure: unit.name,
      strainId: strain?.id ?? null,
      unitWeight: row.number('UnitWeight') ?? null,
      unitWeightUnit: row.text('UnitWeightUnitOfMeasure') ?? null,
      unitThcContent: row.number('UnitThcContent') ?? null,
      unitThcContentUnit: row.text('UnitThcContentUnitOfMeasure') ?? null,
      unitVolume: row.number('UnitVolume') ?? null,
      unitVolumeUnit: row.text('UnitVolumeUnitOfMeasure') ?? null,
      archived: false,
      used: false,
    });
  }
  errors.throwIfAny();
  const ids = planned.map((fields) => {
    const item: ItemRecord = { ...fields, id: ctx.state.nextId('item'), lastModified: 0 };
    ctx.state.index.items.set(item.id, item);
    ctx.state.touch(license.items, item);
    if (item.strainId !== null) {
      const strain = ctx.state.index.strains.get(item.strainId);
      if (strain && !strain.used) {
        strain.used = true;
        ctx.state.touch(license.strains, strain);
      }
    }
    return item.id;
  });
  return writeResult(ctx, ids);
}

function createStrains(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const rows = readRows(ctx);
  const errors = new RowErrors();
  const names = new Set<string>();
  for (const row of rows) {
    const name = row.text('Name');
    const indica = row.number('IndicaPercentage') ?? 0;
    const sativa = row.number('SativaPercentage') ?? 0;
    if (!name) errors.add(row.index, 'Name is required.');
    else if (byName(license.strains.values(), name) || names.has(name.toLowerCase())) {
      errors.add(row.index, `Strain "${name}" already exists in the current Facility.`);
    } else names.add(name.toLowerCase());
    if (indica < 0 || sativa < 0 || indica + sativa !== 100) {
      errors.add(row.index, 'Indica and Sativa percentages must add up to 100.');
    }
  }
  errors.throwIfAny();
  const ids = rows.map((row) => {
    const strain: StrainRecord = {
      id: ctx.state.nextId('strain'),
      lastModified: 0,
      license: license.number,
      name: row.text('Name') ?? '',
      testingStatus: row.text('TestingStatus') ?? 'None',
      thcLevel: row.number('ThcLevel') ?? null,
      cbdLevel: row.number('CbdLevel') ?? null,
      indicaPercentage: row.number('IndicaPercentage') ?? 0,
      sativaPercentage: row.number('SativaPercentage') ?? 0,
      archived: false,
      used: false,
    };
    ctx.state.index.strains.set(strain.id, strain);
    ctx.state.touch(license.strains, strain);
    return strain.id;
  });
  return writeResult(ctx, ids);
}

function createLocations(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const rows = readRows(ctx);
  const errors = new RowErrors();
  const names = new Set<string>();
  for (const row of rows) {
    const name = row.text('Name');
    const type = byLookupName(
      lookupsFor(ctx.metrcState).locationTypes,
      row.text('LocationTypeName'),
    );
    if (!name) errors.add(row.index, 'Location Name was not specified.');
    else if (byName(license.locations.values(), name) || names.has(name.toLowerCase())) {
      errors.add(row.index, `Location "${name}" already exists in the current Facility.`);
    } else names.add(name.toLowerCase());
    if (!type)
      errors.add(row.index, `Location Type "${row.text('LocationTypeName') ?? ''}" is not valid.`);
  }
  errors.throwIfAny();
  const ids = rows.map((row) => {
    const type = byLookupName(
      lookupsFor(ctx.metrcState).locationTypes,
      row.text('LocationTypeName'),
    );
    const location: LocationRecord = {
      id: ctx.state.nextId('location'),
      lastModified: 0,
      license: license.number,
      name: row.text('Name') ?? '',
      typeId: type?.id ?? 1,
      archived: false,
    };
    ctx.state.index.locations.set(location.id, location);
    ctx.state.touch(license.locations, location);
    return location.id;
  });
  return writeResult(ctx, ids);
}

const places = {
  license: 'required',
  permissions: MANAGE_LOCATIONS,
  gate: 'inventoryPlaces',
} as const;

export const catalogueOperations: OperationSpec[] = [
  operation(
    'GET',
    '/items/v2/active',
    { license: 'required', permissions: MANAGE_ITEMS },
    activeList(items, renderItem, false),
  ),
  operation(
    'GET',
    '/items/v2/inactive',
    { license: 'required', permissions: MANAGE_ITEMS },
    activeList(items, renderItem, true),
  ),
  operation(
    'GET',
    '/items/v1/active',
    { license: 'required', permissions: MANAGE_ITEMS },
    activeList(items, renderItem, false),
  ),
  operation('GET', '/items/v2/{id}', { license: 'scoped', permissions: MANAGE_ITEMS }, (ctx) => ({
    body: wireItem(ctx.state, ownedRecord(ctx, ctx.state.index.items, idParam(ctx), 'Item')),
  })),
  operation('POST', '/items/v2', { license: 'required', permissions: MANAGE_ITEMS }, createItems),
  operation(
    'GET',
    '/strains/v2/active',
    { license: 'required', permissions: MANAGE_STRAINS },
    activeList(strains, renderStrain, false),
  ),
  operation(
    'GET',
    '/strains/v2/inactive',
    { license: 'required', permissions: MANAGE_STRAINS },
    activeList(strains, renderStrain, true),
  ),
  operation(
    'GET',
    '/strains/v1/active',
    { license: 'required', permissions: MANAGE_STRAINS },
    activeList(strains, renderStrain, false),
  ),
  operation(
    'GET',
    '/strains/v2/{id}',
    { license: 'scoped', permissions: MANAGE_STRAINS },
    (ctx) => ({
      body: wireStrain(ownedRecord(ctx, ctx.state.index.strains, idParam(ctx), 'Strain')),
    }),
  ),
  operation(
    'POST',
    '/strains/v2',
    { license: 'required', permissions: MANAGE_STRAINS },
    createStrains,
  ),
  operation(
    'GET',
    '/locations/v2/active',
    places,
    activeList(locations, renderLocation, false, true),
  ),
  operation('GET', '/locations/v2/inactive', places, activeList(locations, renderLocation, true)),
  operation('GET', '/locations/v1/active', places, activeList(locations, renderLocation, false)),
  operation('GET', '/locations/v2/{id}', scoped(places), (ctx) => ({
    body: wireLocation(ownedRecord(ctx, ctx.state.index.locations, idParam(ctx), 'Location')),
  })),
  operation('POST', '/locations/v2', places, createLocations),
];
