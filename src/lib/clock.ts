/** Time as a dependency, so tests can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export function createManualClock(start = new Date('2026-01-01T00:00:00.000Z')) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date: Date) => {
      current = date.getTime();
    },
    advance: (ms: number) => {
      current += ms;
    },
  } satisfies Clock & Record<string, unknown>;
}

/** The one timestamp format stored everywhere: ISO-8601 UTC with milliseconds (sorts as text). */
export function toTimestamp(date: Date): string {
  return date.toISOString();
}
