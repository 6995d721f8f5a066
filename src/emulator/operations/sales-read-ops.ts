/** Sales receipts: active/inactive lists, `/{id}` with lines, and lookup by external number. */

import { envelope, listResponse } from '../http/list-response.ts';
import { metrcReplies } from '../http/metrc-replies.ts';
import type { ReceiptRecord } from '../state/records.ts';
import { wireReceipt } from '../wire/wire-sales.ts';
import { idParam, licenseOf, ownedRecord, PERMS, scoped } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';

/**
 * Finalised receipts leave the active set like voided ones: Metrc moved "finalized/finished
 * data out of active sets" to cut load (NV_IB_0039); unfinalize brings them back.
 */
export function isActiveReceipt(receipt: ReceiptRecord): boolean {
  return receipt.archivedAt === null && !receipt.isFinal;
}

function list(active: boolean) {
  return (ctx: OperationContext) => {
    function* matching() {
      for (const receipt of licenseOf(ctx).receipts.values()) {
        if (isActiveReceipt(receipt) === active) yield receipt;
      }
    }
    return listResponse(ctx, matching(), (receipt) => wireReceipt(ctx.state, receipt, false), {
      window: 'lastModifiedOrSales',
      // Receipts without any window: none at all (NY production; metrc-api.md fact 6).
      bare: 'nothing',
      salesDateTime: (receipt) => receipt.salesDateTime,
      envelope: true,
    });
  };
}

/**
 * `GET /sales/v2/receipts/external/{externalNumber}`, in the state's configured shape. Metrc's
 * documentation shows one receipt object and a 404 when none (the default, `object`); OM models
 * a paged envelope and some deployments answer a bare array, so those are per-state options.
 * Metrc does not dedupe external numbers: the object is the latest receipt recorded under it [U].
 */
function byExternalNumber(ctx: OperationContext) {
  const wanted = ctx.params.externalNumber ?? '';
  const matches = [...licenseOf(ctx).receipts.values()]
    .filter((receipt) => receipt.externalReceiptNumber === wanted)
    .sort((a, b) => a.id - b.id);
  const render = (receipt: ReceiptRecord) => wireReceipt(ctx.state, receipt, false);
  const shape = ctx.config.externalReceiptLookup[ctx.metrcState] ?? 'object';
  if (shape === 'envelope') return { body: envelope(ctx, matches, render) };
  if (shape === 'array') return { body: matches.map(render) };
  const latest = matches.at(-1);
  if (!latest) throw metrcReplies.objectNotFound(`Sales Receipt ${wanted}`);
  return { body: wireReceipt(ctx.state, latest, true) };
}

const view = { license: 'required', permissions: [PERMS.viewSales], gate: 'sales' } as const;

export const salesReadOperations: OperationSpec[] = [
  operation('GET', '/sales/v2/receipts/active', view, list(true)),
  operation('GET', '/sales/v2/receipts/inactive', view, list(false)),
  operation('GET', '/sales/v1/receipts/active', view, list(true)),
  operation('GET', '/sales/v1/receipts/inactive', view, list(false)),
  operation('GET', '/sales/v2/receipts/{id}', scoped(view), (ctx) => ({
    body: wireReceipt(
      ctx.state,
      ownedRecord(ctx, ctx.state.index.receipts, idParam(ctx), `Receipt ${ctx.params.id}`),
      true,
    ),
  })),
  operation('GET', '/sales/v2/receipts/external/{externalNumber}', view, byExternalNumber),
];
