/**
 * Realistic inventory for one license, by license type: strains, locations, items, tags,
 * packages, and for growers plant batches, plants and harvests. Ages spread over days so that
 * windowed and bare list calls see different slices, as they do against Metrc.
 */

import { DATED_CATEGORIES } from '../state/metrc-catalog.ts';
import type {
  ItemRecord,
  LicenseRecord,
  LocationRecord,
  PackageRecord,
  StrainRecord,
} from '../state/records.ts';
import { DAY_MS, HOUR_MS, type ScenarioBuilder } from './scenario-builder.ts';

const STRAINS: readonly [string, number, number][] = [
  ['Blue Dream', 40, 18.5],
  ['OG Kush', 75, 22.1],
  ['Sour Diesel', 10, 20.3],
  ['Granddaddy Purple', 80, 17.8],
  ['Gelato', 55, 23.4],
  ['Pineapple Express', 30, 19.2],
];

export interface SeededInventory {
  strains: StrainRecord[];
  locations: LocationRecord[];
  items: ItemRecord[];
  packages: PackageRecord[];
}

/** A random age: mostly within the last day, some up to `maxDays` back. */
function age(b: ScenarioBuilder, maxDays = 6): number {
  return b.random.next() < 0.6
    ? b.random.int(1, 23) * HOUR_MS
    : b.random.int(1, maxDays) * DAY_MS + HOUR_MS;
}

export function seedInventory(b: ScenarioBuilder, license: LicenseRecord): SeededInventory {
  const ft = license.facilityType;
  const out: SeededInventory = { strains: [], locations: [], items: [], packages: [] };
  if (!ft.CanAssignLocationsToPackages) return out; // transporters hold no inventory

  const strainCount = ft.CanTestPackages ? 2 : 4;
  const offset = b.random.int(0, STRAINS.length - 1);
  for (let i = 0; i < strainCount; i++) {
    const [name, indica, thc] = STRAINS[(offset + i) % STRAINS.length] ??
      STRAINS[0] ?? ['Blue Dream', 40, 18];
    out.strains.push(b.strain(license, name, indica, 30 * DAY_MS + i * HOUR_MS, thc));
  }

  out.locations.push(b.location(license, 'Vault', 'Default', 40 * DAY_MS));
  out.locations.push(
    b.location(
      license,
      ft.CanSellToConsumers || ft.CanSellToPatients ? 'Sales Floor' : 'Packaging Room',
      'Packing',
      39 * DAY_MS,
    ),
  );
  if (ft.CanGrowPlants) {
    out.locations.push(b.location(license, 'Veg Room', 'Planting', 38 * DAY_MS));
    out.locations.push(b.location(license, 'Flower Room', 'Planting', 38 * DAY_MS));
    out.locations.push(b.location(license, 'Dry Room', 'Drying', 37 * DAY_MS));
  }
  // One recently touched location, so a windowed call over the last day finds something.
  out.locations.push(b.location(license, 'Quarantine', 'Default', 3 * HOUR_MS));

  const [vault, floor] = out.locations;
  const itemAge = 20 * DAY_MS;
  for (const strain of out.strains) {
    if (ft.CanGrowPlants || ft.CanTestPackages) {
      out.items.push(
        b.item(
          license,
          {
            name: `${strain.name} - Flower`,
            category: 'Buds',
            unitOfMeasure: 'Grams',
            strainId: strain.id,
          },
          itemAge,
        ),
      );
      out.items.push(
        b.item(
          license,
          {
            name: `${strain.name} - Trim`,
            category: 'Shake/Trim',
            unitOfMeasure: 'Grams',
            strainId: strain.id,
          },
          itemAge,
        ),
      );
    }
    if (ft.CanInfuseProducts) {
      out.items.push(
        b.item(
          license,
          {
            name: `${strain.name} Live Resin`,
            category: 'Concentrate',
            unitOfMeasure: 'Grams',
            strainId: strain.id,
          },
          itemAge,
        ),
      );
    }
    if (ft.CanSellToConsumers || ft.CanSellToPatients || ft.CanTakePackagesOnTrip) {
      out.items.push(
        b.item(
          license,
          {
            name: `${strain.name} Eighth 3.5g`,
            category: 'Flower (packaged - each)',
            unitOfMeasure: 'Each',
            strainId: strain.id,
            unitWeight: 3.5,
            unitWeightUnit: 'Grams',
          },
          itemAge,
        ),
      );
      out.items.push(
        b.item(
          license,
          {
            name: `${strain.name} Pre-Roll 1g`,
            category: 'Pre-Roll Flower',
            unitOfMeasure: 'Each',
            strainId: strain.id,
            unitWeight: 1,
            unitWeightUnit: 'Grams',
          },
          itemAge,
        ),
      );
    }
  }
  if (
    ft.CanInfuseProducts ||
    ft.CanSellToConsumers ||
    ft.CanSellToPatients ||
    ft.CanTakePackagesOnTrip
  ) {
    out.items.push(
      b.item(
        license,
        {
          name: 'Citrus Gummies 10pk 100mg',
          category: 'Edible',
          unitOfMeasure: 'Each',
          unitThcContent: 100,
          unitThcContentUnit: 'Milligrams',
          unitWeight: 40,
          unitWeightUnit: 'Grams',
        },
        itemAge,
      ),
    );
    out.items.push(
      b.item(
        license,
        {
          name: 'Hybrid Vape Cartridge 1g',
          category: 'Vape Cartridge',
          unitOfMeasure: 'Each',
          unitWeight: 1,
          unitWeightUnit: 'Grams',
        },
        itemAge,
      ),
    );
  }

  const packageCount = ft.CanTestPackages
    ? 3
    : ft.CanSellToConsumers || ft.CanSellToPatients
      ? 16
      : 10;
  for (let i = 0; i < packageCount && out.items.length > 0; i++) {
    const item = out.items[i % out.items.length] ?? out.items[0];
    if (!item) break;
    const each = item.unitOfMeasure === 'Each';
    const quantity = each ? b.random.int(12, 120) : b.random.int(200, 4000) / 2;
    const location = i % 3 === 0 ? floor : vault;
    out.packages.push(
      b.package(license, item, quantity, age(b), {
        locationId: location?.id ?? null,
        isTestingSample: ft.CanTestPackages,
        labTestingState: ft.CanTestPackages ? 'TestingInProgress' : 'TestPassed',
        sourceHarvestNames:
          ft.CanGrowPlants && !each ? [`${b.dateAgo(12 * DAY_MS)}-Dry Room-H`] : [],
      }),
    );
  }
  // One finished (inactive) package and one on hold, so those lists are not empty.
  const finishedItem = out.items[0];
  if (finishedItem) {
    b.package(license, finishedItem, 0, 5 * HOUR_MS, {
      finishedDate: b.dateAgo(5 * HOUR_MS),
      locationId: vault?.id ?? null,
    });
  }
  const held = out.packages[1];
  if (held) held.isOnHold = true;
  datePerishables(b, out);

  b.tags(license, 'package', 25);
  if (ft.CanGrowPlants) seedGrowing(b, license, out);
  return out;
}

function seedGrowing(b: ScenarioBuilder, license: LicenseRecord, inventory: SeededInventory): void {
  const [strainA, strainB] = inventory.strains;
  const veg = inventory.locations.find((l) => l.name === 'Veg Room');
  const flower = inventory.locations.find((l) => l.name === 'Flower Room');
  const dry = inventory.locations.find((l) => l.name === 'Dry Room');
  if (!strainA || !strainB || !veg || !flower || !dry) return;
  b.tags(license, 'plant', 25);
  const batchA = b.plantBatch(license, strainA, veg, 40, 30 * DAY_MS);
  const batchB = b.plantBatch(license, strainB, veg, 24, 9 * HOUR_MS);
  for (let i = 0; i < 10; i++) b.plant(license, batchA, veg, false, b.random.int(1, 30) * HOUR_MS);
  for (let i = 0; i < 8; i++)
    b.plant(license, i % 2 ? batchA : batchB, flower, true, b.random.int(1, 60) * HOUR_MS);
  b.harvest(
    license,
    {
      name: `${b.dateAgo(3 * DAY_MS)}-Dry Room-${strainA.name}`,
      harvestType: 'WholePlant',
      dryingLocationId: dry.id,
      strainNames: [strainA.name],
      plantCount: 12,
      wetWeight: 18250.5,
      currentWeight: 15010.25,
      unitOfWeight: 'Grams',
      startDate: b.dateAgo(3 * DAY_MS),
      finishedDate: null,
    },
    6 * HOUR_MS,
  );
  b.harvest(
    license,
    {
      name: `${b.dateAgo(20 * DAY_MS)}-Dry Room-${strainB.name}`,
      harvestType: 'Product',
      dryingLocationId: dry.id,
      strainNames: [strainB.name],
      plantCount: 20,
      wetWeight: 30400,
      currentWeight: 0,
      unitOfWeight: 'Grams',
      startDate: b.dateAgo(20 * DAY_MS),
      finishedDate: b.dateAgo(2 * DAY_MS),
    },
    2 * DAY_MS,
  );
}

/**
 * Expiration, sell-by and use-by dates on packages of dated categories: every third one expires
 * within days (so expiry alerts have something to show), the rest in months. No random draws,
 * so the rest of the seeded data stays what it was.
 */
function datePerishables(b: ScenarioBuilder, inventory: SeededInventory): void {
  const items = new Map(inventory.items.map((item) => [item.id, item]));
  let n = 0;
  for (const pkg of inventory.packages) {
    const item = items.get(pkg.itemId);
    if (!item || !DATED_CATEGORIES.has(item.category)) continue;
    const days = n % 3 === 0 ? 2 + (n % 4) : 60 + 15 * n;
    n += 1;
    pkg.expirationDate = b.dateAgo(-days * DAY_MS);
    pkg.useByDate = pkg.expirationDate;
    pkg.sellByDate = b.dateAgo(-Math.max(1, days - 14) * DAY_MS);
  }
}
