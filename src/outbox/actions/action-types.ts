/**
 * One action Tracegate can report to Metrc. Each family file (`sales-receipt-actions.ts`,
 * `package-actions.ts`, …) exports a list of these; `action-catalogue.ts` collects them. The
 * dispatcher knows nothing about any kind: it validates, orders, batches, sends and reconciles
 * through this interface alone.
 */
import type { z } from 'zod';
import type { LicenseFeatures } from '../../licenses/index.ts';
import type { MetrcApi, MetrcWriteResult } from '../../metrc/index.ts';

/** The families of the catalogue, one file each under `src/outbox/actions/`. */
export type ActionFamily = 'sales' | 'packages' | 'plants' | 'harvests' | 'plantBatches';

/**
 * A Metrc object an action touches, as `type:identity`: `package:1A4FF…`, `plant:1A4FF…`,
 * `receipt:POS-42`, `harvest:Blue Dream 11-26`, `plantBatch:Clones-7`. A submission that fails
 * steps out of line; later submissions touching one of its objects wait behind it.
 */
export type MetrcObjectRef = `${string}:${string}`;

/** What an action needs to know to build its Metrc row, besides its payload. */
export interface ActionContext {
  /** Metrc license number the submission reports for. */
  licenseNumber: string;
  /** IANA zone of the license: `SalesDateTime` is facility-local without a zone. */
  timeZone: string;
  /** When it happened in the business, as the actor said: every Metrc date comes from this. */
  occurredAt: Date;
  /**
   * The submission's external reference, unique per license (e.g. a receipt's
   * `ExternalReceiptNumber`): always set, so an ambiguous failure can be reconciled.
   */
  reference: string;
}

export interface SendInput<Row> {
  licenseNumber: string;
  /** One row per submission; exactly one unless the action has `batch`. */
  rows: readonly Row[];
  signal?: AbortSignal | undefined;
}

export interface LookupInput<P, Row> {
  licenseNumber: string;
  payload: P;
  row: Row;
  context: ActionContext;
  /** When the ambiguous attempt was sent: lookups that scan windows start a bit before. */
  sentAt: Date;
  signal?: AbortSignal | undefined;
}

/** After an ambiguous failure: did the write land in Metrc? */
export type LookupOutcome = { landed: true; metrcIds: number[] } | { landed: false };

/**
 * One action kind. `P` is the validated payload (what the API accepts), `Row` the Metrc body
 * row built from it.
 *
 * @example
 * export const voidReceipt: OutboxAction<VoidPayload, { Id: number }> = {
 *   kind: 'sales.receipt.void', family: 'sales', feature: 'sales', batch: null, …
 * };
 */
export interface OutboxAction<P = unknown, Row = unknown> {
  /** Stable, dotted: `sales.receipt.create`. Stored on every submission; never rename. */
  readonly kind: string;
  readonly family: ActionFamily;
  /** One line for people: "Record a sales receipt". */
  readonly title: string;
  /** Validates the API payload; issues name the field (`lines.0.quantity`). Strict: no extras. */
  readonly payloadSchema: z.ZodType<P>;
  /** The license must have this feature (rule 11): a cultivator cannot record sales. */
  readonly feature: keyof LicenseFeatures;
  /**
   * Metrc takes this endpoint as an array of rows: consecutive submissions of this kind under one
   * key go out together, up to `min(maxRows, configured batch size)`. null: one per request.
   */
  readonly batch: { maxRows: number } | null;
  /**
   * Metrc answers a repeat of this write with the same outcome (a PUT setting absolute values):
   * after an ambiguous failure it may be sent again without a lookup.
   */
  readonly idempotent: boolean;
  /** The Metrc objects this submission touches, for step-aside ordering. */
  touches(payload: P, context: Pick<ActionContext, 'reference'>): MetrcObjectRef[];
  /**
   * Fills in Metrc ids the payload refers to by our own reference (e.g. the `Id` of a receipt
   * created through Tracegate, found by its external number). Runs just before sending. Throws
   * `OutboxActionError` when the object does not exist: the submission fails like a 400.
   */
  resolve?(api: MetrcApi, payload: P, context: ActionContext): Promise<P>;
  /** The Metrc body row: pure, from payload, time and license (no I/O). */
  toRow(payload: P, context: ActionContext): Row;
  /** Sends the rows with the client (once: the client never retries a write). */
  send(api: MetrcApi, input: SendInput<Row>): Promise<MetrcWriteResult>;
  /**
   * After an ambiguous failure: asks Metrc whether this row landed. Absent for `idempotent`
   * actions. A lookup that itself fails throws; the submission is retried later, still
   * ambiguous.
   */
  lookup?(api: MetrcApi, input: LookupInput<P, Row>): Promise<LookupOutcome>;
}

/** Any action, as the catalogue and the dispatcher hold it. */
// biome-ignore lint/suspicious/noExplicitAny: the catalogue is heterogeneous by design.
export type AnyOutboxAction = OutboxAction<any, any>;
