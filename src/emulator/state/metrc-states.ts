// The emulator serves the same states the product knows; the table lives in src/lib.
export {
  METRC_STATE_TIME_ZONES,
  METRC_STATES,
  type MetrcState,
  parseMetrcState,
} from '../../lib/metrc-states.ts';
