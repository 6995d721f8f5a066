/**
 * A small deterministic PRNG (mulberry32), so one seed gives the same keys, ids and data on
 * every machine. Not for cryptography: emulator keys are test fixtures, not secrets.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** Letters and digits, the alphabet of Metrc API keys. */
  token(length: number): string;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, maxInclusive: number) =>
    min + Math.floor(next() * (maxInclusive - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    token: (length: number) => {
      let out = '';
      for (let i = 0; i < length; i++) out += KEY_ALPHABET[int(0, KEY_ALPHABET.length - 1)];
      return out;
    },
  };
}
