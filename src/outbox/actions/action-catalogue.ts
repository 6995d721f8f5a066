/**
 * Every action kind the outbox can report. A family adds its list here (one line); nothing else
 * in the outbox names a kind.
 */
import type { AnyOutboxAction } from './action-types.ts';
import { HARVEST_ACTIONS } from './harvest-actions.ts';
import { PACKAGE_ACTIONS } from './package-actions.ts';
import { PLANT_ACTIONS } from './plant-actions.ts';
import { PLANT_BATCH_ACTIONS } from './plant-batch-actions.ts';
import { SALES_RECEIPT_ACTIONS } from './sales-receipt-actions.ts';

const FAMILIES: ReadonlyArray<readonly AnyOutboxAction[]> = [
  SALES_RECEIPT_ACTIONS,
  // packages, plants, harvests, plant batches: one list each, appended here.
  PACKAGE_ACTIONS,
  PLANT_ACTIONS,
  HARVEST_ACTIONS,
  PLANT_BATCH_ACTIONS,
];

export const ACTIONS: ReadonlyMap<string, AnyOutboxAction> = new Map(
  FAMILIES.flat().map((action) => [action.kind, action]),
);

/** The action of a kind, or undefined when no family defines it. */
export function actionFor(kind: string): AnyOutboxAction | undefined {
  return ACTIONS.get(kind);
}

/** Kinds in catalogue order (for errors, OpenAPI and `GET /api/submission-kinds`). */
export function actionKinds(): string[] {
  return [...ACTIONS.keys()];
}
