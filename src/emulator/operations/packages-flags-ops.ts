/**
 * The smaller package writes (metrc-api.md §6.3 "Other package writes"): note, item, use-by
 * date, donation and trade-sample flags, remediation, required lab test batches. Each takes
 * `[{Label, …}]`, checks every row, then applies.
 */

import type { Row } from '../http/write-rows.ts';
import { findItemCategory } from '../state/metrc-catalog.ts';
import type { PackageRecord } from '../state/records.ts';
import { findUnit } from '../state/units-of-measure.ts';
import { isIsoDate } from '../wire/metrc-time.ts';
import { byName, licenseOf, PERMS } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';
import { isActivePackage } from './packages-read-ops.ts';
import { type AddError, rowWrite } from './row-writes.ts';

const findPackage = (ctx: OperationContext, row: Row, add: AddError) => {
  const label = (row.text('Label') ?? row.text('PackageLabel'))?.toUpperCase();
  const pkg = label ? ctx.state.index.packageByLabel.get(label) : undefined;
  if (!pkg || pkg.license !== licenseOf(ctx).number) {
    add(`Package ${label ?? ''} was not found in the current Facility.`);
    return undefined;
  }
  return pkg;
};

const mustBeActive = (_ctx: OperationContext, _row: Row, pkg: PackageRecord, add: AddError) => {
  if (!isActivePackage(pkg)) add(`Package ${pkg.label} is not active.`);
};

const packageWrite = (
  apply: (ctx: OperationContext, row: Row, pkg: PackageRecord) => void,
  check?: (ctx: OperationContext, row: Row, pkg: PackageRecord, add: AddError) => void,
) =>
  rowWrite<PackageRecord>({
    collection: (license) => license.packages,
    find: findPackage,
    check: (ctx, row, pkg, add) => {
      mustBeActive(ctx, row, pkg, add);
      check?.(ctx, row, pkg, add);
    },
    apply,
  });

const flag = (field: 'isDonation' | 'isTradeSample', value: boolean) =>
  packageWrite((_ctx, _row, pkg) => {
    pkg[field] = value;
  });

const inventory = {
  license: 'required',
  permissions: [PERMS.viewPackages, PERMS.managePackagesInventory],
} as const;
const notes = {
  license: 'required',
  permissions: [PERMS.viewPackages, ['Manage Package Notes', 'Manage Packages Inventory']],
} as const;

export const packageFlagOperations: OperationSpec[] = [
  operation(
    'PUT',
    '/packages/v2/note',
    notes,
    packageWrite((_ctx, row, pkg) => {
      pkg.note = row.text('Note') ?? null;
    }),
  ),
  operation(
    'PUT',
    '/packages/v2/item',
    inventory,
    packageWrite(
      (ctx, row, pkg) => {
        const item = byName(licenseOf(ctx).items.values(), row.text('Item'));
        if (item) {
          pkg.itemId = item.id;
          item.used = true;
        }
      },
      (ctx, row, pkg, add) => {
        const item = byName(licenseOf(ctx).items.values(), row.text('Item'));
        if (!item) add(`Item "${row.text('Item') ?? ''}" was not found in the current Facility.`);
        else if (findItemCategory(item.category)?.quantityType !== findUnit(pkg.unit)?.quantityType)
          add(`Item "${item.name}" is not measured like package ${pkg.label}.`);
      },
    ),
  ),
  operation(
    'PUT',
    '/packages/v2/usebydate',
    inventory,
    packageWrite(
      (_ctx, row, pkg) => {
        pkg.expirationDate = row.text('ExpirationDate') ?? pkg.expirationDate;
        pkg.sellByDate = row.text('SellByDate') ?? pkg.sellByDate;
        pkg.useByDate = row.text('UseByDate') ?? pkg.useByDate;
      },
      (_ctx, row, _pkg, add) => {
        for (const field of ['ExpirationDate', 'SellByDate', 'UseByDate']) {
          const value = row.text(field);
          if (value !== undefined && !isIsoDate(value))
            add(`${field} must be a date in the format yyyy-mm-dd.`);
        }
      },
    ),
  ),
  operation('PUT', '/packages/v2/donation/flag', inventory, flag('isDonation', true)),
  operation('PUT', '/packages/v2/donation/unflag', inventory, flag('isDonation', false)),
  operation('PUT', '/packages/v2/tradesample/flag', inventory, flag('isTradeSample', true)),
  operation('PUT', '/packages/v2/tradesample/unflag', inventory, flag('isTradeSample', false)),
  operation(
    'PUT',
    '/packages/v2/remediate',
    inventory,
    packageWrite(
      (_ctx, _row, pkg) => {
        pkg.productRequiresRemediation = false;
        pkg.labTestingState = 'Remediated';
      },
      (_ctx, row, _pkg, add) => {
        if (!row.text('RemediationMethodName')) add('RemediationMethodName was not specified.');
        if (!isIsoDate(row.text('RemediationDate')))
          add('RemediationDate must be a date in the format yyyy-mm-dd.');
      },
    ),
  ),
  // The emulator keeps no lab test batches per package; the rows are checked and accepted.
  operation(
    'PUT',
    '/packages/v2/labtests/required',
    inventory,
    packageWrite(
      () => {},
      (_ctx, row, _pkg, add) => {
        const batches = row.raw('LabTestBatchNames');
        if (!Array.isArray(batches) || batches.length === 0)
          add('LabTestBatchNames was not specified.');
      },
    ),
  ),
];
