/**
 * Packages: adjust, create from packages (merge, repackage), split, move, finish, unfinish.
 * Every Metrc date is the license-local date of `occurredAt` (rule 8). Each kind touches every
 * tag it reads or writes, so a split and a later adjustment of the same package stay in order.
 */
import { z } from 'zod';
import {
  type AdjustPackageRow,
  adjustPackages,
  type CreatePackageRow,
  createPackages,
  type FinishPackageRow,
  findPackageByLabel,
  finishPackages,
  type MetrcApi,
  type MetrcPackageAdjustment,
  type MovePackageRow,
  movePackages,
  type UnfinishPackageRow,
  unfinishPackages,
} from '../../metrc/index.ts';
import {
  calendarDate,
  nonZeroQuantity,
  optionalText,
  positiveQuantity,
  requiredText,
  tagLabel,
  unitOfMeasure,
} from './action-fields.ts';
import { findAdjustments, landed, notLanded, sameName } from './action-lookups.ts';
import { metrcLocalDate } from './action-time-fns.ts';
import type { ActionContext, LookupOutcome, MetrcObjectRef, OutboxAction } from './action-types.ts';

/** Metrc takes every package write as an array; 100 rows keeps a 400's split cheap. */
const BATCH = { maxRows: 100 } as const;

const pkg = (label: string): MetrcObjectRef => `package:${label}`;
const localDate = (context: ActionContext) => metrcLocalDate(context.occurredAt, context.timeZone);

export const adjustPackagePayload = z.strictObject({
  label: tagLabel,
  /** A change, not a final quantity: negative takes away. */
  quantity: nonZeroQuantity,
  unitOfMeasure,
  /** One of `GET /packages/v2/adjust/reasons` for the license (Metrc checks the name). */
  reason: requiredText(100),
  note: optionalText(500),
});
export type AdjustPackagePayload = z.infer<typeof adjustPackagePayload>;

/**
 * The submission reference rides in the note (`counted again [TG-…]`), as a receipt's rides in
 * its external number: it is the only thing that tells two identical adjustments of a package
 * apart in Metrc's history, so a lost answer is never taken for an earlier twin.
 */
export function adjustmentNote(note: string | undefined, reference: string): string {
  return note ? `${note} [${reference}]` : `[${reference}]`;
}

function isThisAdjustment(row: AdjustPackageRow, reference: string) {
  const mark = `[${reference}]`;
  return (found: MetrcPackageAdjustment) =>
    sameName(found.PackageLabel, row.Label) && (found.AdjustmentNote ?? '').includes(mark);
}

export const adjustPackageAction: OutboxAction<AdjustPackagePayload, AdjustPackageRow> = {
  kind: 'packages.adjust',
  family: 'packages',
  title: 'Adjust a package quantity',
  payloadSchema: adjustPackagePayload,
  feature: 'packages',
  batch: BATCH,
  // A delta: sent twice, it takes away twice.
  idempotent: false,
  touches: (payload) => [pkg(payload.label)],
  toRow: (payload, context) => ({
    Label: payload.label,
    Quantity: payload.quantity,
    UnitOfMeasure: payload.unitOfMeasure,
    AdjustmentReason: payload.reason,
    AdjustmentDate: localDate(context),
    ReasonNote: adjustmentNote(payload.note, context.reference),
  }),
  send: (api, input) => adjustPackages(api, input),
  /** The license's adjustment history since the attempt: an entry of this package with our mark. */
  async lookup(api, input) {
    const found = await findAdjustments(api, {
      licenseNumber: input.licenseNumber,
      since: input.sentAt,
      signal: input.signal,
      matches: isThisAdjustment(input.row, input.context.reference),
    });
    return found.length > 0 ? landed(...found.map((a) => a.PackageId ?? a.Id)) : notLanded;
  },
};

const ingredient = z.strictObject({
  packageLabel: tagLabel,
  quantity: positiveQuantity,
  unitOfMeasure,
});

/** What a new package says about itself, whether it comes from one source or several. */
const newPackageFields = {
  /** The new package's tag: an unused package tag of the license. */
  tag: tagLabel,
  quantity: positiveQuantity,
  unitOfMeasure,
  location: optionalText(),
  sublocation: optionalText(),
  note: optionalText(500),
  patientLicenseNumber: optionalText(),
  isProductionBatch: z.boolean().optional(),
  productionBatchNumber: optionalText(),
  isDonation: z.boolean().optional(),
  isTradeSample: z.boolean().optional(),
  isFinishedGood: z.boolean().optional(),
  productRequiresRemediation: z.boolean().optional(),
  expirationDate: calendarDate.optional(),
  sellByDate: calendarDate.optional(),
  useByDate: calendarDate.optional(),
};

/**
 * `packages.create`: one new package from one or more source packages. Merge = several
 * ingredients of the same item (leave `item` out: Metrc keeps the sources' item); repackage =
 * a new `item`.
 */
export const createPackagePayload = z
  .strictObject({
    ...newPackageFields,
    /** The new package's item; absent = the same item as its sources (`UseSameItem`). */
    item: optionalText(),
    ingredients: z
      .array(ingredient)
      .min(1, 'needs at least one source package')
      .max(100, 'at most 100 source packages'),
  })
  .superRefine((payload, ctx) => {
    const seen = new Set<string>();
    payload.ingredients.forEach((source, index) => {
      if (source.packageLabel === payload.tag)
        ctx.addIssue({
          code: 'custom',
          message: 'a package cannot be its own source',
          path: ['ingredients', index, 'packageLabel'],
        });
      if (seen.has(source.packageLabel))
        ctx.addIssue({
          code: 'custom',
          message: 'names a source package twice',
          path: ['ingredients', index, 'packageLabel'],
        });
      seen.add(source.packageLabel);
    });
  });
export type CreatePackagePayload = z.infer<typeof createPackagePayload>;

/** `packages.split`: part of one package into a new tag of the same item. */
export const splitPackagePayload = z
  .strictObject({ ...newPackageFields, sourceLabel: tagLabel })
  .refine((payload) => payload.sourceLabel !== payload.tag, {
    message: 'the new tag must differ from the source package',
    path: ['tag'],
  });
export type SplitPackagePayload = z.infer<typeof splitPackagePayload>;

type NewPackage = Omit<CreatePackagePayload, 'ingredients' | 'item'>;

function newPackageRow(
  payload: NewPackage,
  item: string | undefined,
  ingredients: CreatePackagePayload['ingredients'],
  context: ActionContext,
): CreatePackageRow {
  return {
    Tag: payload.tag,
    Location: payload.location ?? null,
    Sublocation: payload.sublocation ?? null,
    Item: item ?? null,
    UseSameItem: item === undefined,
    Quantity: payload.quantity,
    UnitOfMeasure: payload.unitOfMeasure,
    PatientLicenseNumber: payload.patientLicenseNumber ?? null,
    Note: payload.note ?? null,
    IsProductionBatch: payload.isProductionBatch ?? false,
    ProductionBatchNumber: payload.productionBatchNumber ?? null,
    IsDonation: payload.isDonation ?? false,
    IsTradeSample: payload.isTradeSample ?? false,
    IsFinishedGood: payload.isFinishedGood ?? false,
    ProductRequiresRemediation: payload.productRequiresRemediation ?? false,
    // Rule 8: when it was packaged, not when Metrc heard of it.
    ActualDate: localDate(context),
    ExpirationDate: payload.expirationDate ?? null,
    SellByDate: payload.sellByDate ?? null,
    UseByDate: payload.useByDate ?? null,
    Ingredients: ingredients.map((source) => ({
      Package: source.packageLabel,
      Quantity: source.quantity,
      UnitOfMeasure: source.unitOfMeasure,
    })),
  };
}

/**
 * A tag names one package forever: if the new tag exists (and, where Metrc says, came from
 * these sources), the create landed.
 */
async function newPackageLanded(
  api: MetrcApi,
  input: { licenseNumber: string; row: CreatePackageRow; signal?: AbortSignal | undefined },
): Promise<LookupOutcome> {
  const found = await findPackageByLabel(api, {
    licenseNumber: input.licenseNumber,
    label: input.row.Tag,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  if (!found) return notLanded;
  const sources = found.SourcePackageLabels;
  // A tag taken by some other package is not ours: sending again earns Metrc's clear 400.
  if (sources && !input.row.Ingredients.every((i) => sources.toUpperCase().includes(i.Package)))
    return notLanded;
  return landed(found.Id);
}

export const createPackageAction: OutboxAction<CreatePackagePayload, CreatePackageRow> = {
  kind: 'packages.create',
  family: 'packages',
  title: 'Create a package from packages (merge, repackage)',
  payloadSchema: createPackagePayload,
  feature: 'packages',
  batch: BATCH,
  idempotent: false,
  touches: (payload) => [
    pkg(payload.tag),
    ...payload.ingredients.map((source) => pkg(source.packageLabel)),
  ],
  toRow: (payload, context) => newPackageRow(payload, payload.item, payload.ingredients, context),
  send: (api, input) => createPackages(api, input),
  lookup: (api, input) => newPackageLanded(api, input),
};

export const splitPackageAction: OutboxAction<SplitPackagePayload, CreatePackageRow> = {
  kind: 'packages.split',
  family: 'packages',
  title: 'Split part of a package into a new tag',
  payloadSchema: splitPackagePayload,
  feature: 'packages',
  batch: BATCH,
  idempotent: false,
  touches: (payload) => [pkg(payload.tag), pkg(payload.sourceLabel)],
  toRow: (payload, context) =>
    newPackageRow(
      payload,
      undefined,
      [
        {
          packageLabel: payload.sourceLabel,
          quantity: payload.quantity,
          unitOfMeasure: payload.unitOfMeasure,
        },
      ],
      context,
    ),
  send: (api, input) => createPackages(api, input),
  lookup: (api, input) => newPackageLanded(api, input),
};

export const movePackagePayload = z.strictObject({
  label: tagLabel,
  location: requiredText(),
  sublocation: optionalText(),
});
export type MovePackagePayload = z.infer<typeof movePackagePayload>;

export const movePackageAction: OutboxAction<MovePackagePayload, MovePackageRow> = {
  kind: 'packages.location',
  family: 'packages',
  title: 'Move a package to another location',
  payloadSchema: movePackagePayload,
  feature: 'packages',
  batch: BATCH,
  // Sets an absolute location, but each move is a history entry: look before sending again.
  idempotent: false,
  touches: (payload) => [pkg(payload.label)],
  toRow: (payload, context) => ({
    Label: payload.label,
    Location: payload.location,
    Sublocation: payload.sublocation ?? null,
    MoveDate: localDate(context),
  }),
  send: (api, input) => movePackages(api, input),
  /** Where the package is now: at the target, the move landed (later moves wait behind it). */
  async lookup(api, input) {
    const found = await findPackageByLabel(api, {
      licenseNumber: input.licenseNumber,
      label: input.row.Label,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    return found && sameName(found.LocationName, input.row.Location) ? landed(found.Id) : notLanded;
  },
};

export const packageLabelPayload = z.strictObject({ label: tagLabel });
export type PackageLabelPayload = z.infer<typeof packageLabelPayload>;

/** Whether the package's finished flag is what the write wanted. */
async function finishedIs(
  api: MetrcApi,
  input: { licenseNumber: string; row: { Label: string }; signal?: AbortSignal | undefined },
  wanted: boolean,
): Promise<LookupOutcome> {
  const found = await findPackageByLabel(api, {
    licenseNumber: input.licenseNumber,
    label: input.row.Label,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  if (!found) return notLanded;
  const finished = found.IsFinished === true || Boolean(found.FinishedDate);
  return finished === wanted ? landed(found.Id) : notLanded;
}

export const finishPackageAction: OutboxAction<PackageLabelPayload, FinishPackageRow> = {
  kind: 'packages.finish',
  family: 'packages',
  title: 'Finish a package (take it out of active inventory)',
  payloadSchema: packageLabelPayload,
  feature: 'packages',
  batch: BATCH,
  // Metrc refuses to finish a finished package (400): look instead of sending again.
  idempotent: false,
  touches: (payload) => [pkg(payload.label)],
  toRow: (payload, context) => ({ Label: payload.label, ActualDate: localDate(context) }),
  send: (api, input) => finishPackages(api, input),
  lookup: (api, input) => finishedIs(api, input, true),
};

export const unfinishPackageAction: OutboxAction<PackageLabelPayload, UnfinishPackageRow> = {
  kind: 'packages.unfinish',
  family: 'packages',
  title: 'Unfinish a package (back into active inventory)',
  payloadSchema: packageLabelPayload,
  feature: 'packages',
  batch: BATCH,
  idempotent: false,
  touches: (payload) => [pkg(payload.label)],
  // Metrc's unfinish carries no date.
  toRow: (payload) => ({ Label: payload.label }),
  send: (api, input) => unfinishPackages(api, input),
  lookup: (api, input) => finishedIs(api, input, false),
};

/** The packages family, in catalogue order. */
export const PACKAGE_ACTIONS = [
  adjustPackageAction,
  createPackageAction,
  splitPackageAction,
  movePackageAction,
  finishPackageAction,
  unfinishPackageAction,
] as const;
