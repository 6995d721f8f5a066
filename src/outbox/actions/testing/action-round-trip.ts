/**
 * For the action families' tests: one submission's life against the emulator, as the engine
 * lives it — validate, build the row, ask whether it landed (it must not have), send it over a
 * real socket, ask again (it must have).
 */
import assert from 'node:assert/strict';
import type { MetrcApi } from '../../../metrc/index.ts';
import type { ActionContext, AnyOutboxAction } from '../action-types.ts';

export interface RoundTrip {
  ids: number[];
  row: unknown;
}

export async function roundTrip(
  api: MetrcApi,
  action: AnyOutboxAction,
  rawPayload: unknown,
  context: ActionContext,
): Promise<RoundTrip> {
  const payload = action.payloadSchema.parse(rawPayload);
  const row = action.toRow(payload, context);
  const sentAt = new Date(Date.now() - 1_000);
  const lookup = action.lookup;
  const look = lookup
    ? () => lookup(api, { licenseNumber: context.licenseNumber, payload, row, context, sentAt })
    : undefined;
  if (look) assert.deepEqual(await look(), { landed: false }, `${action.kind}: landed before`);
  const result = await action.send(api, { licenseNumber: context.licenseNumber, rows: [row] });
  if (!look) return { ids: result.ids ?? [], row };
  const after = await look();
  assert.equal(after.landed, true, `${action.kind}: not landed after the write`);
  return { ids: after.landed ? after.metrcIds : [], row };
}
