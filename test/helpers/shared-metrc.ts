import { existsSync } from 'node:fs';

/**
 * The design pack's Metrc data files (`../shared/metrc/` next to the checkout). Tests may read
 * them; the product never does. CI has them, so there a missing folder fails loudly; elsewhere
 * (a clone on its own) the tests that need them are skipped with the reason. `SHARED_METRC_DIR`
 * points elsewhere (a git worktree whose parent has no `shared/`).
 */
export const SHARED_METRC_DIR = process.env.SHARED_METRC_DIR
  ? new URL(`file://${process.env.SHARED_METRC_DIR.replace(/\/?$/, '/')}`)
  : new URL('../../../shared/metrc/', import.meta.url);

export function sharedMetrcFile(name: string): URL {
  return new URL(name, SHARED_METRC_DIR);
}

const missing = !existsSync(sharedMetrcFile('openmetrc-v2.yaml'));
if (missing && process.env.CI === 'true') {
  throw new Error(`CI=true but the Metrc data files are missing: ${SHARED_METRC_DIR.pathname}`);
}

/** A skip reason for node:test when the files are absent, else false. */
export const SHARED_METRC_SKIP: string | false = missing
  ? `needs ${SHARED_METRC_DIR.pathname} (the design pack's Metrc data files)`
  : false;
