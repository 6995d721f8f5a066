import fc from 'fast-check';

/** The subset of JSON Schema our OpenAPI document uses (zod's output). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  nullable?: boolean;
  default?: unknown;
}

/**
 * Values that have broken web apps before: NUL and control characters, lone surrogates, numbers
 * past int4 and float range, signs and radix prefixes, prototype keys, SQL and path tricks.
 */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202e\u0041',
  '👩‍👩‍👧‍👦',
  '0x1',
  '+1',
  '00001',
  '-1',
  '1e309',
  'NaN',
  '2147483648',
  '9223372036854775808',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '%',
  '__proto__',
  'constructor',
  'x'.repeat(5_000),
  '\r\nX-Injected: 1',
] as const;

export const HOSTILE_NUMBERS = [
  0,
  -1,
  -0,
  0.5,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
] as const;

const hostileAny: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...HOSTILE_STRINGS),
  fc.constantFrom<unknown>(...HOSTILE_NUMBERS),
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], { __proto__: { admin: true } }),
  fc.constant<unknown>(JSON.parse('{"__proto__": {"isPlatformAdmin": true}}')),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Extra well-formed values worth trying for a field, by name (known people, states, keys). */
export type Hints = Record<string, readonly unknown[]>;

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  return schema.type;
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'email') {
    return fc.oneof(fc.emailAddress(), fc.constantFrom('a@b.co', 'x@y.test'));
  }
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 64, 64);
  const options: fc.Arbitrary<string>[] = [fc.string({ minLength: min, maxLength: max })];
  if (schema.pattern) {
    options.push(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= 64));
  }
  // Boundaries: exactly the shortest and the longest allowed, and one past each.
  const boundary = [min, Math.max(0, min - 1), schema.maxLength, (schema.maxLength ?? -2) + 1]
    .filter((n): n is number => n !== undefined && n >= 0 && n <= 20_000)
    .map((n) => 'k'.repeat(n));
  options.push(fc.constantFrom(...boundary));
  return fc.oneof(...options);
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1_000;
  const max = Math.min(schema.maximum ?? schema.exclusiveMaximum ?? 1_000, 1e6);
  const inside = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) })
    : fc.double({ min, max: Math.max(min, max), noNaN: true });
  const edges = [min, max, min - 1, max + 1, schema.maximum, schema.minimum].filter(
    (n): n is number => typeof n === 'number' && Number.isFinite(n),
  );
  return fc.oneof({ weight: 3, arbitrary: inside }, fc.constantFrom(...edges, 1, 2, 3));
}

/**
 * Values for a JSON schema: mostly well-formed (so requests get past validation and reach the
 * services), with boundary values, and with `hostileRate` of every node replaced by something
 * hostile, wrong in type or shape.
 */
export function arbitraryFor(
  schema: JsonSchema | undefined,
  options: { hints?: Hints; name?: string; depth?: number } = {},
): fc.Arbitrary<unknown> {
  const depth = options.depth ?? 0;
  if (!schema || depth > 6) return hostileAny;
  const hinted = options.name ? options.hints?.[options.name] : undefined;
  const wellFormed = wellFormedFor(schema, options.hints, depth);
  const arbitraries: Array<fc.WeightedArbitrary<unknown>> = [
    { weight: 12, arbitrary: wellFormed },
    { weight: 1, arbitrary: hostileAny },
  ];
  if (hinted && hinted.length > 0) {
    arbitraries.push({ weight: 10, arbitrary: fc.constantFrom(...hinted) });
  }
  return fc.oneof(...arbitraries);
}

function wellFormedFor(
  schema: JsonSchema,
  hints: Hints | undefined,
  depth: number,
): fc.Arbitrary<unknown> {
  const next = { hints, depth: depth + 1 };
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union && union.length > 0) return fc.oneof(...union.map((s) => arbitraryFor(s, next)));
  if (schema.allOf && schema.allOf.length > 0) return arbitraryFor(schema.allOf[0], next);
  switch (typeOf(schema)) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFor(schema.items, next), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) {
        record[name] = arbitraryFor(property, { ...next, name });
      }
      const requiredKeys = Object.keys(record).filter((k) => required.has(k));
      const extra = fc.dictionary(
        fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')),
        arbitraryFor(undefined, next),
        { maxKeys: 2 },
      );
      const values = schema.properties
        ? fc.record(record, { requiredKeys })
        : fc.dictionary(
            fc.string({ maxLength: 16 }),
            arbitraryFor(
              typeof schema.additionalProperties === 'object'
                ? schema.additionalProperties
                : undefined,
              next,
            ),
            { maxKeys: 4 },
          );
      return fc.oneof(
        { weight: 8, arbitrary: values },
        {
          weight: 1,
          arbitrary: fc.tuple(values, extra).map(([v, e]) => ({ ...e, ...(v as object) })),
        },
      );
    }
    default:
      return hostileAny;
  }
}
