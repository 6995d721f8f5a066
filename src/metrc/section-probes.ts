/**
 * Verify & Save's "green check per section": one inexpensive GET per section for a license,
 * all through the shared limiter, in parallel (metrc-api.md §7).
 */
import type { MetrcApi } from './metrc-api.ts';
import {
  isMetrcError,
  type MetrcError,
  MetrcNotFoundError,
  MetrcUnauthorizedError,
} from './metrc-errors.ts';
import { METRC_SECTIONS, type MetrcSection, SECTION_PROBES } from './metrc-sections.ts';

/**
 * `granted`: 200. `denied`: 401/403 — the user lacks the permission or the license type lacks
 * the section (FacilityType tells which). `not-offered`: 404 — the state has no such endpoint.
 * `failed`: anything else (Metrc down, limiter gave up); `error` says what.
 */
export type ProbeOutcome = 'granted' | 'denied' | 'not-offered' | 'failed';

export interface SectionProbeResult {
  section: MetrcSection;
  label: string;
  outcome: ProbeOutcome;
  httpStatus: number | undefined;
  error: MetrcError | undefined;
}

/** The short window list probes ask for: cheap on any license. */
export const PROBE_WINDOW_MS = 60_000;

export interface ProbeQuery {
  licenseNumber: string;
  section: MetrcSection;
  now?: Date;
  signal?: AbortSignal;
}

export async function probeSection(api: MetrcApi, query: ProbeQuery): Promise<SectionProbeResult> {
  const probe = SECTION_PROBES[query.section];
  const now = query.now ?? new Date();
  const base = { section: probe.section, label: probe.label };
  try {
    await api.getJson({
      path: probe.path,
      licenseNumber: probe.perLicense ? query.licenseNumber : undefined,
      query: {
        ...(probe.paged ? { pageNumber: 1, pageSize: 1 } : {}),
        ...(probe.windowed
          ? { lastModifiedStart: new Date(now.getTime() - PROBE_WINDOW_MS), lastModifiedEnd: now }
          : {}),
      },
      signal: query.signal,
    });
    return { ...base, outcome: 'granted', httpStatus: 200, error: undefined };
  } catch (error) {
    if (!isMetrcError(error)) throw error;
    const outcome: ProbeOutcome =
      error instanceof MetrcUnauthorizedError
        ? 'denied'
        : error instanceof MetrcNotFoundError
          ? 'not-offered'
          : 'failed';
    return { ...base, outcome, httpStatus: error.httpStatus, error };
  }
}

/**
 * Probes every section (or those given) of one license in parallel; the shared limiter keeps
 * the burst within Metrc's per-license and per-vendor-key budgets.
 *
 * @example
 * const cells = await probeSections(api, { licenseNumber: 'C10-0000106-LIC' });
 * cells.filter((c) => c.outcome === 'denied').map((c) => c.label); // ['Plants', …]
 */
export function probeSections(
  api: MetrcApi,
  query: Omit<ProbeQuery, 'section'> & { sections?: readonly MetrcSection[] },
): Promise<SectionProbeResult[]> {
  const sections = query.sections ?? METRC_SECTIONS;
  return Promise.all(sections.map((section) => probeSection(api, { ...query, section })));
}
