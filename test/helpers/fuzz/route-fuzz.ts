import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import type { RouteAccess } from '../../../src/api/index.ts';
import { errorCatalogue } from '../../../src/lib/index.ts';
import { CALLER_NAMES, type CallerName, type FuzzWorld } from './fuzz-world.ts';
import { arbitraryFor, type JsonSchema } from './schema-arbitraries.ts';

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

/** One route to fuzz: from the OpenAPI document, or (hidden routes) from the route catalogue. */
export interface FuzzOperation {
  method: string;
  /** OpenAPI form: `/api/users/{id}`. */
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}

/**
 * Every route of the app, found at run time: the route catalogue (every route registers there,
 * or start-up fails) joined with its OpenAPI operation for the schemas. A route added later by
 * any feature is fuzzed without touching this file.
 */
export function fuzzOperations(doc: OpenApiDocument, catalogue: RouteAccess[]): FuzzOperation[] {
  return catalogue.map((route) => {
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation = doc.paths[path]?.[route.method.toLowerCase()];
    const parameters = operation?.parameters ?? [];
    // Path parameters of hidden routes still need values.
    for (const match of path.matchAll(/\{([^}]+)\}/g)) {
      if (!parameters.some((p) => p.in === 'path' && p.name === match[1])) {
        parameters.push({ in: 'path', name: match[1] as string, required: true });
      }
    }
    return {
      method: route.method,
      path,
      parameters,
      body: operation?.requestBody?.content?.['application/json']?.schema,
    };
  });
}

export interface FuzzCase {
  operation: FuzzOperation;
  caller: CallerName;
  url: string;
  payload?: { contentType: string; text: string };
}

const RAW_SEGMENTS = ['%', '%zz', '..', '%2e%2e', ''] as const;

function encodeSegment(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate has no UTF-8 form: send the bytes of one anyway (invalid UTF-8).
    return '%ED%A0%80';
  }
}

/** Requests for an operation: parameters and body from its schema, with hostile variants. */
export function fuzzCaseArbitrary(
  operations: FuzzOperation[],
  hints: Record<string, readonly unknown[]>,
): fc.Arbitrary<FuzzCase> {
  return fc
    .record({ operation: fc.constantFrom(...operations), caller: fc.constantFrom(...CALLER_NAMES) })
    .chain(({ operation, caller }) => {
      const path = operation.parameters.filter((p) => p.in === 'path');
      const query = operation.parameters.filter((p) => p.in === 'query');
      const pathValues = fc.tuple(
        ...path.map((p) =>
          fc.oneof(
            {
              weight: 20,
              arbitrary: arbitraryFor(p.schema, { hints, name: p.name }).map(encodeSegment),
            },
            { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
          ),
        ),
      );
      const queryValues = fc.tuple(
        ...query.map((p) =>
          fc.option(arbitraryFor(p.schema, { hints, name: p.name }).map(encodeSegment), {
            freq: 2,
          }),
        ),
      );
      const json = operation.body
        ? arbitraryFor(operation.body, { hints })
        : fc.jsonValue({ maxDepth: 1 });
      const payload = fc.oneof(
        {
          weight: operation.body ? 16 : 1,
          arbitrary: json.map((v) => ({
            contentType: 'application/json',
            text: JSON.stringify(v) ?? 'null',
          })),
        },
        { weight: operation.body ? 0 : 6, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            { contentType: 'application/json', text: '{"a":' },
            { contentType: 'application/json', text: '' },
            { contentType: 'text/plain', text: 'hello' },
            { contentType: 'application/x-www-form-urlencoded', text: 'a=1' },
            { contentType: 'application/json', text: '{"__proto__":{"role":"admin"}}' },
          ),
        },
      );
      return fc.tuple(pathValues, queryValues, payload).map(([pv, qv, body]) => {
        let i = 0;
        const url = operation.path.replace(/\{[^}]+\}/g, () => pv[i++] ?? '');
        const search = query
          .map((p, j) => (qv[j] == null ? null : `${encodeURIComponent(p.name)}=${qv[j]}`))
          .filter((s): s is string => s !== null);
        return {
          operation,
          caller,
          url: search.length > 0 ? `${url}?${search.join('&')}` : url,
          payload: body,
        };
      });
    });
}

export interface FuzzStats {
  cases: number;
  http5xx: number;
  routes: number;
  /** Error responses whose body is not `{ code, requestId }` with a catalogued code. */
  uncatalogued: number;
  /** Refused requests after which some row had changed. */
  refusedButChanged: number;
  statuses: Record<string, number>;
  failures: string[];
}

/**
 * Runs one case and checks the three promises: never a 5xx; every error is a catalogued
 * `{ code, requestId }`; a refused request (4xx) changes nothing.
 */
export function createFuzzRunner(world: FuzzWorld, operations: FuzzOperation[]) {
  const catalogued = new Set(errorCatalogue().map((e) => e.code));
  const stats: FuzzStats = {
    cases: 0,
    http5xx: 0,
    routes: operations.length,
    uncatalogued: 0,
    refusedButChanged: 0,
    statuses: {},
    failures: [],
  };
  let current: string | undefined;

  async function run(c: FuzzCase): Promise<string | null> {
    current ??= await world.snapshot();
    const options: InjectOptions = {
      method: c.operation.method as InjectOptions['method'],
      url: c.url,
      headers: { ...world.headersFor(c.caller) },
    };
    if (c.payload) {
      options.payload = c.payload.text;
      (options.headers as Record<string, string>)['content-type'] = c.payload.contentType;
    }
    const res = await world.t.app.inject(options);
    stats.cases++;
    stats.statuses[res.statusCode] = (stats.statuses[res.statusCode] ?? 0) + 1;
    const where = `${c.caller} ${c.operation.method} ${c.url} ${c.payload?.text.slice(0, 300) ?? ''}`;
    let problem: string | null = null;
    if (res.statusCode >= 500) {
      stats.http5xx++;
      problem = `${res.statusCode} ${res.body.slice(0, 300)} for ${where}`;
    }
    if (res.statusCode >= 400) {
      let code: unknown;
      let requestId: unknown;
      try {
        ({ code, requestId } = res.json() as { code?: unknown; requestId?: unknown });
      } catch {}
      if (typeof code !== 'string' || !catalogued.has(code) || typeof requestId !== 'string') {
        stats.uncatalogued++;
        problem ??= `uncatalogued error ${res.statusCode} ${res.body.slice(0, 200)} for ${where}`;
      }
      const after = await world.snapshot();
      if (after !== current) {
        stats.refusedButChanged++;
        problem ??= `refused with ${res.statusCode} ${res.body.slice(0, 200)} but rows changed, for ${where}`;
        current = after;
      }
    } else if (c.operation.method !== 'GET') {
      await world.heal();
      current = await world.snapshot();
    }
    if (problem && stats.failures.length < 20) stats.failures.push(problem);
    return problem;
  }

  return { run, stats };
}

/** The document and the operations of a running world. */
export async function operationsOf(world: FuzzWorld): Promise<FuzzOperation[]> {
  const doc = (await world.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  return fuzzOperations(doc as OpenApiDocument, world.t.app.routeCatalogue);
}
