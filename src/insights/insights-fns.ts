import type { InsightMetric, OrganizationFacts } from './insights-types.ts';

/** One organization's figure for one group of one metric. */
export type Contribution = Record<string, number>;

/** Per metric and group, each organization's own figure (every organization weighs the same). */
export function contributionsOf(
  facts: OrganizationFacts,
): Array<{ metric: InsightMetric; group: string; values: Contribution }> {
  const out: Array<{ metric: InsightMetric; group: string; values: Contribution }> = [];
  for (const [category, ages] of groupBy(facts.inventory, (p) => p.category)) {
    out.push({
      metric: 'inventory_age',
      group: category,
      values: { medianAgeDays: median(ages.map((p) => p.ageDays)) },
    });
  }
  for (const [state, lines] of groupBy(facts.sales, (s) => s.state)) {
    const total = lines.reduce((sum, l) => sum + l.amount, 0);
    if (total <= 0) continue;
    const shares: Contribution = {};
    for (const [category, ls] of groupBy(lines, (l) => l.category)) {
      shares[category] = ls.reduce((sum, l) => sum + l.amount, 0) / total;
    }
    out.push({ metric: 'sales_mix', group: state, values: shares });
  }
  for (const [state, results] of groupBy(facts.labResults, (r) => r.state)) {
    out.push({
      metric: 'lab_pass_rate',
      group: state,
      values: { passRate: results.filter((r) => r.passed).length / results.length },
    });
  }
  return out;
}

/**
 * Which organizations a group is published over (rule 12), given who contributes now
 * (`eligible`) and the cohort last published (`published`):
 * - a group is published only over at least `k` organizations;
 * - its cohort changes only by at least `k` organizations at once, so two publications never
 *   differ by one organization: newcomers wait until `k` of them have gathered, and after a
 *   departure the group is withheld until the cohort can move by `k`.
 * Returns the cohort to publish over (null = withhold) and the cohort to remember.
 */
export function chooseCohort(
  eligible: readonly number[],
  published: readonly number[] | null,
  k: number,
): { publish: number[] | null; remember: number[] | null } {
  const now = [...new Set(eligible)].sort((a, b) => a - b);
  if (published) {
    const was = new Set(published);
    const joined = now.filter((id) => !was.has(id)).length;
    const left = published.filter((id) => !now.includes(id)).length;
    if (joined + left < k) {
      return {
        publish: left === 0 && published.length >= k ? [...published] : null,
        remember: [...published],
      };
    }
  }
  if (now.length < k) return { publish: null, remember: published ? [...published] : null };
  return { publish: now, remember: now };
}

/** The mean of each value across the cohort's figures, rounded so noise carries no identity. */
export function combine(figures: Contribution[]): Record<string, number> {
  const keys = [...new Set(figures.flatMap((f) => Object.keys(f)))].sort();
  const out: Record<string, number> = {};
  for (const key of keys) {
    const sum = figures.reduce((s, f) => s + (f[key] ?? 0), 0);
    out[key] = Math.round((sum / figures.length) * 100) / 100;
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k) ?? [];
    list.push(item);
    map.set(k, list);
  }
  return map;
}
