import { inspect } from 'node:util';

const REDACTED = '[REDACTED]';
/** Values shorter than this are not worth scrubbing from log text (too many false hits). */
const MIN_SCRUB_LENGTH = 8;
/** Bounded so a long-running process does not remember every password it ever saw. */
const MAX_REMEMBERED = 10_000;

const remembered = new Set<string>();

/**
 * A value that must never be printed: API keys, passwords, tokens. Its JSON, string and inspect
 * forms are `[REDACTED]`; only `reveal()` gives the value, at the one place that needs it.
 * Every Secret's value is also remembered (bounded) so the logger can scrub it from any text.
 *
 * @example
 * const key = new Secret(body.apiKey);
 * JSON.stringify({ key }); // {"key":"[REDACTED]"}
 * fetch(url, { headers: { authorization: basic(vendor.reveal(), key.reveal()) } });
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
    rememberSecretText(value);
  }

  reveal(): string {
    return this.#value;
  }

  /** Last four characters, the only part of a key ever shown. */
  fingerprint(): string {
    return this.#value.length <= 4 ? '****' : `…${this.#value.slice(-4)}`;
  }

  equals(other: Secret): boolean {
    return other.#value === this.#value;
  }

  toJSON(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}

/** Remember a secret string that arrived outside a Secret (e.g. a raw header) for scrubbing. */
export function rememberSecretText(value: string): void {
  if (value.length < MIN_SCRUB_LENGTH) return;
  if (remembered.has(value)) return;
  if (remembered.size >= MAX_REMEMBERED) {
    const oldest = remembered.values().next().value;
    if (oldest !== undefined) remembered.delete(oldest);
  }
  remembered.add(value);
}

/** Replaces every remembered secret in `text` with `[REDACTED]`. */
export function scrubSecrets(text: string): string {
  if (remembered.size === 0) return text;
  let out = text;
  for (const value of remembered) {
    if (out.includes(value)) out = out.split(value).join(REDACTED);
    // JSON-escaped form, in case the value holds characters JSON escapes.
    const escaped = JSON.stringify(value).slice(1, -1);
    if (escaped !== value && out.includes(escaped)) out = out.split(escaped).join(REDACTED);
  }
  return out;
}
