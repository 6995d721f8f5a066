/**
 * A Kysely query built and compiled once, then run with new parameter values: for the few reads
 * every request repeats (token, license, member, policy), building and compiling the query again
 * costs more than running it. See docs/decisions/0016-precompiled-hot-queries.md.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/** Stands in for a parameter while the query is compiled; swapped for the value on each run. */
class Slot {
  constructor(readonly name: string) {}
}

export interface PrecompiledQuery<A, R> {
  /** Every row. */
  all(args: A): Promise<R[]>;
  /** The first row, or undefined. */
  first(args: A): Promise<R | undefined>;
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
  db: Pick<Kysely<never>, 'executeQuery'>,
  build: (args: A) => Compilable<R>,
): PrecompiledQuery<A, R> {
  let compiled: CompiledQuery<R> | undefined;
  let names: (string | null)[] = [];

  function compile(): CompiledQuery<R> {
    const stand = new Proxy({} as A, {
      get: (_, name) => new Slot(String(name)),
    });
    const query = build(stand).compile();
    names = query.parameters.map((p) => (p instanceof Slot ? p.name : null));
    compiled = query;
    return query;
  }

  async function all(args: A): Promise<R[]> {
    const query = compiled ?? compile();
    const parameters = query.parameters.map((p, i) => {
      const name = names[i];
      return name === null || name === undefined ? p : args[name];
    });
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  }

  return {
    all,
    first: async (args) => (await all(args))[0],
  };
}
