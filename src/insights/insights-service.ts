import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { Principal } from '../auth/index.ts';
import type { DB } from '../db/index.ts';
import { type Clock, toTimestamp } from '../lib/index.ts';
import { type Contribution, chooseCohort, combine, contributionsOf } from './insights-fns.ts';
import type { InsightsRepo } from './insights-repo.ts';
import type {
  InsightGroup,
  InsightMetric,
  InsightsQuery,
  InsightsSource,
} from './insights-types.ts';

/**
 * Insights without exposure (rule 12): opt-in per organization; aggregates over the mirror
 * (inventory age per category, sales mix per state, lab pass rate per state) published only for
 * groups of at least `minOrganizations`, over cohorts that move by at least that many at once.
 * A query can select whole groups only, so two queries never differ by one organization.
 */
export function createInsightsService(deps: {
  db: Kysely<DB>;
  repo: InsightsRepo;
  source: InsightsSource;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  minOrganizations: number;
}) {
  const { db, repo, clock } = deps;
  const k = deps.minOrganizations;

  async function participation(organizationId: number) {
    const row = await repo.optIn(organizationId);
    return { optedIn: row?.opted_in === 1, changedAt: row?.changed_at ?? null };
  }

  async function setParticipation(actor: Principal, optedIn: boolean) {
    const at = toTimestamp(clock.now());
    await db.transaction().execute(async (trx) => {
      await repo.setOptIn(actor.organizationId, optedIn, actor.userId, at, trx);
      await deps.audit.record(
        {
          organizationId: actor.organizationId,
          actor,
          action: optedIn ? 'insights.opted_in' : 'insights.opted_out',
        },
        trx,
      );
    });
    return participation(actor.organizationId);
  }

  /** Every publishable group (then filtered by whole groups); recomputed from the mirror. */
  async function published(query: InsightsQuery = {}) {
    const now = clock.now();
    const figures = new Map<string, Map<number, Contribution>>();
    for (const organizationId of await repo.optedInOrganizations()) {
      for (const c of contributionsOf(await deps.source(organizationId, now))) {
        const key = `${c.metric}\u0000${c.group}`;
        const byOrg = figures.get(key) ?? new Map<number, Contribution>();
        byOrg.set(organizationId, c.values);
        figures.set(key, byOrg);
      }
    }
    const cohorts = await repo.cohorts();
    const groups: InsightGroup[] = [];
    // Every group is evaluated on every query, whatever the filter, so the cohorts (and so the
    // figures) never depend on what was asked.
    for (const key of new Set([...figures.keys(), ...cohorts.keys()])) {
      const [metric, group] = key.split('\u0000') as [InsightMetric, string];
      const byOrg = figures.get(key) ?? new Map<number, Contribution>();
      const previous = cohorts.get(key) ?? null;
      const { publish, remember } = chooseCohort([...byOrg.keys()], previous, k);
      if (remember && !sameMembers(remember, previous)) {
        await repo.saveCohort(metric, group, remember, toTimestamp(now));
      }
      if (!publish) continue;
      groups.push({
        metric,
        group,
        organizations: publish.length,
        values: combine(publish.map((id) => byOrg.get(id) ?? {})),
      });
    }
    return {
      minOrganizations: k,
      groups: groups
        .filter((g) => (query.metric ? g.metric === query.metric : true))
        .filter((g) => (query.group ? g.group === query.group : true))
        .sort((a, b) => a.metric.localeCompare(b.metric) || a.group.localeCompare(b.group)),
    };
  }

  return { participation, setParticipation, published };
}

export type InsightsService = ReturnType<typeof createInsightsService>;

function sameMembers(a: readonly number[], b: readonly number[] | null): boolean {
  return !!b && a.length === b.length && a.every((id, i) => id === b[i]);
}
