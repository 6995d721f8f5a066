/**
 * Writes in flight per vendor key (default 30, Metrc's concurrency limit), per process. The
 * Metrc limiter caps GETs and paces writes per license; it has no in-flight cap for writes, so
 * the outbox keeps its own. Waiters are served first come, first served.
 */
export interface WriteCap {
  acquire(vendorKeyId: string): Promise<() => void>;
  inFlight(vendorKeyId: string): number;
}

export function createWriteCap(limit: number): WriteCap {
  const slots = new Map<string, { used: number; waiting: Array<() => void> }>();
  const slot = (id: string) => {
    let entry = slots.get(id);
    if (!entry) {
      entry = { used: 0, waiting: [] };
      slots.set(id, entry);
    }
    return entry;
  };

  return {
    async acquire(vendorKeyId) {
      const entry = slot(vendorKeyId);
      if (entry.used >= limit) await new Promise<void>((resolve) => entry.waiting.push(resolve));
      else entry.used++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const next = entry.waiting.shift();
        // The slot passes straight to the next waiter: `used` stays the same.
        if (next) next();
        else entry.used--;
      };
    },
    inFlight: (vendorKeyId) => slots.get(vendorKeyId)?.used ?? 0,
  };
}
