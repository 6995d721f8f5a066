/**
 * Matches `METHOD /resource/vN/…` (after the state prefix) to an operation. Static segments
 * match case-insensitively (ASP.NET routing) and win over parameters; `{id}` takes digits,
 * `{label}` anything else, other parameters any one segment (already URL-decoded).
 */

import type { HttpMethod, OperationSpec } from '../operations/operation-types.ts';
import { operationKey } from './operation-key.ts';

export interface CompiledOperation extends OperationSpec {
  /** `get_packages_v2_active`: the name shared with openmetrc-state-endpoints.json. */
  key: string;
  version: 1 | 2;
  segments: Segment[];
}

type Segment = { kind: 'static'; text: string } | { kind: 'param'; name: string };

export interface RouteMatch {
  operation: CompiledOperation;
  params: Record<string, string>;
}

export interface RouteTable {
  operations: readonly CompiledOperation[];
  /** The operation for this method and path, or undefined. */
  match(method: string, segments: readonly string[]): RouteMatch | undefined;
}

const DIGITS = /^\d+$/;

export function compileRoutes(specs: readonly OperationSpec[]): RouteTable {
  const operations = specs.map((spec): CompiledOperation => {
    const segments = spec.path
      .split('/')
      .filter(Boolean)
      .map(
        (part): Segment =>
          part.startsWith('{')
            ? { kind: 'param', name: part.slice(1, -1) }
            : { kind: 'static', text: part.toLowerCase() },
      );
    const version = /\/v1(\/|$)/.test(spec.path) ? 1 : 2;
    return { ...spec, key: operationKey(spec.method, spec.path), version, segments };
  });
  const seen = new Set<string>();
  for (const op of operations) {
    const shape = `${op.method} ${op.segments.map((s) => (s.kind === 'static' ? s.text : `{${s.name}}`)).join('/')}`;
    if (seen.has(shape)) throw new Error(`duplicate route ${shape}`);
    seen.add(shape);
  }
  // Bucket by method, first segment and length; most static segments first.
  const buckets = new Map<string, CompiledOperation[]>();
  for (const op of operations) {
    const first = op.segments[0];
    const bucketKey = `${op.method} ${first?.kind === 'static' ? first.text : ''} ${op.segments.length}`;
    const list = buckets.get(bucketKey) ?? [];
    list.push(op);
    buckets.set(bucketKey, list);
  }
  const staticCount = (op: CompiledOperation) =>
    op.segments.filter((s) => s.kind === 'static').length;
  for (const list of buckets.values()) list.sort((a, b) => staticCount(b) - staticCount(a));

  return {
    operations,
    match(method: string, segments: readonly string[]) {
      const list = buckets.get(
        `${method as HttpMethod} ${segments[0]?.toLowerCase() ?? ''} ${segments.length}`,
      );
      if (!list) return undefined;
      for (const op of list) {
        const params = matchSegments(op.segments, segments);
        if (params) return { operation: op, params };
      }
      return undefined;
    },
  };
}

function matchSegments(
  pattern: readonly Segment[],
  segments: readonly string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i];
    const value = segments[i];
    if (!part || value === undefined) return undefined;
    if (part.kind === 'static') {
      if (part.text !== value.toLowerCase()) return undefined;
      continue;
    }
    if (part.name === 'id' && !DIGITS.test(value)) return undefined;
    if (part.name === 'label' && DIGITS.test(value)) return undefined;
    if (value === '') return undefined;
    params[part.name] = value;
  }
  return params;
}
