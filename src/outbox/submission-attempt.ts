/**
 * One request that went out (or may have) and what its settle writes on each of its rows: one
 * more attempt, when, and under which key. `sending` returns it; whichever settle follows
 * writes it, so a request costs one write per row, not two.
 */
import { sql } from 'kysely';
import type { RoutedKey } from './key-router.ts';

export interface Attempt {
  at: string;
  key: Pick<RoutedKey, 'credentialId' | 'fingerprint' | 'attribution'>;
}

export function attemptValues(attempt: Attempt | undefined) {
  if (!attempt) return {};
  return {
    attempts: sql<number>`attempts + 1`,
    last_sent_at: attempt.at,
    // Null if the key was deleted while its request was out (the fingerprint and attribution
    // stay): a foreign-key error here would stop the license for good.
    credential_id: sql<
      number | null
    >`(select id from credentials where id = ${attempt.key.credentialId})`,
    key_fingerprint: attempt.key.fingerprint,
    attribution: attempt.key.attribution,
  };
}
