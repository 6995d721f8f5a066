/**
 * Counts the SQL statements this process sends, for the drain bench's `statementsPerRequest`:
 * a count, unlike CPU, does not move with the machine's load, so it shows at once what a change
 * to the outbox's round trips did. Wraps the drivers' own entry points (node-postgres'
 * `Client#query`, better-sqlite3's statement runs), so every statement counts: Kysely's, the
 * limiter store's, LISTEN's. BENCH_STATEMENT_BREAKDOWN=1 also counts them per text, which the
 * drain bench prints to stderr. Bench-only: the product never loads this.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';

let count = 0;
/** Per statement text (its first 90 characters), when BENCH_STATEMENT_BREAKDOWN=1. */
const byText = process.env.BENCH_STATEMENT_BREAKDOWN === '1' ? new Map<string, number>() : null;

function textOf(self: unknown, args: unknown[]): string {
  const first = args[0];
  const text =
    typeof first === 'string'
      ? first
      : typeof first === 'object' && first !== null && 'text' in first
        ? String((first as { text: unknown }).text)
        : String((self as { source?: unknown }).source ?? '?');
  return text.replace(/\s+/g, ' ').replace('/* prepared */ ', '').slice(0, 90);
}

function counted<T extends object>(target: T, names: readonly (keyof T & string)[]) {
  for (const name of names) {
    const original = target[name] as unknown as (...args: unknown[]) => unknown;
    Object.defineProperty(target, name, {
      configurable: true,
      writable: true,
      value: function (this: unknown, ...args: unknown[]) {
        count++;
        if (byText) {
          const text = textOf(this, args);
          byText.set(text, (byText.get(text) ?? 0) + 1);
        }
        return original.apply(this, args);
      },
    });
  }
}

counted(pg.Client.prototype, ['query']);
// A better-sqlite3 statement's class is not exported: reach it through one statement.
const probe = new SQLite(':memory:');
counted(Object.getPrototypeOf(probe.prepare('select 1')), ['run', 'get', 'all', 'iterate']);
probe.close();

export const statementCounter = {
  /** Statements sent since the last `reset`. */
  read: () => count,
  reset: () => {
    count = 0;
    byText?.clear();
  },
  /** The counts per statement text, most first (empty unless BENCH_STATEMENT_BREAKDOWN=1). */
  breakdown: (): Array<[string, number]> => [...(byText ?? [])].sort((a, b) => b[1] - a[1]),
};
