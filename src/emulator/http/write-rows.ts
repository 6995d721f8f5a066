/**
 * Metrc's write contract (metrc-api.md §5, facts 8–9): bodies are JSON arrays; every row is
 * checked first and any failure rejects the whole request with `[{"row":i,"message":…}]`;
 * success answers an empty 200 or `{"Ids":[…],"Warnings":null}`, as configured.
 */

import type { OperationContext, OperationResult } from '../operations/operation-types.ts';
import { metrcReplies, type RowError } from './metrc-replies.ts';

/** One submitted object, read with case-insensitive field names (Json.NET binding). */
export class Row {
  readonly #fields = new Map<string, unknown>();

  constructor(
    readonly index: number,
    source: Record<string, unknown>,
  ) {
    for (const [name, value] of Object.entries(source)) this.#fields.set(name.toLowerCase(), value);
  }

  raw(name: string): unknown {
    return this.#fields.get(name.toLowerCase());
  }

  /** A non-blank string, trimmed; undefined when absent, null or blank. */
  text(name: string): string | undefined {
    const value = this.raw(name);
    if (typeof value === 'number') return String(value);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }

  /** A finite number (numeric strings accepted, as Json.NET does); undefined otherwise. */
  number(name: string): number | undefined {
    const value = this.raw(name);
    const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
  }

  boolean(name: string): boolean {
    return this.raw(name) === true;
  }

  /** The rows of a nested array field (e.g. `Ingredients`, `Transactions`). */
  list(name: string): Row[] | undefined {
    const value = this.raw(name);
    if (!Array.isArray(value)) return undefined;
    return value.map((item, i) => new Row(i, isObject(item) ? item : {}));
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The submitted rows; a missing, empty or non-array body is "No data was submitted." */
export function readRows(ctx: OperationContext): Row[] {
  const body = ctx.body;
  if (!Array.isArray(body) || body.length === 0) throw metrcReplies.noData();
  const max = ctx.config.limits.maxWriteRows;
  if (max !== null && body.length > max) throw metrcReplies.tooLarge(max);
  return body.map((item, i) => new Row(i, isObject(item) ? item : {}));
}

/** Collects row errors; `throwIfAny` rejects the whole request before anything changes. */
export class RowErrors {
  readonly #errors: RowError[] = [];

  add(row: number, message: string): void {
    this.#errors.push({ row, message });
  }

  get count(): number {
    return this.#errors.length;
  }

  throwIfAny(): void {
    if (this.#errors.length > 0) throw metrcReplies.rowErrors(this.#errors);
  }
}

/** The success answer of a write, per `config.writeResponse`. */
export function writeResult(ctx: OperationContext, ids: readonly number[]): OperationResult {
  return ctx.config.writeResponse === 'ids' ? { body: { Ids: [...ids], Warnings: null } } : {};
}
