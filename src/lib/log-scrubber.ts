/**
 * The log scrubber's memory: secret values that could reach a log line (Metrc keys, tokens in
 * an error message), and a scan that replaces them with `[REDACTED]`.
 *
 * Two lifetimes: `lifetime` values (keys kept in the vault, vendor keys, the master key) stay
 * for the life of the process; `short` values (a key pasted in a request) live in a bounded FIFO,
 * so a long-running process does not remember every key it was ever shown. Passwords are never
 * registered: they are never logged, and remembering them would keep them in memory.
 *
 * Cost per line is flat in the number of remembered values: every value is at least
 * `MIN_SCRUB_LENGTH` long and is indexed by its first `MIN_SCRUB_LENGTH` characters, so a line
 * costs one map lookup per character (see docs/decisions/0012-log-scrubber.md).
 */

const REDACTED = '[REDACTED]';
/** Values shorter than this are not worth scrubbing from log text (too many false hits). */
export const MIN_SCRUB_LENGTH = 8;
/** How many short-lived values are remembered; the oldest is forgotten first. */
export const MAX_SHORT_LIVED = 10_000;

export type ScrubLifetime = 'short' | 'lifetime';

const lifetime = new Set<string>();
const shortLived = new Set<string>();
/** First MIN_SCRUB_LENGTH characters → the forms (raw and JSON-escaped) that start with them. */
const byPrefix = new Map<string, Set<string>>();

function formsOf(value: string): string[] {
  const escaped = JSON.stringify(value).slice(1, -1);
  return escaped === value ? [value] : [value, escaped];
}

function index(value: string): void {
  for (const form of formsOf(value)) {
    const prefix = form.slice(0, MIN_SCRUB_LENGTH);
    let forms = byPrefix.get(prefix);
    if (!forms) {
      forms = new Set();
      byPrefix.set(prefix, forms);
    }
    forms.add(form);
  }
}

function unindex(value: string): void {
  for (const form of formsOf(value)) {
    const prefix = form.slice(0, MIN_SCRUB_LENGTH);
    const forms = byPrefix.get(prefix);
    forms?.delete(form);
    if (forms?.size === 0) byPrefix.delete(prefix);
  }
}

/**
 * Remembers a value to scrub from every log line. A `lifetime` registration wins over (and
 * outlives) a `short` one of the same value.
 */
export function registerScrubbedSecret(value: string, kind: ScrubLifetime = 'short'): void {
  if (value.length < MIN_SCRUB_LENGTH || lifetime.has(value)) return;
  if (kind === 'lifetime') {
    shortLived.delete(value);
    lifetime.add(value);
    index(value);
    return;
  }
  if (shortLived.has(value)) return;
  if (shortLived.size >= MAX_SHORT_LIVED) {
    const oldest = shortLived.values().next().value;
    if (oldest !== undefined) {
      shortLived.delete(oldest);
      unindex(oldest);
    }
  }
  shortLived.add(value);
  index(value);
}

/** How many values are remembered, by lifetime (for tests and the bench). */
export function scrubberSize(): { lifetime: number; short: number } {
  return { lifetime: lifetime.size, short: shortLived.size };
}

/** Replaces every remembered secret in `text` with `[REDACTED]`. */
export function scrubSecrets(text: string): string {
  if (byPrefix.size === 0 || text.length < MIN_SCRUB_LENGTH) return text;
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  const last = text.length - MIN_SCRUB_LENGTH;
  while (i <= last) {
    const forms = byPrefix.get(text.slice(i, i + MIN_SCRUB_LENGTH));
    let matched = 0;
    if (forms) {
      for (const form of forms) {
        if (form.length > matched && text.startsWith(form, i)) matched = form.length;
      }
    }
    if (matched > 0) {
      out += text.slice(copiedUpTo, i) + REDACTED;
      i += matched;
      copiedUpTo = i;
    } else {
      i++;
    }
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}
