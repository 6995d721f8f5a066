import { defineErrors } from '../lib/index.ts';

export const licensesErrors = defineErrors('licenses', {
  LICENSE_DUPLICATE: {
    status: 409,
    message: 'This organization already has that license number in that state.',
    description: 'License numbers are unique per organization and state; edit the existing one.',
  },
  LICENSE_STATE_UNKNOWN: {
    status: 400,
    message: 'Unknown Metrc state.',
    description: 'Use the two-letter code of a state that runs Metrc (e.g. `ca`, `co`).',
  },
  LICENSE_TIME_ZONE_INVALID: {
    status: 400,
    message: 'Unknown time zone.',
    description: 'Use an IANA zone name such as `America/Denver`.',
  },
});
