/**
 * Which lookup entries each state offers: adjustment reasons, waste reasons, item categories
 * and location types. Metrc's lists are set per state (metrc-api.md §6.3: "Reasons are
 * state/facility specific"), so a client must read them rather than hard-code one state's.
 * Colorado differs from the rest here; every other state gets the base lists.
 */
import {
  ADJUST_REASONS,
  type AdjustReason,
  ITEM_CATEGORIES,
  type ItemCategory,
  LOCATION_TYPES,
  type LocationType,
  WASTE_REASONS,
} from './metrc-catalog.ts';
import type { MetrcState } from './metrc-states.ts';

export interface StateLookups {
  adjustReasons: readonly AdjustReason[];
  wasteReasons: readonly AdjustReason[];
  itemCategories: readonly ItemCategory[];
  locationTypes: readonly LocationType[];
}

/** Names each state leaves out of, or adds to, the union lists of metrc-catalog.ts. */
interface Variant {
  adjustReasons: readonly string[];
  wasteReasons: readonly string[];
  itemCategories: readonly string[];
  locationTypes: readonly string[];
}

const BASE: Variant = {
  adjustReasons: [
    'API Related Error',
    'Drying',
    'Entry Error',
    'Mandatory State Destruction',
    'Scale Variance',
    'Theft',
    'Waste',
  ],
  wasteReasons: [
    'Contamination',
    'Male Plants',
    'Mandatory State Destruction',
    'Pests',
    'Unhealthy or Dead',
  ],
  itemCategories: [
    'Buds',
    'Shake/Trim',
    'Flower (packaged - each)',
    'Pre-Roll Flower',
    'Concentrate',
    'Vape Cartridge',
    'Edible',
    'Tincture',
    'Topical',
    'Immature Plants',
    'Seeds',
  ],
  locationTypes: ['Default', 'Planting', 'Drying', 'Packing'],
};

const VARIANTS: Partial<Record<MetrcState, Variant>> = {
  co: {
    adjustReasons: [
      'Drying',
      'Entry Error',
      'Incorrect Quantity',
      'Scale Variance',
      'Spoilage',
      'Theft',
      'Waste',
    ],
    wasteReasons: ['Contamination', 'Damage', 'Male Plants', 'Mold', 'Pests'],
    itemCategories: [
      'Buds',
      'Shake/Trim',
      'Shake/Trim (Allocated for Extraction)',
      'Flower (packaged - each)',
      'Pre-Roll Flower',
      'Concentrate',
      'Vape Cartridge',
      'Edible',
      'Infused Non-Edible',
      'Immature Plants',
    ],
    locationTypes: ['Default', 'Planting', 'Drying', 'Packing', 'Waste Storage'],
  },
};

const pick = <T extends { name: string }>(all: readonly T[], names: readonly string[]) => {
  const wanted = new Set(names);
  return all.filter((entry) => wanted.has(entry.name));
};

const cache = new Map<MetrcState, StateLookups>();

export function lookupsFor(state: MetrcState): StateLookups {
  let found = cache.get(state);
  if (!found) {
    const variant = VARIANTS[state] ?? BASE;
    found = {
      adjustReasons: pick(ADJUST_REASONS, variant.adjustReasons),
      wasteReasons: pick(WASTE_REASONS, variant.wasteReasons),
      itemCategories: pick(ITEM_CATEGORIES, variant.itemCategories),
      locationTypes: pick(LOCATION_TYPES, variant.locationTypes),
    };
    cache.set(state, found);
  }
  return found;
}

/** An entry by name, case-insensitively (Metrc matches names so). */
export function byLookupName<T extends { name: string }>(
  entries: readonly T[],
  name: string | undefined,
): T | undefined {
  if (name === undefined) return undefined;
  const wanted = name.trim().toLowerCase();
  return entries.find((entry) => entry.name.toLowerCase() === wanted);
}
