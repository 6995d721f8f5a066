import { randomInt } from 'node:crypto';
import { Secret } from '../lib/index.ts';
import { authErrors } from './auth-errors.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Throws AUTH_PASSWORD_TOO_WEAK unless the password has a sane length. */
export function assertPasswordAcceptable(password: Secret): void {
  const length = password.reveal().length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    throw authErrors.AUTH_PASSWORD_TOO_WEAK();
  }
}

/** Unambiguous characters only: one-time passwords get read aloud and typed by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random 20-character password (~115 bits), for first sign-in and resets. */
export function generateOneTimePassword(): Secret {
  let out = '';
  for (let i = 0; i < 20; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return new Secret(out, { scrub: 'never' });
}

/** `Green Leaf Co.` → `green-leaf-co` */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'org';
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
