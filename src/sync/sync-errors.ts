import { defineErrors } from '../lib/index.ts';

export const syncErrors = defineErrors('sync', {
  SYNC_NO_FACILITY_KEY: {
    status: 409,
    message: 'This license has no valid facility key, so it cannot be synced.',
    description:
      'Pull sync always uses the license’s facility key (rule 6). Add or fix the facility key under Credentials, then refresh.',
  },
  SYNC_PAUSED: {
    status: 409,
    message: 'Sync of this license is paused because Metrc refused its facility key.',
    description:
      'A 401 during sync pauses the license and re-checks the key. Fix the key; a successful verification or a refresh resumes it.',
  },
  SYNC_LEASE_LOST: {
    status: 409,
    message: 'Another process took over the sync of this license.',
    description:
      'Each license is pulled by one process at a time; a process whose lease expired stops without storing anything more.',
    retryable: true,
  },
  SYNC_BUSY: {
    status: 409,
    message: 'Another process is syncing this license right now.',
    description:
      'Wait for it to finish, or request a refresh: it runs as soon as the lease is free.',
    retryable: true,
  },
  SYNC_RESOURCE_UNKNOWN: {
    status: 400,
    message: 'Unknown sync resource.',
    description:
      'Use one of: facilities, employees, items, strains, locations, packages, plants, plant_batches, harvests, receipts, transfers, lab_results.',
  },
  SYNC_LICENSE_NOT_FOUND: {
    status: 404,
    message: 'No such license in this organization.',
    description: 'Check the license id or number.',
  },
  SYNC_SINCE_INVALID: {
    status: 400,
    message: 'The start of the backfill must be an ISO-8601 time in the past.',
    description: 'Give `since` as e.g. `2026-01-01` or `2026-01-01T00:00:00Z`.',
  },
});
