import { z } from 'zod';
import { Secret } from '../lib/index.ts';

/** Shared wire schemas. Response schemas allow-list fields: anything else is dropped. */

export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const roleSchema = z.enum(['admin', 'manager', 'staff']);

/** A secret arriving in a body; it becomes a `Secret` the moment it is parsed. */
export const secretString = (max = 256) =>
  z
    .string()
    .min(1)
    .max(max)
    .transform((value) => new Secret(value));

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
