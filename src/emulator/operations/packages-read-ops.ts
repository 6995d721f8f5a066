/** Package lists and lookups: active, on hold, inactive, `/{id}` and `/{label}`. */

import { listResponse } from '../http/list-response.ts';
import type { PackageRecord } from '../state/records.ts';
import { wireAdjustment, wirePackage } from '../wire/wire-inventory.ts';
import {
  EVERYTHING,
  idParam,
  licenseOf,
  listOf,
  ownedRecord,
  PERMS,
  scoped,
} from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';

/** Packages leave active inventory only by finish, discontinue (DELETE) or transfer. */
export function isActivePackage(pkg: PackageRecord): boolean {
  return pkg.finishedDate === null && pkg.archivedAt === null;
}

function list(which: (pkg: PackageRecord) => boolean) {
  return (ctx: OperationContext) => {
    function* matching() {
      for (const pkg of licenseOf(ctx).packages.values()) if (which(pkg)) yield pkg;
    }
    return listResponse(ctx, matching(), (pkg) => wirePackage(ctx.state, pkg), {
      window: 'lastModified',
      bare: 'recent',
      envelope: true,
    });
  };
}

const active = isActivePackage;
const onHold = (pkg: PackageRecord) => isActivePackage(pkg) && pkg.isOnHold;
const inactive = (pkg: PackageRecord) => !isActivePackage(pkg);
const view = { license: 'required', permissions: [PERMS.viewPackages] } as const;

export const packageReadOperations: OperationSpec[] = [
  operation('GET', '/packages/v2/active', view, list(active)),
  operation('GET', '/packages/v2/onhold', view, list(onHold)),
  operation('GET', '/packages/v2/inactive', view, list(inactive)),
  operation('GET', '/packages/v1/active', view, list(active)),
  operation('GET', '/packages/v1/onhold', view, list(onHold)),
  operation('GET', '/packages/v1/inactive', view, list(inactive)),
  // TM documents it; OM's spec does not have it. Every adjustment, oldest first, paged.
  operation(
    'GET',
    '/packages/v2/adjustments',
    view,
    listOf(
      (ctx) => licenseOf(ctx).adjustments.values(),
      (ctx, adjustment) => wireAdjustment(ctx.state, adjustment),
      EVERYTHING,
    ),
  ),
  // `/{id}` and `/{label}` share one route shape: digits are an Id, anything else a Label.
  operation('GET', '/packages/v2/{id}', scoped(view), (ctx) => ({
    body: wirePackage(
      ctx.state,
      ownedRecord(ctx, ctx.state.index.packages, idParam(ctx), `Package ${ctx.params.id}`),
    ),
  })),
  operation('GET', '/packages/v2/{label}', scoped(view), (ctx) => {
    const label = (ctx.params.label ?? '').toUpperCase();
    return {
      body: wirePackage(
        ctx.state,
        ownedRecord(ctx, ctx.state.index.packageByLabel, label, `Package ${label}`),
      ),
    };
  }),
];
