/**
 * Kysely queries built and compiled once, then run with new parameter values: for the reads
 * every request repeats (token, license, member, policy) and the mirror's page upserts, building
 * and compiling the query again costs more than running it. On PostgreSQL they also run as
 * prepared statements, planned once per connection (pg-prepared-statements.ts). See
 * docs/decisions/0016-precompiled-hot-queries.md.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { PREPARED_MARK } from './pg-prepared-statements.ts';

/** Stands in for a parameter while the query is compiled; swapped for the value on each run. */
class Slot {
  constructor(readonly name: string) {}
}

type Executor = Pick<Kysely<never>, 'executeQuery'>;

/** The compiled query and, per parameter, the slot it came from (null: a constant). */
function compileWithSlots<R>(query: Compilable<R>) {
  // Marked: on PostgreSQL it runs as a prepared statement (pg-prepared-statements.ts).
  const plain = query.compile();
  const compiled = { ...plain, sql: PREPARED_MARK + plain.sql };
  const names = compiled.parameters.map((p) => (p instanceof Slot ? p.name : null));
  return {
    /** The compiled query with each slot replaced by `slotValue(its name)`. */
    bind(slotValue: (name: string) => unknown): CompiledQuery<R> {
      const parameters = compiled.parameters.map((p, i) => {
        const name = names[i];
        return name === null || name === undefined ? p : slotValue(name);
      });
      return { ...compiled, parameters };
    },
  };
}

export interface PrecompiledQuery<A, R> {
  /** Every row. `executor`: a transaction to run in (default: the database given). */
  all(args: A, executor?: Executor): Promise<R[]>;
  /** The first row, or undefined. */
  first(args: A, executor?: Executor): Promise<R | undefined>;
  /** How many rows an update, insert or delete changed. */
  affected(args: A, executor?: Executor): Promise<number>;
}

/**
 * `build` receives stand-ins for its arguments and must pass each, untouched, where Kysely takes
 * a value (`where(col, '=', args.x)`, `values({ col: args.x })`): it is compiled on first use
 * with the stand-ins as parameters. Anything computed from an argument (`args.x.toUpperCase()`)
 * is the caller's to compute before the call, and a list (`in`) cannot be an argument (its
 * length would be fixed at compile time). Constants stay as compiled.
 *
 * @example
 * const byHash = precompile(db, (a: { hash: string }) =>
 *   db.selectFrom('api_tokens').selectAll().where('token_hash', '=', a.hash));
 * const row = await byHash.first({ hash });
 */
export function precompile<A extends Record<string, unknown>, R>(
  db: Executor,
  build: (args: A) => Compilable<R>,
): PrecompiledQuery<A, R> {
  let template: ReturnType<typeof compileWithSlots<R>> | undefined;

  function run(args: A, executor: Executor) {
    template ??= compileWithSlots(
      build(new Proxy({} as A, { get: (_, name) => new Slot(String(name)) })),
    );
    return executor.executeQuery<R>(template.bind((name) => args[name]));
  }

  return {
    all: async (args, executor = db) => (await run(args, executor)).rows,
    first: async (args, executor = db) => (await run(args, executor)).rows[0],
    affected: async (args, executor = db) =>
      Number((await run(args, executor)).numAffectedRows ?? 0),
  };
}

/**
 * A multi-row statement (an upsert of a page of rows) compiled once per row count: `build`
 * receives rows whose `columns` are stand-ins and must pass them through as values, and `shared`,
 * stand-ins for values common to every row (read like `precompile`'s arguments). Runs on the
 * executor given per call, so it works inside a transaction.
 *
 * @example
 * const upsert = precompileRows((db, rows: Row[]) => db.insertInto('t').values(rows), ['a', 'b']);
 * await upsert(trx, rows);
 */
export function precompileRows<
  DB,
  Row extends object,
  Shared extends Record<string, unknown> = Record<string, never>,
>(
  build: (executor: Kysely<DB>, rows: Row[], shared: Shared) => Compilable,
  columns: readonly (keyof Row & string)[],
) {
  const templates = new Map<number, ReturnType<typeof compileWithSlots>>();
  const key = (row: number, column: string) => `${row}\u0000${column}`;
  const sharedStandIn = new Proxy({} as Shared, { get: (_, name) => new Slot(String(name)) });
  return async (executor: Kysely<DB>, rows: Row[], shared?: Shared): Promise<void> => {
    let template = templates.get(rows.length);
    if (!template) {
      const stand = Array.from(
        { length: rows.length },
        (_, r) => Object.fromEntries(columns.map((c) => [c, new Slot(key(r, c))])) as Row,
      );
      template = compileWithSlots(build(executor, stand, sharedStandIn));
      templates.set(rows.length, template);
    }
    await executor.executeQuery(
      template.bind((name) => {
        const [row, column] = name.split('\u0000');
        if (column === undefined) return shared?.[name];
        return (rows[Number(row)] as Record<string, unknown>)[column];
      }),
    );
  };
}
