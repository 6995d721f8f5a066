/**
 * Failures on demand, scoped by state and optionally path prefix and method: latency (fixed,
 * uniform or log-normal), a 5xx rate, a 429 rate, timeouts, connection resets, "commit the
 * write then drop the response", outage windows per state, and one malformed record in an
 * otherwise good list page (a field of the wrong type). Randomness is seeded.
 */
import type { Clock } from '../../lib/index.ts';
import { emulatorErrors } from '../emulator-errors.ts';
import { parseMetrcState } from '../state/metrc-states.ts';

export const FAULT_KINDS = [
  'latency',
  'status',
  'rate-limit',
  'timeout',
  'reset',
  'drop-after-commit',
  'outage',
  'corrupt-record',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultInput {
  kind: FaultKind;
  /** Only requests to this state (`ca`); all states when absent. Required for outages. */
  state?: string;
  /** Only paths under this prefix, after the state (`/sales/v2/receipts`). */
  path?: string;
  /** Only this HTTP method. */
  method?: string;
  /** Chance that a matching request is hit, 0..1 (default 1). */
  probability?: number;
  /** Hit at most this many requests, then the fault removes itself. */
  times?: number;
  /** latency: fixed delay. */
  ms?: number;
  /** latency: uniform between minMs and maxMs. */
  minMs?: number;
  maxMs?: number;
  /** latency: log-normal with this median and 99th percentile. */
  medianMs?: number;
  p99Ms?: number;
  /** status: the 5xx to answer (default 500). */
  status?: number;
  /** timeout: destroy the connection after this long; by default hold it until the client gives up. */
  afterMs?: number;
  /** outage: window in emulator time, ISO timestamps or a duration from now. */
  startsAt?: string;
  endsAt?: string;
  durationMs?: number;
  /** corrupt-record: the field of one record to spoil (default `Id`). */
  field?: string;
  /** corrupt-record: the value it gets instead (default a string, the wrong type for an id). */
  value?: unknown;
  /** corrupt-record: which record of the page, from 0 (default 0; past the end: the last). */
  recordIndex?: number;
}

export interface FaultRule extends FaultInput {
  id: string;
  hits: number;
  createdAt: string;
}

export interface FaultDecision {
  /** Total injected delay before anything else happens. */
  latencyMs: number;
  /** Replaces the response before the operation runs (status, rate-limit, timeout, reset, outage). */
  before: FaultRule | undefined;
  /** The operation runs and commits; then the connection is dropped without an answer. */
  dropAfterCommit: FaultRule | undefined;
  /**
   * The operation runs; one record of its list answer is spoiled before it is sent. Not yet
   * a hit: `hit(rule)` counts it once an answer with a record is there (an empty page is not).
   */
  corruptRecord: FaultRule | undefined;
}

export interface FaultInjector {
  add(input: FaultInput): FaultRule;
  remove(id: string): void;
  clear(): void;
  list(): FaultRule[];
  decide(state: string, method: string, path: string): FaultDecision;
  /** Rolls a deferred rule's probability and counts the hit (false: it does not apply). */
  hit(rule: FaultRule): boolean;
}

const Z_99 = 2.326347874;

export function createFaultInjector(random: () => number, clock: Clock): FaultInjector {
  let rules: FaultRule[] = [];
  let serial = 0;

  const matches = (rule: FaultRule, state: string, method: string, path: string) =>
    (rule.state === undefined || rule.state === state) &&
    (rule.method === undefined || rule.method === method) &&
    (rule.path === undefined || normalisePath(path).startsWith(rule.path));

  const inWindow = (rule: FaultRule) => {
    const now = clock.now().getTime();
    const start = rule.startsAt ? Date.parse(rule.startsAt) : Number.NEGATIVE_INFINITY;
    const end = rule.endsAt ? Date.parse(rule.endsAt) : Number.POSITIVE_INFINITY;
    return now >= start && now < end;
  };

  /** Rolls the rule's probability and counts the hit; removes it when `times` is used up. */
  const fire = (rule: FaultRule) => {
    if (random() >= (rule.probability ?? 1)) return false;
    rule.hits += 1;
    if (rule.times !== undefined && rule.hits >= rule.times)
      rules = rules.filter((r) => r !== rule);
    return true;
  };

  const delay = (rule: FaultRule) => {
    if (rule.ms !== undefined) return rule.ms;
    if (rule.minMs !== undefined && rule.maxMs !== undefined)
      return rule.minMs + random() * (rule.maxMs - rule.minMs);
    if (rule.medianMs !== undefined && rule.p99Ms !== undefined) {
      const sigma = Math.log(rule.p99Ms / rule.medianMs) / Z_99;
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return rule.medianMs * Math.exp(sigma * z);
    }
    return 0;
  };

  return {
    add(input) {
      const rule: FaultRule = {
        ...validate(input, clock),
        id: `fault-${++serial}`,
        hits: 0,
        createdAt: clock.now().toISOString(),
      };
      rules.push(rule);
      return rule;
    },
    remove(id) {
      if (!rules.some((rule) => rule.id === id))
        throw emulatorErrors.EMULATOR_UNKNOWN_FAULT({ details: { id } });
      rules = rules.filter((rule) => rule.id !== id);
    },
    clear() {
      rules = [];
    },
    list: () => rules.map((rule) => ({ ...rule })),
    hit: (rule) => rules.includes(rule) && fire(rule),
    decide(state, method, path) {
      const decision: FaultDecision = {
        latencyMs: 0,
        before: undefined,
        dropAfterCommit: undefined,
        corruptRecord: undefined,
      };
      for (const rule of [...rules]) {
        if (!matches(rule, state, method, path)) continue;
        if (rule.kind === 'outage') {
          if (!decision.before && inWindow(rule) && fire(rule)) decision.before = rule;
        } else if (rule.kind === 'latency') {
          if (fire(rule)) decision.latencyMs += delay(rule);
        } else if (rule.kind === 'drop-after-commit') {
          if (!decision.dropAfterCommit && fire(rule)) decision.dropAfterCommit = rule;
        } else if (rule.kind === 'corrupt-record') {
          decision.corruptRecord ??= rule;
        } else if (!decision.before && fire(rule)) {
          decision.before = rule;
        }
      }
      return decision;
    },
  };
}

function normalisePath(path: string): string {
  const lower = path.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}

function invalid(message: string, details?: unknown): never {
  throw emulatorErrors.EMULATOR_CONTROL_INVALID({ message, details });
}

function validate(input: FaultInput, clock: Clock): FaultInput {
  if (typeof input !== 'object' || input === null) invalid('A fault must be a JSON object.');
  if (!FAULT_KINDS.includes(input.kind)) invalid(`kind must be one of ${FAULT_KINDS.join(', ')}.`);
  const out: FaultInput = { ...input };
  if (input.state !== undefined) {
    const state = parseMetrcState(input.state);
    if (!state) invalid(`Unknown state "${input.state}".`);
    out.state = state;
  }
  if (input.path !== undefined) {
    if (typeof input.path !== 'string' || !input.path.startsWith('/'))
      invalid('path must start with "/".');
    out.path = normalisePath(input.path);
  }
  if (input.method !== undefined) out.method = String(input.method).toUpperCase();
  const nonNegative = (name: keyof FaultInput) => {
    const value = input[name];
    if (
      value !== undefined &&
      (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    ) {
      invalid(`${name} must be a number of 0 or more.`);
    }
  };
  for (const name of [
    'ms',
    'minMs',
    'maxMs',
    'medianMs',
    'p99Ms',
    'afterMs',
    'durationMs',
    'times',
    'recordIndex',
  ] as const)
    nonNegative(name);
  if (input.probability !== undefined && !(input.probability >= 0 && input.probability <= 1)) {
    invalid('probability must be between 0 and 1.');
  }
  if (input.kind === 'latency') {
    const fixed = input.ms !== undefined;
    const uniform =
      input.minMs !== undefined && input.maxMs !== undefined && input.maxMs >= input.minMs;
    const lognormal =
      input.medianMs !== undefined &&
      input.p99Ms !== undefined &&
      input.p99Ms >= input.medianMs &&
      input.medianMs > 0;
    if (!fixed && !uniform && !lognormal)
      invalid('latency needs ms, or minMs ≤ maxMs, or 0 < medianMs ≤ p99Ms.');
  }
  if (input.kind === 'status') {
    out.status = input.status ?? 500;
    if (!Number.isInteger(out.status) || out.status < 500 || out.status > 599)
      invalid('status must be a 5xx code.');
  }
  if (input.kind === 'corrupt-record') {
    out.field = input.field ?? 'Id';
    if (typeof out.field !== 'string' || out.field === '') invalid('field must be a field name.');
    if (!('value' in input)) out.value = 'not-a-number';
  }
  if (input.kind === 'outage') {
    if (!out.state) invalid('An outage needs a state.');
    const now = clock.now().getTime();
    for (const name of ['startsAt', 'endsAt'] as const) {
      if (input[name] !== undefined && Number.isNaN(Date.parse(String(input[name]))))
        invalid(`${name} must be an ISO timestamp.`);
    }
    if (input.durationMs !== undefined) {
      const start = input.startsAt ? Date.parse(input.startsAt) : now;
      out.startsAt = new Date(start).toISOString();
      out.endsAt = new Date(start + input.durationMs).toISOString();
    }
  }
  return out;
}
