import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { AlertRow, DB } from '../db/index.ts';
import { type Clock, type Logger, toTimestamp } from '../lib/index.ts';
import type { AlertCondition, AlertKind, ConditionSource } from './alert-types.ts';
import type { AlertsRepo } from './alerts-repo.ts';
import type { DeliveryPlanner, Recipients } from './delivery-planner.ts';

/** What one evaluation of one organization changed. */
export interface EvaluationReport {
  organizationId: number;
  raised: number;
  refreshed: number;
  resolved: number;
  /** Sources that failed; their alerts were left as they were. */
  failedSources: string[];
}

/**
 * Evaluates condition sources and keeps the `alerts` table in step with them: one open alert per
 * (organization, kind, subject), raised once, refreshed while the condition holds, resolved when
 * its source stops reporting it. Raises and resolutions are audited and planned for delivery in
 * the same transaction, so an alert is never raised without its notifications or vice versa.
 */
export function createAlertEngine(deps: {
  db: Kysely<DB>;
  repo: AlertsRepo;
  sources: readonly ConditionSource[];
  /** Every organization, for the scheduled pass. */
  organizationIds(): Promise<number[]>;
  planner: Pick<DeliveryPlanner, 'recipients' | 'plan'>;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  logger: Logger;
}) {
  const { db, repo, planner, audit, clock, logger } = deps;

  async function raise(
    organizationId: number,
    condition: AlertCondition,
    at: string,
    to: Recipients,
  ) {
    try {
      await db.transaction().execute(async (trx) => {
        const row = await repo.insert(
          {
            organization_id: organizationId,
            kind: condition.kind,
            subject_key: condition.subjectKey,
            license_id: condition.licenseId,
            severity: condition.severity,
            title: condition.title,
            details: JSON.stringify(condition.details),
            status: 'open',
            raised_at: at,
            last_seen_at: at,
          },
          trx,
        );
        await audit.record(
          {
            organizationId,
            actor: {},
            action: 'alert.raised',
            target: { type: 'alert', id: row.id },
            details: { kind: condition.kind, subject: condition.subjectKey },
          },
          trx,
        );
        await planner.plan(to, row, 'raised', trx);
      });
      return true;
    } catch (error) {
      // Another worker raised the same (organization, kind, subject) first: that is the dedupe.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async function resolve(organizationId: number, alert: AlertRow, at: string, to: Recipients) {
    return db.transaction().execute(async (trx) => {
      if (!(await repo.resolve(alert.id, at, trx))) return false;
      await audit.record(
        {
          organizationId,
          actor: {},
          action: 'alert.resolved',
          target: { type: 'alert', id: alert.id },
          details: { kind: alert.kind, subject: alert.subject_key },
        },
        trx,
      );
      await planner.plan(to, { ...alert, status: 'resolved', resolved_at: at }, 'resolved', trx);
      return true;
    });
  }

  /** Evaluates every source for one organization and applies the difference. */
  async function evaluate(organizationId: number): Promise<EvaluationReport> {
    const now = clock.now();
    const at = toTimestamp(now);
    const report: EvaluationReport = {
      organizationId,
      raised: 0,
      refreshed: 0,
      resolved: 0,
      failedSources: [],
    };
    const conditions = new Map<string, AlertCondition>();
    const owned = new Set<AlertKind>();
    const openRows = await repo.listOpen(organizationId, [
      ...new Set(deps.sources.flatMap((s) => s.kinds)),
    ]);
    for (const source of deps.sources) {
      try {
        const subjectKeys = openRows
          .filter((row) => (source.kinds as readonly string[]).includes(row.kind))
          .map((row) => row.subject_key);
        const found = await source.collect(organizationId, now, { subjectKeys });
        for (const kind of source.kinds) owned.add(kind);
        for (const condition of found) conditions.set(keyOf(condition), condition);
      } catch (error) {
        report.failedSources.push(source.name);
        logger.warn({ err: error, source: source.name, organizationId }, 'alert source failed');
      }
    }
    // Kinds also owned by a failed source stay untouched: a failure is not an all-clear.
    for (const source of deps.sources) {
      if (report.failedSources.includes(source.name)) for (const k of source.kinds) owned.delete(k);
    }
    const open = new Map(
      openRows.filter((row) => owned.has(row.kind as AlertKind)).map((row) => [keyOf(row), row]),
    );
    // Read once, outside the transactions (SQLite has one connection), and only when needed.
    let to: Recipients | null = null;
    const recipients = async () => {
      to ??= await planner.recipients(organizationId);
      return to;
    };
    for (const [key, condition] of conditions) {
      if (!owned.has(condition.kind)) continue;
      const existing = open.get(key);
      if (!existing) {
        if (await raise(organizationId, condition, at, await recipients())) report.raised++;
        continue;
      }
      await repo.touch(existing.id, {
        severity: condition.severity,
        title: condition.title,
        details: JSON.stringify(condition.details),
        license_id: condition.licenseId,
        last_seen_at: at,
      });
      report.refreshed++;
    }
    for (const [key, row] of open) {
      if (conditions.has(key)) continue;
      if (await resolve(organizationId, row, at, await recipients())) report.resolved++;
    }
    return report;
  }

  /** The scheduled pass: every organization, one after another; one failure stops no other. */
  async function evaluateAll(): Promise<EvaluationReport[]> {
    const reports: EvaluationReport[] = [];
    for (const organizationId of await deps.organizationIds()) {
      try {
        reports.push(await evaluate(organizationId));
      } catch (error) {
        logger.error({ err: error, organizationId }, 'alert evaluation failed');
      }
    }
    return reports;
  }

  return { evaluate, evaluateAll };
}

export type AlertEngine = ReturnType<typeof createAlertEngine>;

function keyOf(c: { kind: string; subjectKey?: string; subject_key?: string }): string {
  return `${c.kind}\u0000${c.subjectKey ?? c.subject_key}`;
}

/** SQLite and PostgreSQL spell a unique-constraint violation differently. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
