/**
 * Payload field schemas the action families share: tag labels, units, quantities. Messages say
 * what is wanted; zod puts the field's path in each issue.
 */
import { z } from 'zod';

/** Units of measure Metrc knows, spelled as Metrc spells them. */
export const METRC_UNITS = [
  'Each',
  'Grams',
  'Kilograms',
  'Milligrams',
  'Ounces',
  'Pounds',
  'Fluid Ounces',
  'Gallons',
  'Liters',
  'Milliliters',
  'Pints',
  'Quarts',
] as const;

export const unitOfMeasure = z.enum(METRC_UNITS, {
  error: () => `must be one of Metrc's units: ${METRC_UNITS.join(', ')}`,
});

/** Metrc weight units only (harvests, waste). */
export const unitOfWeight = z.enum(['Grams', 'Kilograms', 'Milligrams', 'Ounces', 'Pounds'], {
  error: () => 'must be a unit of weight: Grams, Kilograms, Milligrams, Ounces, Pounds',
});

/** A Metrc tag (package or plant label): 24 characters, letters and digits. */
export const tagLabel = z
  .string()
  .trim()
  .regex(
    /^[A-Z0-9]{10,30}$/i,
    'must be a Metrc tag label (letters and digits, e.g. 1A4FF0100000022000000123)',
  )
  .transform((label) => label.toUpperCase());

export const requiredText = (max = 200) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
export const optionalText = (max = 200) => requiredText(max).optional();

export const positiveQuantity = z
  .number({ error: () => 'must be a number' })
  .finite()
  .positive('must be more than 0');
/** An adjustment may be negative, never zero. */
export const nonZeroQuantity = z
  .number({ error: () => 'must be a number' })
  .finite()
  .refine((n) => n !== 0, 'must not be 0');
export const money = z
  .number({ error: () => 'must be a number' })
  .finite()
  .nonnegative('must not be negative');
export const metrcId = z.number().int('must be a whole number').positive('must be positive');

/** A whole count of plants or clones. */
export const positiveCount = z
  .number({ error: () => 'must be a number' })
  .int('must be a whole number')
  .positive('must be more than 0');
/** A calendar date the business chose (an expiration date), not an event time: `YYYY-MM-DD`. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), 'must be a real date');
