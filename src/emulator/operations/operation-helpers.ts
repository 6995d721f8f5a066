/** Small helpers shared by the operation modules. */

import { type ListOptions, listResponse } from '../http/list-response.ts';
import { metrcReplies } from '../http/metrc-replies.ts';
import type { SectionGate } from '../state/facility-types.ts';
import type { Permission } from '../state/metrc-permissions.ts';
import type { Tracked } from '../state/record-collection.ts';
import type { LicenseRecord } from '../state/records.ts';
import type { OperationContext, OperationSpec } from './operation-types.ts';

/** The checked license of an operation declared with `license: 'required'`. */
export function licenseOf(ctx: OperationContext): LicenseRecord {
  if (!ctx.license) throw new Error(`operation needs a license but none was resolved (${ctx.url})`);
  return ctx.license;
}

/**
 * A record by id or label that must belong to the calling license (or, without
 * `licenseNumber` on a `scoped` read, to one the caller may read at): unknown → 404; another
 * license's → 401 ("If the ID is not valid for the specified License Number, a 401
 * Unauthorized status will be returned", OM on every `/{id}` GET).
 */
export function ownedRecord<K, T extends { license: string }>(
  ctx: OperationContext,
  index: ReadonlyMap<K, T>,
  key: K,
  what: string,
): T {
  const record = index.get(key);
  if (!record) throw metrcReplies.objectNotFound(what);
  if (!ctx.license && ctx.scopeTo) {
    // No licenseNumber: the read is scoped to what the key may see at the record's license.
    ctx.scopeTo(ctx.state.licenses.get(record.license));
    return record;
  }
  if (record.license !== licenseOf(ctx).number) throw metrcReplies.unauthorized();
  return record;
}

/** A numeric path parameter (routes only match digits for `{id}`). */
export function idParam(ctx: OperationContext, name = 'id'): number {
  return Number(ctx.params[name]);
}

/** Finds a record by name among a license's records, case-insensitively (Metrc matches names so). */
export function byName<T extends { name: string; archived?: boolean }>(
  records: Iterable<T>,
  name: string | undefined,
): T | undefined {
  if (name === undefined) return undefined;
  const wanted = name.trim().toLowerCase();
  for (const record of records) {
    if (!record.archived && record.name.toLowerCase() === wanted) return record;
  }
  return undefined;
}

/** Permission groups used by several sections. */
export const PERMS = {
  viewPackages: ['View Packages'],
  createPackages: ['Create/Submit/Discontinue Packages'],
  managePackagesInventory: ['Manage Packages Inventory'],
  viewSales: ['View Sales', 'Manage Sales'],
  manageSales: ['Manage Sales'],
} as const;

/** A list operation over some records, rendered per record, filtered and paged by `options`. */
export function listOf<T extends Tracked>(
  records: (ctx: OperationContext) => Iterable<T>,
  render: (ctx: OperationContext, record: T) => unknown,
  options: ListOptions<T>,
) {
  return (ctx: OperationContext) =>
    listResponse(ctx, records(ctx), (record) => render(ctx, record), options);
}

/** The records that `keep` accepts, lazily. */
export function* where<T>(records: Iterable<T>, keep: (record: T) => boolean): Generator<T> {
  for (const record of records) if (keep(record)) yield record;
}

/** List options: a lastModified window, recent records without one, the v2 envelope. */
export const RECENT = { window: 'lastModified', bare: 'recent', envelope: true } as const;
/** List options: no window, every record, the v2 envelope. */
export const EVERYTHING = { window: 'none', bare: 'all', envelope: true } as const;

/** A by-id or by-label read: the same access, but `licenseNumber` may be left out (scoped). */
export const scoped = <T extends Omit<OperationSpec, 'method' | 'path' | 'handler'>>(access: T) =>
  ({ ...access, license: 'scoped' }) as const;

/** A section's read access: the license, one of `permissions`, and the license-type gate. */
export const section = (permissions: readonly Permission[], gate?: SectionGate) =>
  ({ license: 'required', permissions: [permissions], ...(gate ? { gate } : {}) }) as const;

/** A write's access: every group of permissions, and the license-type gate. */
export const writeAccess = (permissions: readonly (readonly Permission[])[], gate?: SectionGate) =>
  ({ license: 'required', permissions, ...(gate ? { gate } : {}) }) as const;
