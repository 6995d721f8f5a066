/**
 * Test support: turns `openmetrc-v2.yaml` (OpenAPI 3.0) into validators for the contract tests.
 * Never used at run time. Three documented normalisations, each because OM's generator differs
 * from what Metrc sends (metrc-api.md §3.4, §6):
 * - property names are PascalCase on the wire; OM writes most in camelCase;
 * - `format: date` fields need only start with `yyyy-mm-dd` (OM's own, unanchored pattern), and
 *   `date-time` may lack a zone (`SalesDateTime` is local time without one);
 * - OM's `pattern` on date-times demands `…Z`, contradicting Metrc's `…+00:00` examples, so
 *   patterns on date and date-time strings are dropped.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { operationKey } from '../http/operation-key.ts';

type Node = Record<string, unknown>;

export interface SpecOperation {
  key: string;
  method: string;
  path: string;
  /** The 200 response schema (OpenAPI), when the spec gives one. */
  response: Node | undefined;
}

export interface ContractSpec {
  operations: SpecOperation[];
  /** A validator for an OpenAPI schema node of the spec (after normalisation). */
  validator(schema: Node): ValidateFunction;
  /** The item schema of a list response (envelope `Data` items or bare array items). */
  itemSchema(response: Node): Node | undefined;
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Node;
  if (typeof source.$ref === 'string') {
    return { $ref: `metrc#/definitions/${source.$ref.split('/').pop()}` };
  }
  const out: Node = {};
  for (const [key, value] of Object.entries(source)) {
    if (['nullable', 'example', 'description', 'readOnly', 'writeOnly'].includes(key)) continue;
    if (key === 'pattern' && (source.format === 'date' || source.format === 'date-time')) continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Node).map(([name, schema]) => [pascal(name), convert(schema)]),
      );
    } else if (key === 'required') {
      out.required = (value as string[]).map(pascal);
    } else {
      out[key] = convert(value);
    }
  }
  if (source.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

export function loadContractSpec(url: URL): ContractSpec {
  const doc = parse(readFileSync(url, 'utf8')) as {
    paths: Record<string, Record<string, Node>>;
    components: { schemas: Node };
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date', {
    type: 'string',
    validate: (text: string) =>
      /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(Date.parse(text.slice(0, 10))),
  });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (text: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i.test(text),
  });
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addSchema({ $id: 'metrc', definitions: convert(doc.components.schemas) });

  const operations: SpecOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = (op.responses as Node | undefined)?.['200'] as Node | undefined;
      const schema = (
        (content?.content as Node | undefined)?.['application/json'] as Node | undefined
      )?.schema as Node | undefined;
      operations.push({
        key: operationKey(method, path),
        method: method.toUpperCase(),
        path,
        response: schema,
      });
    }
  }
  const resolve = (node: Node): Node => {
    const inner =
      Array.isArray(node.oneOf) && node.oneOf.length === 1 ? (node.oneOf[0] as Node) : node;
    if (typeof inner.$ref === 'string')
      return doc.components.schemas[inner.$ref.split('/').pop() ?? ''] as Node;
    return inner;
  };
  return {
    operations,
    validator: (schema) => ajv.compile(convert(schema) as Node),
    itemSchema(response) {
      const resolved = resolve(response);
      if (resolved.type === 'array') return resolved.items as Node;
      const data = (resolved.properties as Node | undefined)?.data as Node | undefined;
      return data?.items as Node | undefined;
    },
  };
}
