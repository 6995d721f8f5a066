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
    credential_id: attempt.key.credentialId,
    key_fingerprint: attempt.key.fingerprint,
    attribution: attempt.key.attribution,
  };
}
