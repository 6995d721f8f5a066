/**
 * One organization's mirror reduced to the facts cross-organization insights aggregate
 * (src/insights `InsightsSource`): categories, states, ages, amounts and pass/fail — never a
 * label, license number or person, so nothing here can identify a record.
 *
 * @example
 * const facts = createMirrorFacts(db);
 * const { inventory, sales, labResults } = await facts(organizationId, clock.now());
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';

/** Shaped like `OrganizationFacts` in src/insights; sync does not import insights. */
export interface MirrorFactsView {
  inventory: Array<{ category: string; ageDays: number }>;
  sales: Array<{ state: string; category: string; amount: number }>;
  labResults: Array<{ state: string; passed: boolean }>;
}

/** Records without a category are still inventory; they are grouped under this name. */
export const UNCATEGORIZED = 'Uncategorized';

const DAY_MS = 86_400_000;

export function createMirrorFacts(
  db: Kysely<DB>,
): (organizationId: number, now: Date) => Promise<MirrorFactsView> {
  return async (organizationId, now) => {
    const packages = await db
      .selectFrom('mirror_packages')
      .innerJoin('licenses', 'licenses.id', 'mirror_packages.license_id')
      .select([
        'licenses.state',
        'mirror_packages.status',
        'mirror_packages.item_category',
        'mirror_packages.packaged_date',
        'mirror_packages.lab_testing_state',
        'mirror_packages.raw',
      ])
      .where('mirror_packages.organization_id', '=', organizationId)
      .orderBy('mirror_packages.id')
      .execute();
    const inventory: MirrorFactsView['inventory'] = [];
    const labResults: MirrorFactsView['labResults'] = [];
    for (const p of packages) {
      // A lab verdict stays a fact after the package is gone; only Metrc's two verdicts count.
      if (p.lab_testing_state === 'TestPassed' || p.lab_testing_state === 'TestFailed')
        labResults.push({ state: p.state, passed: p.lab_testing_state === 'TestPassed' });
      if (p.status === 'inactive') continue;
      const since = inventorySince(p.raw, p.packaged_date);
      if (since === null) continue;
      inventory.push({
        category: p.item_category ?? UNCATEGORIZED,
        ageDays: Math.max(0, Math.floor((now.getTime() - since) / DAY_MS)),
      });
    }

    const receipts = await db
      .selectFrom('mirror_records')
      .innerJoin('licenses', 'licenses.id', 'mirror_records.license_id')
      .select(['licenses.state', 'mirror_records.raw'])
      .where('mirror_records.organization_id', '=', organizationId)
      .where('mirror_records.kind', '=', 'receipts')
      // Inactive receipts are voided or archived sales; they are not part of the sales mix.
      .where('mirror_records.status', '!=', 'inactive')
      .orderBy('mirror_records.id')
      .execute();
    const sales: MirrorFactsView['sales'] = [];
    for (const r of receipts) {
      for (const line of linesOf(r.raw)) sales.push({ state: r.state, ...line });
    }
    return { inventory, sales, labResults };
  };
}

/**
 * When the package became this license's inventory: received (a transfer in) or else packaged.
 * Epoch milliseconds, or null when Metrc gave neither (the package is left out, not guessed).
 */
function inventorySince(raw: string, packagedDate: string | null): number | null {
  const json = parse(raw);
  const received = typeof json?.ReceivedDateTime === 'string' ? json.ReceivedDateTime : null;
  for (const value of [received, packagedDate]) {
    if (!value) continue;
    const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (Number.isFinite(ms)) return ms;
  }
  return null;
}

/** A receipt's lines (`Transactions`) as category and amount; malformed lines are skipped. */
function linesOf(raw: string): Array<{ category: string; amount: number }> {
  const json = parse(raw);
  const lines = Array.isArray(json?.Transactions) ? json.Transactions : [];
  const out: Array<{ category: string; amount: number }> = [];
  for (const line of lines) {
    if (!line || typeof line !== 'object') continue;
    const l = line as Record<string, unknown>;
    const amount = typeof l.TotalPrice === 'number' ? l.TotalPrice : Number(l.TotalPrice);
    if (!Number.isFinite(amount)) continue;
    const category =
      typeof l.ProductCategoryName === 'string' && l.ProductCategoryName
        ? l.ProductCategoryName
        : UNCATEGORIZED;
    out.push({ category, amount });
  }
  return out;
}

function parse(raw: string): Record<string, unknown> | null {
  try {
    const json: unknown = JSON.parse(raw);
    return json && typeof json === 'object' ? (json as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
