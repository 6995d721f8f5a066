/** A record the emulator tracks: a numeric id and a `LastModified` stamp in microseconds. */
export interface Tracked {
  id: number;
  lastModified: number;
}

/**
 * One resource of one license (its packages, receipts…), iterated in `LastModified` order.
 * A Map keeps insertion order, so re-inserting on every change keeps the order without
 * sorting on each read — list calls over 5,000 packages stay cheap.
 */
export class RecordCollection<T extends Tracked> {
  readonly #byId = new Map<number, T>();

  get size(): number {
    return this.#byId.size;
  }

  get(id: number): T | undefined {
    return this.#byId.get(id);
  }

  /** Adds or moves a record to the end; call after its `lastModified` advanced. */
  put(record: T): void {
    this.#byId.delete(record.id);
    this.#byId.set(record.id, record);
  }

  delete(id: number): boolean {
    return this.#byId.delete(id);
  }

  values(): IterableIterator<T> {
    return this.#byId.values();
  }

  /** Restores `LastModified` order after seeding back-dated records in any order. */
  sortByLastModified(): void {
    const sorted = [...this.#byId.values()].sort(
      (a, b) => a.lastModified - b.lastModified || a.id - b.id,
    );
    this.#byId.clear();
    for (const record of sorted) this.#byId.set(record.id, record);
  }
}
