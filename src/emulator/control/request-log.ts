/**
 * What reached the emulator and how it was answered — time, method, path, license, whose key,
 * status — so tests can assert who a write was attributed to. Never the keys themselves.
 */
export type RequestOutcome = 'answered' | 'reset' | 'timeout' | 'dropped';

export interface RequestLogEntry {
  seq: number;
  time: string;
  method: string;
  /** Path without the query string, including the state prefix. */
  path: string;
  state: string | null;
  license: string | null;
  vendorKeyId: string | null;
  userId: string | null;
  userName: string | null;
  /** The status sent, or for `dropped` the one the committed write would have had. */
  status: number | null;
  outcome: RequestOutcome;
  fault: string | null;
  durationMs: number;
  /** The emulator has no such route: answered with Metrc's 404 and flagged (tests must not). */
  unimplemented?: true;
}

/** A route the emulator lacks, as `control.unimplemented()` reports it. */
export interface UnimplementedHit {
  method: string;
  state: string;
  /** After the state prefix, e.g. `/plants/v2/additives`. */
  path: string;
}

export interface RequestLogFilter {
  since?: number;
  license?: string;
  userId?: string;
  status?: number;
  method?: string;
  pathPrefix?: string;
  limit?: number;
}

export interface RequestCounters {
  total: number;
  byStatus: Record<string, number>;
  byOutcome: Record<string, number>;
}

export interface RequestLog {
  add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry;
  entries(filter?: RequestLogFilter): RequestLogEntry[];
  counters(): RequestCounters;
  clear(): void;
}

/** Keeps the last `capacity` entries; counters count everything since the last clear. */
export function createRequestLog(capacity = 10_000): RequestLog {
  let entries: RequestLogEntry[] = [];
  let seq = 0;
  let counters: RequestCounters = { total: 0, byStatus: {}, byOutcome: {} };
  return {
    add(entry) {
      const full = { seq: ++seq, ...entry };
      entries.push(full);
      if (entries.length > capacity * 1.5) entries = entries.slice(-capacity);
      counters.total += 1;
      const status = full.status === null ? 'none' : String(full.status);
      counters.byStatus[status] = (counters.byStatus[status] ?? 0) + 1;
      counters.byOutcome[full.outcome] = (counters.byOutcome[full.outcome] ?? 0) + 1;
      return full;
    },
    entries(filter = {}) {
      const out = entries.filter(
        (e) =>
          (filter.since === undefined || e.seq > filter.since) &&
          (filter.license === undefined || e.license === filter.license) &&
          (filter.userId === undefined || e.userId === filter.userId) &&
          (filter.status === undefined || e.status === filter.status) &&
          (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
          (filter.pathPrefix === undefined ||
            e.path.toLowerCase().startsWith(filter.pathPrefix.toLowerCase())),
      );
      const recent = out.slice(-capacity);
      return filter.limit === undefined ? recent : recent.slice(-filter.limit);
    },
    counters: () => structuredClone(counters),
    clear() {
      entries = [];
      counters = { total: 0, byStatus: {}, byOutcome: {} };
    },
  };
}
