/**
 * What one organization's mirror says, reduced to the facts insights need. The sync feature
 * provides it (wired by the integrator); nothing here identifies a package, license or person.
 */
export interface OrganizationFacts {
  /** One entry per active package. */
  inventory: Array<{ category: string; ageDays: number }>;
  /** Sales lines, by the state of the selling license. */
  sales: Array<{ state: string; category: string; amount: number }>;
  /** Lab results, by the state of the tested package's license. */
  labResults: Array<{ state: string; passed: boolean }>;
}

/** Reads one organization's facts from the mirror at `now`. */
export type InsightsSource = (organizationId: number, now: Date) => Promise<OrganizationFacts>;

/** Until the mirror exists there is nothing to aggregate. */
export const EMPTY_INSIGHTS_SOURCE: InsightsSource = async () => ({
  inventory: [],
  sales: [],
  labResults: [],
});

export const INSIGHT_METRICS = ['inventory_age', 'sales_mix', 'lab_pass_rate'] as const;
export type InsightMetric = (typeof INSIGHT_METRICS)[number];

/** One published group: a figure over at least k organizations. */
export interface InsightGroup {
  metric: InsightMetric;
  /** `inventory_age`: the category; `sales_mix`, `lab_pass_rate`: the state. */
  group: string;
  organizations: number;
  /**
   * `inventory_age`: `{ medianAgeDays }`; `sales_mix`: share (0–1) per category;
   * `lab_pass_rate`: `{ passRate }`. Each organization weighs the same.
   */
  values: Record<string, number>;
}

export interface InsightsQuery {
  metric?: InsightMetric;
  /** Selects whole groups by name; never a subset of a group's organizations. */
  group?: string;
}
