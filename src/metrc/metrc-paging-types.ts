/**
 * The page and window shapes every list call, the pager and the window walker share. Kept apart
 * (types and one constant, no imports) so `paging`, `time-windows`, `metrc-api` and
 * `endpoint-helpers` can all lean on them without importing one another in a circle.
 */

/** Metrc's largest page ("a value that does not exceed 20"). */
export const MAX_PAGE_SIZE = 20;

/** One page of a v2 list, normalised; a bare array is one page holding everything. */
export interface MetrcPage<T> {
  data: T[];
  total: number;
  pageNumber: number;
  pageSize: number;
  totalPages: number;
}

export interface PageQuery {
  /** 1-based. */
  pageNumber?: number;
  /** At most 20. Without it Metrc answers every row on one page. */
  pageSize?: number;
}

export interface WindowQuery {
  lastModifiedStart?: Date;
  lastModifiedEnd?: Date;
}

export interface LicenseQuery {
  licenseNumber: string;
  signal?: AbortSignal;
}

export type ListQuery = LicenseQuery & PageQuery & WindowQuery;
