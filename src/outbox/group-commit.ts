/**
 * Group commit, per key: callers that arrive for the same key in the same turn of the event loop,
 * or while a write of that key is in flight, are written together, in arrival order, by ONE call
 * of `write` (one transaction). Nothing waits on a timer: an idle key writes on the next turn
 * (`setImmediate`, after the I/O already read), so a lone caller is written alone, as without
 * grouping. (On SQLite a transaction never yields to I/O, so only the same-turn callers group.)
 * Keys write independently of each other.
 *
 * Why: the outbox's enqueue ends on a per-organization lock (the audit chain) held until commit;
 * one lock and one commit for a group costs what one did for a single submission.
 *
 * Each caller's promise settles only after its group's `write` settled (committed or failed).
 * When `write` throws `GroupRolledBack` (the transaction rolled back, nothing was written) and the
 * group had more than one item, each item is written again alone, so one bad item does not fail
 * the others and every caller gets its own answer. Any other error (e.g. from COMMIT, whose
 * outcome is unknown) fails the whole group: writing again could write twice.
 *
 * @example
 * const writer = createGroupCommit((rows: Row[]) => db.transaction().execute(...), { maxGroup: 50 });
 * const saved = await writer.add(organizationId, row);
 */
export function createGroupCommit<I, O>(
  write: (items: I[]) => Promise<O[]>,
  options: { maxGroup: number },
) {
  interface Waiting {
    item: I;
    resolve: (value: O) => void;
    reject: (error: unknown) => void;
  }
  const waiting = new Map<string | number, Waiting[]>();
  const busy = new Set<string | number>();

  async function writeGroup(group: Waiting[]): Promise<void> {
    try {
      const results = await write(group.map((w) => w.item));
      group.forEach((w, i) => {
        w.resolve(results[i] as O);
      });
    } catch (error) {
      if (error instanceof GroupRolledBack && group.length > 1) {
        for (const one of group) await writeGroup([one]);
        return;
      }
      const cause = error instanceof GroupRolledBack ? error.cause : error;
      for (const w of group) w.reject(cause);
    }
  }

  async function drain(key: string | number): Promise<void> {
    try {
      for (;;) {
        const queue = waiting.get(key);
        if (!queue || queue.length === 0) break;
        await writeGroup(queue.splice(0, options.maxGroup));
      }
    } finally {
      waiting.delete(key);
      busy.delete(key);
    }
  }

  return {
    /** Writes `item` with whatever else waits for `key`; settles after its group's commit. */
    add(key: string | number, item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        let queue = waiting.get(key);
        if (!queue) {
          queue = [];
          waiting.set(key, queue);
        }
        queue.push({ item, resolve, reject });
        if (!busy.has(key)) {
          busy.add(key);
          setImmediate(() => void drain(key));
        }
      });
    },
  };
}

/** Thrown by a group's `write` when its transaction rolled back: nothing of the group was written. */
export class GroupRolledBack extends Error {
  override readonly name = 'GroupRolledBack';
  constructor(override readonly cause: unknown) {
    super('group write rolled back');
  }
}
