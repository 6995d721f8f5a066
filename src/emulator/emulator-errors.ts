import { defineErrors } from '../lib/index.ts';

/**
 * Errors of the emulator itself (its control API and its loud failures), as `{code, message,
 * details}`. Metrc-facing routes answer with Metrc's own bodies instead; see metrc-replies.ts.
 */
export const emulatorErrors = defineErrors('emulator', {
  EMULATOR_UNKNOWN_STATE: {
    status: 404,
    message: 'No Metrc state is served under this prefix.',
    description:
      'The first path segment must be a state code from docs/emulator.md (e.g. /ca/, /co/).',
  },
  EMULATOR_CONTROL_NOT_FOUND: {
    status: 404,
    message: 'No such control route.',
    description: 'The path under /_emulator/ is not part of the control API in docs/emulator.md.',
  },
  EMULATOR_CONTROL_INVALID: {
    status: 400,
    message: 'The control request is not valid.',
    description:
      'A field of a /_emulator/ request is missing or has the wrong value; `details` says which.',
  },
  EMULATOR_UNKNOWN_SCENARIO: {
    status: 404,
    message: 'No scenario by that name.',
    description: 'Scenario names are listed by GET /_emulator/scenarios.',
  },
  EMULATOR_UNKNOWN_USER: {
    status: 404,
    message: 'No user with that id.',
    description: 'User ids are listed by GET /_emulator/scenario.',
  },
  EMULATOR_UNKNOWN_LICENSE: {
    status: 404,
    message: 'No license with that number.',
    description: 'License numbers are listed by GET /_emulator/scenario.',
  },
  EMULATOR_UNKNOWN_VENDOR_KEY: {
    status: 404,
    message: 'No vendor key with that id.',
    description: 'Vendor key ids are listed by GET /_emulator/scenario.',
  },
  EMULATOR_UNKNOWN_FAULT: {
    status: 404,
    message: 'No fault with that id.',
    description: 'Active faults are listed by GET /_emulator/faults.',
  },
  EMULATOR_CONFLICT: {
    status: 409,
    message: 'That value is already in use.',
    description: 'A key or license number given to the control API already exists.',
  },
});
