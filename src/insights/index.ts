export { chooseCohort, combine, contributionsOf } from './insights-fns.ts';
export { createInsightsRepo, type InsightsRepo } from './insights-repo.ts';
export { createInsightsService, type InsightsService } from './insights-service.ts';
export {
  EMPTY_INSIGHTS_SOURCE,
  INSIGHT_METRICS,
  type InsightGroup,
  type InsightMetric,
  type InsightsQuery,
  type InsightsSource,
  type OrganizationFacts,
} from './insights-types.ts';
