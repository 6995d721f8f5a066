/**
 * Lists as Metrc answers them (metrc-api.md §3.2–3.3): lastModified or salesDate windows, the
 * v2 paging envelope, bare arrays on v1, and the quirks — pageSize above 20, windows too long
 * and both window kinds at once answer 400; a call without a window sees only recent records.
 */

import type { OperationContext, OperationResult } from '../operations/operation-types.ts';
import type { Tracked } from '../state/record-collection.ts';
import { parseZonedTimestamp } from '../wire/metrc-time.ts';
import { metrcReplies } from './metrc-replies.ts';

const HOUR_MS = 3_600_000;

export interface ListOptions<T> {
  /** Which window parameters the endpoint takes; others are ignored, as ASP.NET ignores them. */
  window: 'lastModified' | 'lastModifiedOrSales' | 'none';
  /**
   * Without any window: `recent` = modified in the last `bareWindowHours`; `nothing` = an
   * empty list (receipts, and locations in NY production); `all` for endpoints without windows.
   */
  bare: 'recent' | 'nothing' | 'all';
  /** The facility-local `SalesDateTime` of a record, for salesDate windows. */
  salesDateTime?: (record: T) => string;
  /** Whether the v2 endpoint pages (envelope) or returns a bare array (lookups). */
  envelope: boolean;
}

/** Reads a query parameter case-insensitively (the pipeline lower-cases names). */
export function queryValue(ctx: Pick<OperationContext, 'query'>, name: string): string | undefined {
  const value = ctx.query.get(name.toLowerCase());
  return value === null || value === '' ? undefined : value;
}

/** Filters, pages and renders `records` (in LastModified order) into Metrc's list answer. */
export function listResponse<T extends Tracked>(
  ctx: OperationContext,
  records: Iterable<T>,
  render: (record: T) => unknown,
  options: ListOptions<T>,
): OperationResult {
  const keep = windowFilter(ctx, options);
  const matching: T[] = [];
  for (const record of records) if (keep(record)) matching.push(record);
  if (ctx.version === 1 || !options.envelope) return { body: matching.map(render) };
  return { body: envelope(ctx, matching, render) };
}

/** The v2 paging envelope over an already filtered list. */
export function envelope<T>(
  ctx: OperationContext,
  all: readonly T[],
  render: (record: T) => unknown,
) {
  const { pageNumber, pageSize } = paging(ctx);
  const size = pageSize ?? all.length;
  const start = pageSize === undefined ? 0 : (pageNumber - 1) * pageSize;
  const page = all.slice(start, start + size).map(render);
  return {
    Data: page,
    Total: all.length,
    TotalRecords: all.length,
    PageSize: size,
    RecordsOnPage: page.length,
    Page: pageNumber,
    CurrentPage: pageNumber,
    TotalPages: size === 0 ? 0 : Math.ceil(all.length / size),
  };
}

function paging(ctx: OperationContext): { pageNumber: number; pageSize: number | undefined } {
  const max = ctx.config.limits.maxPageSize;
  const sizeText = queryValue(ctx, 'pageSize');
  const numberText = queryValue(ctx, 'pageNumber');
  // "Pagination is currently disabled by default": no pageSize → everything on one page.
  if (sizeText === undefined) return { pageNumber: 1, pageSize: undefined };
  const pageSize = Number(sizeText);
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw metrcReplies.badRequest(`The value '${sizeText}' is not valid for pageSize.`);
  }
  if (pageSize > max) {
    throw metrcReplies.badRequest(`The page size must not exceed ${max}.`);
  }
  const pageNumber = numberText === undefined ? 1 : Number(numberText);
  if (!Number.isInteger(pageNumber) || pageNumber < 1) {
    throw metrcReplies.badRequest(`The value '${numberText}' is not valid for pageNumber.`);
  }
  return { pageNumber, pageSize };
}

function windowFilter<T extends Tracked>(
  ctx: OperationContext,
  options: ListOptions<T>,
): (record: T) => boolean {
  if (options.window === 'none') return () => true;
  const modifiedStart = queryValue(ctx, 'lastModifiedStart');
  const modifiedEnd = queryValue(ctx, 'lastModifiedEnd');
  const salesStart =
    options.window === 'lastModifiedOrSales' ? queryValue(ctx, 'salesDateStart') : undefined;
  const salesEnd =
    options.window === 'lastModifiedOrSales' ? queryValue(ctx, 'salesDateEnd') : undefined;
  const hasModified = modifiedStart !== undefined || modifiedEnd !== undefined;
  const hasSales = salesStart !== undefined || salesEnd !== undefined;
  if (hasModified && hasSales) {
    throw metrcReplies.badRequest(
      'The sales date parameters cannot be specified together with the last modified parameters.',
    );
  }
  const maxHours =
    ctx.version === 1 ? ctx.config.limits.v1MaxWindowHours : ctx.config.limits.v2MaxWindowHours;
  if (hasModified) {
    const [start, end] = parseRange('lastModified', modifiedStart, modifiedEnd, maxHours);
    // Stamps are microseconds; the window's end is inclusive.
    return (record) =>
      record.lastModified >= start * 1000 && record.lastModified <= end * 1000 + 999;
  }
  if (hasSales && options.salesDateTime) {
    const salesDateTime = options.salesDateTime;
    const [start, end] = parseSalesRange(salesStart, salesEnd, maxHours);
    return (record) => {
      const local = salesDateTime(record);
      return local >= start && local <= end;
    };
  }
  if (options.bare === 'nothing') return () => false;
  if (options.bare === 'all') return () => true;
  const since = (ctx.now - ctx.config.limits.bareWindowHours * HOUR_MS) * 1000;
  return (record) => record.lastModified >= since;
}

function parseRange(
  name: string,
  startText: string | undefined,
  endText: string | undefined,
  maxHours: number | null,
): [number, number] {
  if (startText === undefined || endText === undefined) {
    throw metrcReplies.badRequest(`Both ${name}Start and ${name}End must be specified.`);
  }
  const start = parseZonedTimestamp(startText);
  const end = parseZonedTimestamp(endText);
  if (start === undefined)
    throw metrcReplies.badRequest(`The value '${startText}' is not a valid ${name}Start.`);
  if (end === undefined)
    throw metrcReplies.badRequest(`The value '${endText}' is not a valid ${name}End.`);
  if (end < start) throw metrcReplies.badRequest(`${name}End must not be before ${name}Start.`);
  if (maxHours !== null && end - start > maxHours * HOUR_MS) {
    throw metrcReplies.badRequest(`The ${name} date range must not exceed ${maxHours} hours.`);
  }
  return [start, end];
}

const SALES_DATE =
  /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Sales dates compare with the facility-local `SalesDateTime`, so the wall-clock part is used
 * and any zone ignored [U: Metrc's handling of the zone here is undocumented].
 */
function parseSalesRange(
  startText: string | undefined,
  endText: string | undefined,
  maxHours: number | null,
): [string, string] {
  if (startText === undefined || endText === undefined) {
    throw metrcReplies.badRequest('Both salesDateStart and salesDateEnd must be specified.');
  }
  const start = localWallClock(startText, 'start');
  const end = localWallClock(endText, 'end');
  if (end < start) throw metrcReplies.badRequest('salesDateEnd must not be before salesDateStart.');
  if (maxHours !== null && Date.parse(`${end}Z`) - Date.parse(`${start}Z`) > maxHours * HOUR_MS) {
    throw metrcReplies.badRequest(`The sales date range must not exceed ${maxHours} hours.`);
  }
  return [start, end];
}

function localWallClock(text: string, edge: 'start' | 'end'): string {
  const match = SALES_DATE.exec(text);
  if (!match || Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`))) {
    throw metrcReplies.badRequest(`The value '${text}' is not a valid sales date.`);
  }
  const [, date, hh, mm, ss] = match;
  if (hh === undefined) return edge === 'start' ? `${date}T00:00:00.000` : `${date}T23:59:59.999`;
  return `${date}T${hh}:${mm}:${ss ?? '00'}.${edge === 'start' ? '000' : '999'}`;
}
