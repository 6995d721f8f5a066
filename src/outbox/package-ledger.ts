/**
 * What Tracegate expects a package's quantity to be after the reports it sent (quantity drift,
 * src/alerts). Only packages Tracegate itself created (`packages.create` / `packages.split` of
 * that tag, sent) have a known starting quantity; from there every sent report that changes it
 * is applied: adjustments (a delta), and the quantity taken from it as an ingredient or a split
 * source. A package is left out — never guessed — when anything about it is not settled or not
 * modelled: a report still queued, held, sending, failed or in doubt; a report whose effect on the
 * quantity is not modelled here (sales receipts, harvest/plant actions); a different unit.
 *
 * @example
 * const ledger = createPackageLedger(db);
 * const labels = await ledger.changedSince(orgId, new Date(Date.now() - 7 * 86_400_000));
 * for (const p of await ledger.expectedQuantities(orgId, labels)) compare(p, mirror(p.label));
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';
import { toTimestamp } from '../lib/index.ts';
import { packageLabelsOf } from './package-refs.ts';
import { createSubmissionsRepo } from './submissions-repo.ts';

export interface ExpectedPackageQuantity {
  licenseId: number;
  label: string;
  quantity: number;
  unitOfMeasure: string;
  /** When the last report that changed it went out: a mirror pulled before this is stale. */
  lastSentAt: string;
}

export interface LedgerEntry {
  id: number;
  licenseId: number;
  kind: string;
  payload: string;
  status: string;
  inDoubt: boolean;
  lastSentAt: string | null;
  /** The package labels it touches (`package:…` refs). */
  labels: string[];
}

/** Report kinds that touch a package without changing its quantity. */
const QUANTITY_NEUTRAL = new Set(['packages.location', 'packages.finish', 'packages.unfinish']);

type Json = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown) => (typeof v === 'string' ? v : null);

interface Change {
  kind: 'created' | 'delta';
  quantity: number;
  unit: string | null;
}

/** What one report does to one package's quantity; null = not modelled. */
function changeOf(entry: LedgerEntry, payload: Json, label: string): Change | null {
  if (QUANTITY_NEUTRAL.has(entry.kind)) return { kind: 'delta', quantity: 0, unit: null };
  const unit = text(payload.unitOfMeasure);
  const quantity = num(payload.quantity);
  if (entry.kind === 'packages.adjust') {
    return payload.label === label && quantity !== null ? { kind: 'delta', quantity, unit } : null;
  }
  if (entry.kind === 'packages.create' || entry.kind === 'packages.split') {
    if (payload.tag === label)
      return quantity === null ? null : { kind: 'created', quantity, unit };
    if (entry.kind === 'packages.split')
      return payload.sourceLabel === label && quantity !== null
        ? { kind: 'delta', quantity: -quantity, unit }
        : null;
    const ingredients = Array.isArray(payload.ingredients) ? (payload.ingredients as Json[]) : [];
    const taken = ingredients.filter((i) => i.packageLabel === label);
    if (taken.length === 0) return null;
    let sum = 0;
    for (const i of taken) {
      const q = num(i.quantity);
      if (q === null || (unit !== null && text(i.unitOfMeasure) !== unit)) return null;
      sum += q;
    }
    return { kind: 'delta', quantity: -sum, unit: text(taken[0]?.unitOfMeasure) };
  }
  return null;
}

/** Pure: the expected quantity of each package Tracegate created, from its ledger entries. */
export function expectPackageQuantities(entries: LedgerEntry[]): ExpectedPackageQuantity[] {
  const byLabel = new Map<string, LedgerEntry[]>();
  for (const e of entries)
    for (const label of e.labels) byLabel.set(label, [...(byLabel.get(label) ?? []), e]);
  const out: ExpectedPackageQuantity[] = [];
  for (const [label, list] of byLabel) {
    const expected = expectOne(label, list);
    if (expected) out.push(expected);
  }
  return out.sort((a, b) => a.label.localeCompare(b.label));
}

function expectOne(label: string, list: LedgerEntry[]): ExpectedPackageQuantity | null {
  let start: { quantity: number; unit: string; licenseId: number } | null = null;
  let delta = 0;
  let lastSentAt = '';
  for (const entry of [...list].sort((a, b) => a.id - b.id)) {
    // A rejected report that was dismissed never reached Metrc's books; one in doubt may have.
    if (entry.status === 'dismissed' && !entry.inDoubt) continue;
    if (entry.status !== 'sent' || entry.inDoubt || !entry.lastSentAt) return null;
    let payload: Json;
    try {
      payload = JSON.parse(entry.payload) as Json;
    } catch {
      return null;
    }
    const change = changeOf(entry, payload, label);
    if (!change) return null;
    if (change.kind === 'created') {
      if (start || !change.unit) return null;
      start = { quantity: change.quantity, unit: change.unit, licenseId: entry.licenseId };
    } else {
      // Changes before Tracegate created it, or in another unit, cannot be placed.
      if (!start || (change.unit !== null && change.unit !== start.unit)) return null;
      delta += change.quantity;
    }
    if (entry.lastSentAt > lastSentAt) lastSentAt = entry.lastSentAt;
  }
  if (!start) return null;
  return {
    licenseId: start.licenseId,
    label,
    quantity: Number((start.quantity + delta).toFixed(4)),
    unitOfMeasure: start.unit,
    lastSentAt,
  };
}

/**
 * The ledger over the outbox. `changedSince` names the packages a recent report touched;
 * `expectedQuantities` reads the whole history of the given packages only (indexed by label).
 */
export function createPackageLedger(db: Kysely<DB>) {
  const repo = createSubmissionsRepo(db);
  return {
    /** Packages touched by a report sent at or after `since`. */
    changedSince: (organizationId: number, since: Date): Promise<string[]> =>
      repo.packagesSentSince(organizationId, toTimestamp(since)),

    async expectedQuantities(
      organizationId: number,
      labels: readonly string[],
    ): Promise<ExpectedPackageQuantity[]> {
      const wanted = new Set(labels);
      if (wanted.size === 0) return [];
      const rows = await repo.touchingPackages(organizationId, [...wanted]);
      return expectPackageQuantities(
        rows.map((r) => ({
          id: r.id,
          licenseId: r.license_id,
          kind: r.kind,
          payload: r.payload,
          status: r.status,
          inDoubt: Boolean(r.in_doubt),
          lastSentAt: r.last_sent_at === null ? null : new Date(r.last_sent_at).toISOString(),
          // A split also touches a package not asked for, whose history was not read.
          labels: packageLabelsOf(r.touches).filter((label) => wanted.has(label)),
        })),
      );
    },
  };
}

export type PackageLedger = ReturnType<typeof createPackageLedger>;
