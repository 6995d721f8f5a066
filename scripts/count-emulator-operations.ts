/**
 * Counts the emulator's operations against `openmetrc-v2.yaml`, so coverage is measured, not
 * guessed: `node --import tsx scripts/count-emulator-operations.ts` prints one JSON line
 * (implemented, spec, missing). contract.test.ts asserts the same count (≥ 180) and calls each.
 */

import { compileRoutes } from '../src/emulator/http/route-table.ts';
import { METRC_OPERATIONS } from '../src/emulator/operations/index.ts';
import { loadContractSpec } from '../src/emulator/testing/openapi-schemas.ts';
import { sharedMetrcFile } from '../test/helpers/shared-metrc.ts';

export function countOperations(specUrl: URL = sharedMetrcFile('openmetrc-v2.yaml')) {
  const spec = loadContractSpec(specUrl);
  const implemented = new Set(compileRoutes(METRC_OPERATIONS).operations.map((op) => op.key));
  const missing = spec.operations
    .filter((op) => !implemented.has(op.key))
    .map((op) => `${op.method} ${op.path}`)
    .sort();
  return {
    implemented: spec.operations.length - missing.length,
    spec: spec.operations.length,
    beyondSpec: [...implemented].filter((key) => !spec.operations.some((op) => op.key === key))
      .length,
    missing,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(countOperations()));
