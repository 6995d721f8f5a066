/**
 * Metrc record → mirror row. Pure. A record that lacks what the mirror keys or windows on (an
 * id, a label, a LastModified Metrc would filter by) is refused with a reason, and kept aside by
 * the caller; the rest of the page goes on.
 */
import type { PackageStatus, SyncStream } from './sync-resources.ts';

export interface PackageRow {
  metrc_id: number;
  label: string;
  status: PackageStatus;
  item_id: number | null;
  item_name: string | null;
  item_category: string | null;
  location_id: number | null;
  location_name: string | null;
  quantity: number | null;
  unit: string | null;
  expiration_date: string | null;
  use_by_date: string | null;
  lab_testing_state: string | null;
  packaged_date: string | null;
  last_modified: string;
  raw: string;
}

export interface RecordRow {
  kind: string;
  metrc_id: string;
  status: string;
  label: string | null;
  last_modified: string | null;
  raw: string;
}

export type Parsed<T> = { ok: true; row: T } | { ok: false; error: string; metrcId: string | null };

type Json = Record<string, unknown>;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const int = (value: unknown): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
const obj = (value: unknown): Json | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;

/** Metrc's `LastModified` (offset form, up to microseconds) as ISO-8601 UTC with milliseconds. */
export function normaliseTimestamp(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function idOf(record: Json): string | null {
  const id = record.Id;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : null;
}

function fail<T>(record: unknown, error: string): Parsed<T> {
  const json = obj(record);
  return { ok: false, error, metrcId: json ? idOf(json) : null };
}

/** What a package is now, from the record itself (an on-hold package is listed as active too). */
export function packageStatusOf(record: Json): PackageStatus {
  if (record.IsFinished === true || text(record.FinishedDate) || text(record.ArchivedDate))
    return 'inactive';
  if (record.IsOnHold === true) return 'onhold';
  if (record.IsOnTrip === true) return 'intransit';
  return 'active';
}

/**
 * `listedAs`: the list the record came from, when that list says more than the record does
 * (`/packages/v2/intransit`: on an outgoing manifest not yet received).
 */
export function parsePackage(record: unknown, listedAs?: 'intransit'): Parsed<PackageRow> {
  const json = obj(record);
  if (!json) return fail(record, 'the record is not an object');
  const id = int(json.Id);
  if (id === null || id <= 0) return fail(record, 'Id is missing or not a positive integer');
  const label = text(json.Label);
  if (!label) return fail(record, 'Label is missing');
  const lastModified = normaliseTimestamp(json.LastModified);
  if (!lastModified) return fail(record, 'LastModified is missing or not a timestamp');
  const item = obj(json.Item);
  return {
    ok: true,
    row: {
      metrc_id: id,
      label,
      status:
        listedAs === 'intransit' && packageStatusOf(json) !== 'inactive'
          ? 'intransit'
          : packageStatusOf(json),
      item_id: int(item?.Id) ?? int(json.ItemId),
      item_name: text(item?.Name) ?? text(json.ItemName),
      item_category: text(item?.ProductCategoryName) ?? text(json.ItemProductCategoryName),
      location_id: int(json.LocationId),
      location_name: text(json.LocationName),
      quantity: num(json.Quantity),
      unit: text(json.UnitOfMeasureName),
      expiration_date: text(json.ExpirationDate),
      use_by_date: text(json.UseByDate),
      lab_testing_state: text(json.LabTestingState),
      packaged_date: text(json.PackagedDate),
      last_modified: lastModified,
      raw: JSON.stringify(record),
    },
  };
}

/** The human key of a record: label, name, receipt or manifest number. */
function labelOf(json: Json): string | null {
  const license = obj(json.License);
  return (
    text(json.Label) ??
    text(json.ManifestNumber) ??
    text(json.ReceiptNumber) ??
    text(json.Name) ??
    text(json.FullName) ??
    text(license?.Number) ??
    null
  );
}

/** Employees and facilities have no `Id`: they are keyed by their license number. */
function keyOf(stream: SyncStream, json: Json): string | null {
  if (stream.resource === 'employees' || stream.resource === 'facilities') {
    const license = obj(json.License);
    return text(license?.EmployeeLicenseNumber) ?? text(license?.Number) ?? text(json.FullName);
  }
  const id = int(json.Id);
  return id !== null && id > 0 ? String(id) : null;
}

export function parseRecord(stream: SyncStream, record: unknown): Parsed<RecordRow> {
  const json = obj(record);
  if (!json) return fail(record, 'the record is not an object');
  const key = keyOf(stream, json);
  if (!key) return fail(record, 'Id is missing or not a positive integer');
  const lastModified = normaliseTimestamp(json.LastModified);
  if (stream.windowed && stream.stamped && !lastModified)
    return fail(record, 'LastModified is missing or not a timestamp');
  const onHold = json.IsOnHold === true && stream.status !== 'inactive';
  return {
    ok: true,
    row: {
      kind: stream.resource,
      metrc_id: key,
      status: onHold ? 'onhold' : stream.status,
      label: labelOf(json),
      last_modified: lastModified,
      raw: JSON.stringify(record),
    },
  };
}
