/** Metrc's units of measure (`GET /unitsofmeasure/v2/active`) and conversion between them. */
export type QuantityType = 'CountBased' | 'WeightBased' | 'VolumeBased';

export interface UnitOfMeasure {
  name: string;
  abbreviation: string;
  quantityType: QuantityType;
  /** Size in the base unit of its quantity type (gram, millilitre, each). */
  toBase: number;
}

export const UNITS_OF_MEASURE: readonly UnitOfMeasure[] = [
  { name: 'Each', abbreviation: 'ea', quantityType: 'CountBased', toBase: 1 },
  { name: 'Fluid Ounces', abbreviation: 'fl oz', quantityType: 'VolumeBased', toBase: 29.5735 },
  { name: 'Gallons', abbreviation: 'gal', quantityType: 'VolumeBased', toBase: 3785.41 },
  { name: 'Grams', abbreviation: 'g', quantityType: 'WeightBased', toBase: 1 },
  { name: 'Kilograms', abbreviation: 'kg', quantityType: 'WeightBased', toBase: 1000 },
  { name: 'Liters', abbreviation: 'l', quantityType: 'VolumeBased', toBase: 1000 },
  { name: 'Milligrams', abbreviation: 'mg', quantityType: 'WeightBased', toBase: 0.001 },
  { name: 'Milliliters', abbreviation: 'ml', quantityType: 'VolumeBased', toBase: 1 },
  { name: 'Ounces', abbreviation: 'oz', quantityType: 'WeightBased', toBase: 28.3495 },
  { name: 'Pints', abbreviation: 'pt', quantityType: 'VolumeBased', toBase: 473.176 },
  { name: 'Pounds', abbreviation: 'lb', quantityType: 'WeightBased', toBase: 453.592 },
  { name: 'Quarts', abbreviation: 'qt', quantityType: 'VolumeBased', toBase: 946.353 },
];

const byName = new Map(UNITS_OF_MEASURE.map((unit) => [unit.name.toLowerCase(), unit]));

/** Finds a unit by name, case-insensitively, as Metrc matches names. */
export function findUnit(name: unknown): UnitOfMeasure | undefined {
  return typeof name === 'string' ? byName.get(name.trim().toLowerCase()) : undefined;
}

/** Converts `quantity` from one unit to another; undefined when their quantity types differ. */
export function convertQuantity(
  quantity: number,
  from: UnitOfMeasure,
  to: UnitOfMeasure,
): number | undefined {
  if (from.quantityType !== to.quantityType) return undefined;
  return roundQuantity((quantity * from.toBase) / to.toBase);
}

/** Metrc keeps quantities to a few decimals; rounding stops 0.1 + 0.2 leaving dust behind. */
export function roundQuantity(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
