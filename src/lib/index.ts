export { AppError, defineErrors, type ErrorSpec, errorCatalogue, isAppError } from './app-error.ts';
export {
  type Clock,
  type ClockTimer,
  createManualClock,
  type ManualClock,
  systemClock,
  type TimerClock,
  toTimestamp,
} from './clock.ts';
export { commonErrors } from './common-errors.ts';
export { renderErrorDocs } from './error-docs.ts';
export { randomHexId, randomToken, safeEqual, sha256Hex } from './ids.ts';
export {
  MAX_SHORT_LIVED,
  registerScrubbedSecret,
  type ScrubLifetime,
  scrubberSize,
  scrubSecrets,
} from './log-scrubber.ts';
export {
  createLogger,
  createSilentLogger,
  type Logger,
  REDACT_PATHS,
  redactQuery,
  redactUrl,
} from './logger.ts';
export { rememberSecretText, Secret, type SecretOptions } from './secret.ts';
