/**
 * Processing jobs (GU, MT, NJ, NV, OR, RI): job types (create, update, archive), jobs started
 * from packages, adjusted, finished and unfinished, and packages created from a job. A job's
 * name is unique among the license's jobs.
 */
import { metrcReplies } from '../http/metrc-replies.ts';
import { RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import type { JobTypeRecord, ProcessingJobRecord } from '../state/records.ts';
import { requireDate } from './grow-rows.ts';
import {
  byName,
  EVERYTHING,
  idParam,
  licenseOf,
  listOf,
  RECENT,
  section,
  where,
} from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';
import { PackageLedger } from './package-ledger.ts';
import { isActivePackage } from './packages-read-ops.ts';
import { inCollection, requireText, rowWrite } from './row-writes.ts';

const PROCESSING = section(['Manage Processing Job'], 'processingJobs');

const wireJobType = (type: JobTypeRecord) => ({
  Id: type.id,
  Name: type.name,
  Description: type.description,
  CategoryName: type.categoryName,
  ProcessingSteps: type.processingSteps,
  Attributes: type.attributes,
});

const wireJob = (job: ProcessingJobRecord) => ({ Id: job.id, Name: job.name });

function createJobTypes(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const rows = readRows(ctx);
  const errors = new RowErrors();
  for (const row of rows) {
    const add = (message: string) => errors.add(row.index, message);
    const name = requireText(row, 'Name', add);
    requireText(row, 'Category', add);
    if (name && byName(license.jobTypes.values(), name))
      add(`Job type "${name}" already exists in the current Facility.`);
  }
  errors.throwIfAny();
  const ids = rows.map((row) => {
    const type: JobTypeRecord = {
      id: ctx.state.nextId('jobType'),
      lastModified: 0,
      license: license.number,
      name: row.text('Name') ?? '',
      description: row.text('Description') ?? null,
      categoryName: row.text('Category') ?? '',
      processingSteps: row.text('ProcessingSteps') ?? null,
      attributes: ((row.raw('Attributes') as unknown[] | undefined) ?? []).map(String),
      archived: false,
    };
    ctx.state.touch(license.jobTypes, type);
    return type.id;
  });
  return writeResult(ctx, ids);
}

/** `POST /processing/v2/start`: a job of a type, drawing its input packages [U: full draw]. */
function startJobs(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const errors = new RowErrors();
  const ledger = new PackageLedger();
  const names = new Set<string>();
  const plans: { name: string; type: JobTypeRecord; date: string }[] = [];
  for (const row of readRows(ctx)) {
    const before = errors.count;
    const add = (message: string) => errors.add(row.index, message);
    const name = requireText(row, 'JobName', add);
    if (name && (names.has(name.toLowerCase()) || byName(license.processingJobs.values(), name)))
      add(`Processing job "${name}" already exists in the current Facility.`);
    const type = byName(license.jobTypes.values(), row.text('JobType'));
    if (!type)
      add(`Job type "${row.text('JobType') ?? ''}" does not exist in the current Facility.`);
    const date = requireDate(row, 'StartDate', add);
    const inputs = row.list('Packages') ?? [];
    if (inputs.length === 0) add('Packages were not specified.');
    for (const input of inputs) {
      const label = input.text('Label')?.toUpperCase();
      const pkg = label ? ctx.state.index.packageByLabel.get(label) : undefined;
      if (!pkg || pkg.license !== license.number || !isActivePackage(pkg)) {
        add(`Package ${label ?? ''} was not found in the current Facility.`);
        continue;
      }
      const quantity = input.number('Quantity');
      if (quantity === undefined || quantity <= 0) add('Quantity must be greater than zero.');
      else {
        const draw = ledger.change(pkg, -quantity, input.text('UnitOfMeasure') ?? pkg.unit);
        if (!draw.ok) add(draw.message);
      }
    }
    if (errors.count > before || !name || !type || !date) continue;
    names.add(name.toLowerCase());
    plans.push({ name, type, date });
  }
  errors.throwIfAny();
  for (const [id, quantity] of ledger.entries()) {
    const pkg = ctx.state.index.packages.get(id);
    if (!pkg) continue;
    pkg.quantity = quantity;
    ctx.state.touch(license.packages, pkg);
  }
  const ids = plans.map((plan) => {
    const job: ProcessingJobRecord = {
      id: ctx.state.nextId('processingJob'),
      lastModified: 0,
      license: license.number,
      name: plan.name,
      jobTypeId: plan.type.id,
      startDate: plan.date,
      finishedDate: null,
      archived: false,
    };
    ctx.state.touch(license.processingJobs, job);
    return job.id;
  });
  return writeResult(ctx, ids);
}

const finishing = (finish: boolean) =>
  rowWrite<ProcessingJobRecord>({
    collection: (license) => license.processingJobs,
    find: inCollection((license) => license.processingJobs, 'Processing job'),
    check: (_ctx, row, job, add) => {
      if (job.archived) add(`Processing job ${job.name} was deleted.`);
      if (finish && job.finishedDate !== null) add(`Processing job ${job.name} is finished.`);
      if (!finish && job.finishedDate === null) add(`Processing job ${job.name} is not finished.`);
      if (finish) requireDate(row, 'FinishDate', add);
    },
    apply: (_ctx, row, job) => {
      job.finishedDate = finish ? (row.text('FinishDate') ?? null) : null;
    },
  });

export const processingOperations: OperationSpec[] = [
  operation(
    'GET',
    '/processing/v2/active',
    PROCESSING,
    listOf(
      (ctx) => where(licenseOf(ctx).processingJobs.values(), (j) => !j.archived && !j.finishedDate),
      (_ctx, job) => wireJob(job),
      RECENT,
    ),
  ),
  operation(
    'GET',
    '/processing/v2/inactive',
    PROCESSING,
    listOf(
      (ctx) => where(licenseOf(ctx).processingJobs.values(), (j) => j.archived || !!j.finishedDate),
      (_ctx, job) => wireJob(job),
      RECENT,
    ),
  ),
  operation('GET', '/processing/v2/{id}', PROCESSING, (ctx) => {
    const job = licenseOf(ctx).processingJobs.get(idParam(ctx));
    if (!job) throw metrcReplies.objectNotFound(`Processing job ${ctx.params.id}`);
    return { body: wireJob(job) };
  }),
  operation(
    'GET',
    '/processing/v2/jobtypes/active',
    PROCESSING,
    listOf(
      (ctx) => where(licenseOf(ctx).jobTypes.values(), (t) => !t.archived),
      (_ctx, type) => wireJobType(type),
      EVERYTHING,
    ),
  ),
  operation(
    'GET',
    '/processing/v2/jobtypes/inactive',
    PROCESSING,
    listOf(
      (ctx) => where(licenseOf(ctx).jobTypes.values(), (t) => t.archived),
      (_ctx, type) => wireJobType(type),
      EVERYTHING,
    ),
  ),
  operation('POST', '/processing/v2/jobtypes', PROCESSING, createJobTypes),
  operation(
    'PUT',
    '/processing/v2/jobtypes',
    PROCESSING,
    rowWrite<JobTypeRecord>({
      collection: (license) => license.jobTypes,
      find: inCollection((license) => license.jobTypes, 'Job type'),
      apply: (_ctx, row, type) => {
        type.name = row.text('Name') ?? type.name;
        type.description = row.text('Description') ?? type.description;
        type.categoryName = row.text('Category') ?? type.categoryName;
        type.processingSteps = row.text('ProcessingSteps') ?? type.processingSteps;
      },
    }),
  ),
  operation('DELETE', '/processing/v2/jobtypes/{id}', PROCESSING, (ctx) => {
    const type = licenseOf(ctx).jobTypes.get(idParam(ctx));
    if (!type || type.archived) throw metrcReplies.objectNotFound(`Job type ${ctx.params.id}`);
    type.archived = true;
    ctx.state.touch(licenseOf(ctx).jobTypes, type);
    return writeResult(ctx, [type.id]);
  }),
  operation('POST', '/processing/v2/start', PROCESSING, startJobs),
  operation('PUT', '/processing/v2/finish', PROCESSING, finishing(true)),
  operation('PUT', '/processing/v2/unfinish', PROCESSING, finishing(false)),
  operation('DELETE', '/processing/v2/{id}', PROCESSING, (ctx) => {
    const job = licenseOf(ctx).processingJobs.get(idParam(ctx));
    if (!job || job.archived) throw metrcReplies.objectNotFound(`Processing job ${ctx.params.id}`);
    job.archived = true;
    ctx.state.touch(licenseOf(ctx).processingJobs, job);
    return writeResult(ctx, [job.id]);
  }),
];
