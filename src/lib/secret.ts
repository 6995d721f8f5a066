import { inspect } from 'node:util';
import { registerScrubbedSecret, type ScrubLifetime } from './log-scrubber.ts';

const REDACTED = '[REDACTED]';

export interface SecretOptions {
  /**
   * Whether the log scrubber remembers the value: `short` (default; a key pasted in a request),
   * `lifetime` (a key kept in the vault), or `never` (passwords: never logged, never remembered).
   */
  scrub?: ScrubLifetime | 'never';
}

/**
 * A value that must never be printed: API keys, passwords, tokens. Its JSON, string and inspect
 * forms are `[REDACTED]`; only `reveal()` gives the value, at the one place that needs it.
 * Unless told `scrub: 'never'`, the value is also registered with the log scrubber.
 *
 * @example
 * const key = new Secret(body.apiKey);
 * JSON.stringify({ key }); // {"key":"[REDACTED]"}
 * fetch(url, { headers: { authorization: basic(vendor.reveal(), key.reveal()) } });
 * const password = new Secret(body.password, { scrub: 'never' });
 */
export class Secret {
  readonly #value: string;

  constructor(value: string, options: SecretOptions = {}) {
    this.#value = value;
    const scrub = options.scrub ?? 'short';
    if (scrub !== 'never') registerScrubbedSecret(value, scrub);
  }

  reveal(): string {
    return this.#value;
  }

  /** Keeps this value in the scrubber for the life of the process (it is stored, long-lived). */
  scrubForLifetime(): this {
    registerScrubbedSecret(this.#value, 'lifetime');
    return this;
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
  registerScrubbedSecret(value, 'short');
}
