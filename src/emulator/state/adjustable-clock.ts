import type { Clock } from '../../lib/index.ts';

/** The emulator's clock: real time plus an offset tests can move forward (`POST /_emulator/clock`). */
export interface AdjustableClock extends Clock {
  advance(ms: number): void;
  offsetMs(): number;
}

export function createAdjustableClock(base: Clock): AdjustableClock {
  let offset = 0;
  return {
    now: () => new Date(base.now().getTime() + offset),
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new Error('the clock only moves forward');
      offset += ms;
    },
    offsetMs: () => offset,
  };
}
