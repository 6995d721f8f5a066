import { z } from 'zod';
import { Secret } from '../lib/index.ts';

/** Shared wire schemas. Response schemas allow-list fields: anything else is dropped. */

/**
 * The largest id either database stores (PostgreSQL `integer`); anything above is nobody's id,
 * and passing it on would be a 500 on PostgreSQL but a 404 on SQLite.
 */
export const MAX_ID = 2_147_483_647;

/** An id in a body: a positive integer the databases can hold. */
export const idNumber = z.number().int().min(1).max(MAX_ID);

/**
 * An id in a path or query string: plain decimal digits only. `0x1`, `+1`, ` 1`, `1e3` and
 * `00001` are not ids (z.coerce would read them all as numbers).
 */
export const idText = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'Expected a decimal id without sign or leading zeros.')
  .transform(Number)
  .pipe(idNumber);

export const idParams = z.object({ id: idText });

/** A count in a query string (`?limit=`), digits only, within [min, max]. */
export const countText = (min: number, max: number) =>
  z
    .string()
    .regex(/^(0|[1-9][0-9]{0,9})$/, 'Expected a decimal number.')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/**
 * Free-form JSON object fields (Metrc's FacilityType flags): bounded in keys, key length and
 * values, so a client cannot store megabytes in a row.
 */
export const flagsObject = z
  .record(z.string().min(1).max(64), z.union([z.boolean(), z.number().finite(), z.null()]))
  .refine((value) => Object.keys(value).length <= 64, 'At most 64 flags.');

export const roleSchema = z.enum(['admin', 'manager', 'staff']);

/** A secret arriving in a body; it becomes a `Secret` the moment it is parsed. */
export const secretString = (max = 256) =>
  z
    .string()
    .min(1)
    .max(max)
    .transform((value) => new Secret(value));

/** A password in a body: a `Secret` the log scrubber never remembers (it is never logged). */
export const passwordString = (max = 256) =>
  z
    .string()
    .min(1)
    .max(max)
    .transform((value) => new Secret(value, { scrub: 'never' }));

export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string(),
});

export const memberSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  isPlatformAdmin: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});

export const organizationSchema = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string(),
});

export const apiTokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  role: roleSchema,
  prefix: z.string(),
  createdByUserId: z.number().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const licenseSchema = z.object({
  id: z.number(),
  number: z.string(),
  state: z.string(),
  licenseType: z.string(),
  name: z.string(),
  facilityType: z.record(z.string(), z.unknown()),
  features: z.object({
    plants: z.boolean(),
    harvests: z.boolean(),
    packages: z.boolean(),
    manufacturing: z.boolean(),
    sales: z.boolean(),
    salesDelivery: z.boolean(),
    transfers: z.boolean(),
    labTesting: z.boolean(),
    patients: z.boolean(),
    processingJobs: z.boolean(),
  }),
  timeZone: z.string(),
  /** Whether this license syncs with the state, through its facility key (rule 8). */
  sync: z.object({
    syncing: z.boolean(),
    facilityCredentialId: z.number().nullable(),
    keyStatus: z.string().nullable(),
    message: z.string(),
  }),
  /** The outbox of this license: what is not yet reported, and whether it stopped (rule 8). */
  outbox: z.object({
    depth: z.number(),
    byStatus: z.record(z.string(), z.number()),
    oldestUnsentAt: z.string().nullable(),
    oldestUnsentAgeSeconds: z.number().nullable(),
    paused: z.boolean(),
    pauseCode: z.string().nullable(),
    pauseMessage: z.string().nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Standard error responses, for the OpenAPI document. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
} as const;

const sectionCheckSchema = z.object({
  section: z.string(),
  label: z.string(),
  status: z.enum(['granted', 'missing_permission', 'not_expected', 'not_offered', 'error']),
  httpStatus: z.number().nullable(),
});

export const diagnosisSchema = z.object({
  code: z.string(),
  message: z.string(),
  licenses: z.array(z.string()).optional(),
  sections: z.array(z.object({ license: z.string(), section: z.string() })).optional(),
  otherState: z.string().optional(),
});

export const verificationReportSchema = z.object({
  verifiedAt: z.string(),
  state: z.string(),
  environment: z.enum(['production', 'sandbox']),
  keyAccepted: z.boolean(),
  available: z.array(z.object({ number: z.string(), name: z.string(), licenseType: z.string() })),
  licenses: z.array(
    z.object({
      number: z.string(),
      name: z.string(),
      licenseType: z.string(),
      covered: z.boolean(),
      sections: z.array(sectionCheckSchema),
    }),
  ),
  uncovered: z.array(z.string()),
  diagnosis: diagnosisSchema.nullable(),
});

/** A credential as the API shows it; there is deliberately no field for the key. */
export const credentialSchema = z.object({
  id: z.number(),
  provider: z.string(),
  state: z.string(),
  environment: z.enum(['production', 'sandbox']),
  kind: z.enum(['facility', 'user']),
  ownerUserId: z.number().nullable(),
  fingerprint: z.string(),
  status: z.enum(['unverified', 'valid', 'invalid', 'expired']),
  statusReason: z.string().nullable(),
  diagnosis: diagnosisSchema.nullable(),
  licenses: z.array(z.object({ id: z.number(), number: z.string(), name: z.string() })),
  lastVerifiedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  keyAgeDays: z.number(),
  expiresSoon: z.boolean(),
  report: verificationReportSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sameKeyAs: z
    .array(
      z.object({
        id: z.number(),
        kind: z.enum(['facility', 'user']),
        ownerUserId: z.number().nullable(),
      }),
    )
    .optional(),
});

export const environmentSchema = z.enum(['production', 'sandbox']);

/** A key arrives pasted (`apiKey`) or as a photo/screenshot of its QR code (`qrImage`, base64). */
export const keyInputFields = {
  apiKey: secretString(200).optional(),
  qrImage: z.string().max(12_000_000).optional(),
};
