/**
 * Lab tests: `GET /labtests/v2/results?packageId=` (a row per test of every result recorded for
 * the package or, through `SourcePackageLabels`, its sources — derived packages inherit their
 * sources' results [U]) and `POST /labtests/v2/record` (labs only, `CanTestPackages`; the
 * package must be at the lab; PDFs only, at most 5 MB); a result's rows by id, its document,
 * release, and the lab test batches.
 */

import { envelope, queryValue } from '../http/list-response.ts';
import { metrcReplies } from '../http/metrc-replies.ts';
import { type Row, RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import { LAB_TEST_TYPES } from '../state/metrc-catalog.ts';
import type { LabResultRecord, PackageRecord } from '../state/records.ts';
import { formatTimestamp } from '../wire/metrc-time.ts';
import { requireDate } from './grow-rows.ts';
import { idParam, licenseOf, ownedRecord, PERMS, writeAccess } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';

const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** The package and its sources, nearest first (a visited set stops cycles). */
function lineage(ctx: OperationContext, pkg: PackageRecord): PackageRecord[] {
  const out: PackageRecord[] = [];
  const seen = new Set<number>();
  const queue = [pkg];
  while (queue.length > 0 && out.length < 50) {
    const next = queue.shift() as PackageRecord;
    if (seen.has(next.id)) continue;
    seen.add(next.id);
    out.push(next);
    for (const label of next.sourcePackageLabels) {
      const source = ctx.state.index.packageByLabel.get(label);
      if (source) queue.push(source);
    }
  }
  return out;
}

function resultRows(ctx: OperationContext, result: LabResultRecord) {
  const lab = ctx.state.licenses.get(result.labLicense);
  const pkg = ctx.state.index.packages.get(result.packageId);
  const item = pkg ? ctx.state.index.items.get(pkg.itemId) : undefined;
  return result.details.map((detail) => ({
    PackageId: result.packageId,
    LabTestResultId: result.id,
    LabFacilityLicenseNumber: result.labLicense,
    LabFacilityName: lab?.name ?? null,
    SourcePackageLabel: result.packageLabel,
    ProductName: item?.name ?? null,
    ProductCategoryName: item?.category ?? null,
    TestPerformedDate: result.resultDate,
    OverallPassed: result.overallPassed,
    RevokedDate: null,
    ResultReleased: true,
    ResultReleaseDateTime: formatTimestamp(result.releasedAt * 1000),
    TestTypeName: detail.typeName,
    TestPassed: detail.passed,
    TestResultLevel: detail.level,
    TestComment: detail.notes,
    TestInformationalOnly: detail.informationalOnly,
    LabTestDetailRevokedDate: null,
    ExpirationDateTime: null,
  }));
}

function listResults(ctx: OperationContext) {
  const text = queryValue(ctx, 'packageId');
  if (text === undefined || !/^\d+$/.test(text))
    throw metrcReplies.badRequest('The packageId parameter is required.');
  const pkg = ownedRecord(ctx, ctx.state.index.packages, Number(text), `Package ${text}`);
  const rows = lineage(ctx, pkg).flatMap((p) =>
    (ctx.state.index.labResults.get(p.id) ?? []).flatMap((result) => resultRows(ctx, result)),
  );
  return { body: envelope(ctx, rows, (row) => row) };
}

function recordResults(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const errors = new RowErrors();
  const plans: { pkg: PackageRecord; result: Omit<LabResultRecord, 'id'> }[] = [];
  for (const row of readRows(ctx)) {
    const before = errors.count;
    const add = (message: string) => errors.add(row.index, message);
    const label = row.text('Label')?.toUpperCase();
    const pkg = label ? ctx.state.index.packageByLabel.get(label) : undefined;
    // The package must be at this lab (received on a lab-sample transfer, or its own sample).
    if (!pkg || pkg.license !== license.number)
      add(`Package ${label ?? ''} was not found in the current Facility.`);
    const date = requireDate(row, 'ResultDate', add);
    const fileName = row.text('DocumentFileName');
    const base64 = row.text('DocumentFileBase64');
    if (fileName !== undefined && !fileName.toLowerCase().endsWith('.pdf'))
      add('Only PDF documents may be uploaded.');
    if (base64 !== undefined && Buffer.byteLength(base64, 'base64') > MAX_DOCUMENT_BYTES)
      add('The document must not be larger than 5 MB.');
    const results = row.list('Results') ?? [];
    if (results.length === 0) add('Results were not specified.');
    const details = results.flatMap((result) => {
      const typeName = result.text('LabTestTypeName');
      const type = LAB_TEST_TYPES.find((t) => t.Name.toLowerCase() === typeName?.toLowerCase());
      const quantity = result.number('Quantity');
      const passed = result.raw('Passed');
      if (!type) add(`Lab Test Type "${typeName ?? ''}" is not valid.`);
      if (quantity === undefined) add(`Quantity was not specified for "${typeName ?? ''}".`);
      if (typeof passed !== 'boolean') add(`Passed was not specified for "${typeName ?? ''}".`);
      if (!type || quantity === undefined || typeof passed !== 'boolean') return [];
      const notes = result.text('Notes') ?? null;
      return [
        {
          typeName: type.Name,
          passed,
          level: quantity,
          notes,
          informationalOnly: type.InformationalOnly,
        },
      ];
    });
    if (errors.count > before || !pkg || !date) continue;
    plans.push({
      pkg,
      result: {
        packageId: pkg.id,
        packageLabel: pkg.label,
        labLicense: license.number,
        resultDate: date,
        overallPassed: details.every((d) => d.passed || d.informationalOnly),
        documentFileName: fileName ?? null,
        releasedAt: ctx.now,
        details,
      },
    });
  }
  errors.throwIfAny();
  const ids = plans.map(({ pkg, result }) => {
    const record = { ...result, id: ctx.state.nextId('labResult') };
    const list = ctx.state.index.labResults.get(pkg.id) ?? [];
    list.push(record);
    ctx.state.index.labResults.set(pkg.id, list);
    pkg.labTestingState = record.overallPassed ? 'TestPassed' : 'TestFailed';
    pkg.labTestingStateDate = record.resultDate;
    ctx.state.touch(license.packages, pkg);
    return record.id;
  });
  return writeResult(ctx, ids);
}

/** A lab result by id, at a license the user may read it for (the lab or the package's owner). */
function resultById(ctx: OperationContext, id: number): LabResultRecord {
  for (const results of ctx.state.index.labResults.values())
    for (const result of results)
      if (result.id === id) {
        const owner = ctx.state.index.packages.get(result.packageId)?.license;
        const mine = licenseOf(ctx).number;
        if (result.labLicense !== mine && owner !== mine) throw metrcReplies.unauthorized();
        return result;
      }
  throw metrcReplies.objectNotFound(`Lab test result ${id}`);
}

/** Lab test batches (`/labtests/v2/batches`): one per test type group [U]. */
const LAB_TEST_BATCHES = [
  { Name: 'Potency', LabTestTypes: LAB_TEST_TYPES.filter((t) => ['THC', 'CBD'].includes(t.Name)) },
  { Name: 'Full Panel', LabTestTypes: LAB_TEST_TYPES },
];

const byResultId = (row: Row) => row.number('LabTestResultId');

export const labTestOperations: OperationSpec[] = [
  operation('GET', '/labtests/v2/batches', { license: 'none' }, (ctx) => ({
    body: envelope(ctx, LAB_TEST_BATCHES, (batch) => batch),
  })),
  operation(
    'GET',
    '/labtests/v2/labtestdocument/{id}',
    { license: 'required', permissions: [PERMS.viewPackages] },
    (ctx) => ({ body: envelope(ctx, resultRows(ctx, resultById(ctx, idParam(ctx))), (r) => r) }),
  ),
  operation(
    'PUT',
    '/labtests/v2/labtestdocument',
    writeAccess([PERMS.viewPackages, PERMS.managePackagesInventory], 'labTesting'),
    (ctx) => {
      const errors = new RowErrors();
      const plans: [LabResultRecord, string][] = [];
      for (const row of readRows(ctx)) {
        const add = (message: string) => errors.add(row.index, message);
        const id = byResultId(row);
        let result: LabResultRecord | undefined;
        try {
          result = id === undefined ? undefined : resultById(ctx, id);
        } catch {
          result = undefined;
        }
        if (!result || result.labLicense !== licenseOf(ctx).number)
          add(`Lab test result ${id ?? ''} was not found in the current Facility.`);
        const fileName = row.text('DocumentFileName');
        if (!fileName?.toLowerCase().endsWith('.pdf')) add('Only PDF documents may be uploaded.');
        const base64 = row.text('DocumentFileBase64');
        if (!base64) add('DocumentFileBase64 was not specified.');
        else if (Buffer.byteLength(base64, 'base64') > MAX_DOCUMENT_BYTES)
          add('The document must not be larger than 5 MB.');
        if (result && fileName) plans.push([result, fileName]);
      }
      errors.throwIfAny();
      for (const [result, fileName] of plans) result.documentFileName = fileName;
      return writeResult(
        ctx,
        plans.map(([result]) => result.id),
      );
    },
  ),
  // Results are released when recorded here; release is accepted for the lab's own packages.
  operation(
    'PUT',
    '/labtests/v2/results/release',
    writeAccess([PERMS.viewPackages, PERMS.managePackagesInventory], 'labTesting'),
    (ctx) => {
      const errors = new RowErrors();
      const ids: number[] = [];
      for (const row of readRows(ctx)) {
        const label = row.text('PackageLabel')?.toUpperCase();
        const pkg = label ? ctx.state.index.packageByLabel.get(label) : undefined;
        if (!pkg || pkg.license !== licenseOf(ctx).number)
          errors.add(row.index, `Package ${label ?? ''} was not found in the current Facility.`);
        else ids.push(pkg.id);
      }
      errors.throwIfAny();
      return writeResult(ctx, ids);
    },
  ),
  operation(
    'GET',
    '/labtests/v2/results',
    { license: 'required', permissions: [PERMS.viewPackages] },
    listResults,
  ),
  operation(
    'POST',
    '/labtests/v2/record',
    writeAccess([PERMS.viewPackages, PERMS.managePackagesInventory], 'labTesting'),
    recordResults,
  ),
];
