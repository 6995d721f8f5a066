// The emulator serves the same states the product knows; the table's home is src/metrc.
export {
  METRC_STATE_TIME_ZONES,
  METRC_STATES,
  type MetrcState,
  parseMetrcState,
} from '../../metrc/metrc-states.ts';
