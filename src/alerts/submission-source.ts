import type {
  AlertCondition,
  AlertKind,
  ConditionSource,
  OutboxSignals,
  SubmissionSignal,
} from './alert-types.ts';

/** How many submission ids an alert lists; the count is always exact. */
export const SUBMISSION_IDS_LISTED = 20;

/**
 * Submission failed, held or overdue, from the outbox's queries. One alert per license and kind,
 * not per submission: a day of rejected sales is one thing to fix, not a thousand e-mails. The
 * alert resolves when the license has none of that kind left.
 */
export function createSubmissionSource(deps: {
  outbox: OutboxSignals;
  /** A submission not sent after this long is overdue. */
  overdueAfterMs: number;
}): ConditionSource {
  return {
    name: 'submissions',
    kinds: ['submission_failed', 'submission_held', 'submission_overdue'],
    async collect(organizationId, now) {
      const attention = await deps.outbox.listNeedingAttention({ organizationId });
      const overdue = await deps.outbox.listOverdue({
        olderThan: new Date(now.getTime() - deps.overdueAfterMs),
        organizationId,
      });
      const groups = new Map<
        string,
        { kind: AlertKind; licenseId: number; items: SubmissionSignal[] }
      >();
      const add = (kind: AlertKind, item: SubmissionSignal) => {
        const key = `${kind}:${item.licenseId}`;
        const group = groups.get(key) ?? { kind, licenseId: item.licenseId, items: [] };
        group.items.push(item);
        groups.set(key, group);
      };
      const needingAttention = new Set<number>();
      for (const item of attention) {
        needingAttention.add(item.id);
        add(item.status === 'held' ? 'submission_held' : 'submission_failed', item);
      }
      // A failed or held submission is also old; it is reported once, under its real problem.
      for (const item of overdue)
        if (!needingAttention.has(item.id)) add('submission_overdue', item);
      return [...groups.values()].map((g) => toCondition(g.kind, g.licenseId, g.items));
    },
  };
}

const TITLES: Record<string, (n: number) => string> = {
  submission_failed: (n) => `${n} submission${n === 1 ? '' : 's'} rejected by Metrc`,
  submission_held: (n) => `${n} submission${n === 1 ? '' : 's'} held until someone acts`,
  submission_overdue: (n) => `${n} submission${n === 1 ? '' : 's'} not yet reported to Metrc`,
};

function toCondition(
  kind: AlertKind,
  licenseId: number,
  items: SubmissionSignal[],
): AlertCondition {
  const sorted = [...items].sort((a, b) => a.id - b.id);
  return {
    kind,
    subjectKey: `license:${licenseId}`,
    licenseId,
    severity: kind === 'submission_failed' ? 'critical' : 'warning',
    title: (TITLES[kind] ?? String)(items.length),
    details: {
      count: items.length,
      submissionIds: sorted.slice(0, SUBMISSION_IDS_LISTED).map((s) => s.id),
      oldestCreatedAt: sorted.map((s) => s.createdAt).sort()[0] ?? null,
      lastError: sorted.find((s) => s.lastError)?.lastError ?? null,
    },
  };
}
