/**
 * The shape most Metrc writes share: find each row's record, check it, and only when every row
 * passed apply the change and re-stamp the record (invariant 4: all-or-nothing).
 */
import { type Row, RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import type { RecordCollection, Tracked } from '../state/record-collection.ts';
import type { LicenseRecord } from '../state/records.ts';
import { licenseOf } from './operation-helpers.ts';
import type { OperationContext, OperationHandler } from './operation-types.ts';

export type AddError = (message: string) => void;

export interface RowWrite<T extends Tracked> {
  /** The license's collection the records live in (re-stamped on change). */
  collection: (license: LicenseRecord) => RecordCollection<T>;
  /** The row's record; add an error and return undefined when there is none. */
  find: (ctx: OperationContext, row: Row, add: AddError) => T | undefined;
  check?: (ctx: OperationContext, row: Row, record: T, add: AddError) => void;
  apply: (ctx: OperationContext, row: Row, record: T) => void;
}

export function rowWrite<T extends Tracked>(spec: RowWrite<T>): OperationHandler {
  return (ctx) => {
    const license = licenseOf(ctx);
    const errors = new RowErrors();
    const targets: [Row, T][] = [];
    const seen = new Set<number>();
    for (const row of readRows(ctx)) {
      const add = (message: string) => errors.add(row.index, message);
      const record = spec.find(ctx, row, add);
      if (!record) continue;
      // The same record twice in one request is refused, as Metrc's own writes do.
      if (seen.has(record.id)) {
        add(`Record ${record.id} appears more than once.`);
        continue;
      }
      seen.add(record.id);
      spec.check?.(ctx, row, record, add);
      targets.push([row, record]);
    }
    errors.throwIfAny();
    const collection = spec.collection(license);
    for (const [row, record] of targets) {
      spec.apply(ctx, row, record);
      ctx.state.touch(collection, record);
    }
    return writeResult(
      ctx,
      targets.map(([, record]) => record.id),
    );
  };
}

/** A record of the license by the row's `Id` (or another numeric field). */
export function byRowId<T extends Tracked & { license: string }>(
  index: (ctx: OperationContext) => ReadonlyMap<number, T>,
  what: string,
  field = 'Id',
) {
  return (ctx: OperationContext, row: Row, add: AddError): T | undefined => {
    const id = row.number(field);
    const record = id === undefined ? undefined : index(ctx).get(id);
    if (!record || record.license !== licenseOf(ctx).number) {
      add(`${what} ${id ?? ''} was not found in the current Facility.`);
      return undefined;
    }
    return record;
  };
}

/** A record of one collection by the row's `Id`. */
export function inCollection<T extends Tracked>(
  collection: (license: LicenseRecord) => RecordCollection<T>,
  what: string,
  field = 'Id',
) {
  return (ctx: OperationContext, row: Row, add: AddError): T | undefined => {
    const id = row.number(field);
    const record = id === undefined ? undefined : collection(licenseOf(ctx)).get(id);
    if (!record) add(`${what} ${id ?? ''} was not found in the current Facility.`);
    return record;
  };
}

/** A required non-blank text field. */
export function requireText(row: Row, field: string, add: AddError): string | undefined {
  const value = row.text(field);
  if (value === undefined) add(`${field} was not specified.`);
  return value;
}
