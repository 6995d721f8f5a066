/**
 * A circuit per state (per process): after `threshold` consecutive outage-like failures (5xx,
 * timeouts, resets) a state's licenses stop sending until a probe time; then one request goes
 * out as the probe, and a success closes the circuit so the queues drain.
 */
import type { Clock } from '../lib/index.ts';

interface Circuit {
  failures: number;
  openUntil: number;
  probeMs: number;
  probing: boolean;
}

export interface StateCircuits {
  /** null: may send now; otherwise wait until then. Grants the probe to one caller. */
  admit(state: string): Date | null;
  success(state: string): void;
  failure(state: string): void;
  isOpen(state: string): boolean;
}

export function createStateCircuits(deps: {
  clock: Clock;
  threshold: number;
  probeMs: number;
  maxMs: number;
}): StateCircuits {
  const circuits = new Map<string, Circuit>();
  const get = (state: string) => {
    let circuit = circuits.get(state);
    if (!circuit) {
      circuit = { failures: 0, openUntil: 0, probeMs: deps.probeMs, probing: false };
      circuits.set(state, circuit);
    }
    return circuit;
  };
  const now = () => deps.clock.now().getTime();

  return {
    admit(state) {
      const circuit = get(state);
      if (circuit.failures < deps.threshold) return null;
      if (now() < circuit.openUntil) return new Date(circuit.openUntil);
      if (circuit.probing) return new Date(now() + 1_000);
      circuit.probing = true;
      return null;
    },
    success(state) {
      const circuit = get(state);
      circuit.failures = 0;
      circuit.probing = false;
      circuit.probeMs = deps.probeMs;
    },
    failure(state) {
      const circuit = get(state);
      circuit.failures++;
      if (circuit.failures >= deps.threshold) {
        if (circuit.probing) circuit.probeMs = Math.min(circuit.probeMs * 2, deps.maxMs);
        circuit.probing = false;
        circuit.openUntil = now() + circuit.probeMs;
      }
    },
    isOpen: (state) => get(state).failures >= deps.threshold,
  };
}
