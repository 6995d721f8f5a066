/**
 * Every tunable of the emulator's Metrc behaviour, with Metrc's numbers as defaults
 * (metrc-api.md §3–§4). Changeable at run time through `PATCH /_emulator/config`.
 */
export interface EmulatorLimits {
  /** GETs per second per license (`licenseNumber`). Metrc: 50. */
  licenseGetsPerSecond: number;
  /** Concurrent GETs per license. Metrc: 10. */
  licenseGetsInFlight: number;
  /** GETs per second per vendor key. Metrc: 150. */
  vendorGetsPerSecond: number;
  /** Concurrent GETs per vendor key. Metrc: 30. */
  vendorGetsInFlight: number;
  /**
   * Token-bucket depth in seconds of rate: a quiet client may burst this much. Metrc's depth is
   * unpublished; a tenth of a second (5 GETs per license, 15 per vendor key) is strict enough
   * that only a paced client sees no 429s. Buckets refill on the emulator's clock.
   */
  burstSeconds: number;
  /** Adds `Retry-After` to 429s when set; Metrc's use of it is undocumented, so off by default. */
  retryAfterSeconds: number | null;
  /** Largest `pageSize` accepted. Metrc: 20. */
  maxPageSize: number;
  /** Longest lastModified window on v1 list endpoints, in hours. Metrc: 24. */
  v1MaxWindowHours: number;
  /** Longest lastModified window on v2, in hours; null = unlimited (NY production, 2026). */
  v2MaxWindowHours: number | null;
  /** A list call without any window returns records modified in this many past hours. */
  bareWindowHours: number;
  /** Rows accepted per write; more answers 413. Null = no limit (the rule is unconfirmed). */
  maxWriteRows: number | null;
}

/**
 * How `GET /sales/v2/receipts/external/{externalNumber}` answers: one receipt object and 404
 * when none (Metrc's documentation, the default), OM's paged envelope, or a bare array.
 */
export type ExternalReceiptShape = 'object' | 'envelope' | 'array';
export const EXTERNAL_RECEIPT_SHAPES: readonly ExternalReceiptShape[] = [
  'object',
  'envelope',
  'array',
];

/**
 * How authorization failures look: `message` is 401 `{"Message":…}` for everything; `empty` is
 * 401 with no body (OM models 401 so); `forbidden` answers 403 `{"Message":…}` for denials
 * (license, license type, permission) while bad keys stay 401 (metrc-api.md §5 keeps 403 as
 * an option).
 */
export type AuthFailureShape = 'message' | 'empty' | 'forbidden';
export const AUTH_FAILURE_SHAPES: readonly AuthFailureShape[] = ['message', 'empty', 'forbidden'];

export interface EmulatorConfig {
  limits: EmulatorLimits;
  /** Successful writes answer an empty 200 (v1, older v2) or `{"Ids":[…],"Warnings":null}`. */
  writeResponse: 'ids' | 'empty';
  /** Refuse a second receipt with the same ExternalReceiptNumber (Metrc does not; off). */
  rejectDuplicateExternalReceiptNumbers: boolean;
  /** Per state (lower case); states not named answer `object`. Deployments differ. */
  externalReceiptLookup: Partial<Record<string, ExternalReceiptShape>>;
  authFailures: AuthFailureShape;
}

export const DEFAULT_LIMITS: EmulatorLimits = {
  licenseGetsPerSecond: 50,
  licenseGetsInFlight: 10,
  vendorGetsPerSecond: 150,
  vendorGetsInFlight: 30,
  burstSeconds: 0.1,
  retryAfterSeconds: null,
  maxPageSize: 20,
  v1MaxWindowHours: 24,
  v2MaxWindowHours: null,
  bareWindowHours: 24,
  maxWriteRows: null,
};

export interface EmulatorConfigPatch {
  limits?: Partial<EmulatorLimits>;
  writeResponse?: EmulatorConfig['writeResponse'];
  rejectDuplicateExternalReceiptNumbers?: boolean;
  /** Merged into the current per-state shapes; `null` for a state restores the default. */
  externalReceiptLookup?: Partial<Record<string, ExternalReceiptShape | null>>;
  authFailures?: AuthFailureShape;
}

export function createEmulatorConfig(patch: EmulatorConfigPatch = {}): EmulatorConfig {
  return applyConfigPatch(
    {
      limits: { ...DEFAULT_LIMITS },
      writeResponse: 'ids',
      rejectDuplicateExternalReceiptNumbers: false,
      externalReceiptLookup: {},
      authFailures: 'message',
    },
    patch,
  );
}

/** A new config with `patch` applied; throws a readable Error on a bad value. */
export function applyConfigPatch(
  config: EmulatorConfig,
  patch: EmulatorConfigPatch,
): EmulatorConfig {
  const limits = { ...config.limits };
  for (const [name, value] of Object.entries(patch.limits ?? {})) {
    if (value === undefined) continue;
    if (!(name in DEFAULT_LIMITS)) throw new Error(`unknown limit "${name}"`);
    const nullable =
      name === 'retryAfterSeconds' || name === 'v2MaxWindowHours' || name === 'maxWriteRows';
    if (value === null && nullable) {
      (limits as Record<string, number | null>)[name] = null;
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new Error(`limit "${name}" must be a positive number${nullable ? ' or null' : ''}`);
    }
    (limits as Record<string, number | null>)[name] = value;
  }
  const writeResponse = patch.writeResponse ?? config.writeResponse;
  if (writeResponse !== 'ids' && writeResponse !== 'empty') {
    throw new Error('writeResponse must be "ids" or "empty"');
  }
  const dedupe =
    patch.rejectDuplicateExternalReceiptNumbers ?? config.rejectDuplicateExternalReceiptNumbers;
  if (typeof dedupe !== 'boolean')
    throw new Error('rejectDuplicateExternalReceiptNumbers must be a boolean');
  const externalReceiptLookup = { ...config.externalReceiptLookup };
  for (const [state, shape] of Object.entries(patch.externalReceiptLookup ?? {})) {
    if (shape === null || shape === undefined) delete externalReceiptLookup[state.toLowerCase()];
    else if (!EXTERNAL_RECEIPT_SHAPES.includes(shape))
      throw new Error(
        `externalReceiptLookup.${state} must be one of ${EXTERNAL_RECEIPT_SHAPES.join(', ')}`,
      );
    else externalReceiptLookup[state.toLowerCase()] = shape;
  }
  const authFailures = patch.authFailures ?? config.authFailures;
  if (!AUTH_FAILURE_SHAPES.includes(authFailures))
    throw new Error(`authFailures must be one of ${AUTH_FAILURE_SHAPES.join(', ')}`);
  return {
    limits,
    writeResponse,
    rejectDuplicateExternalReceiptNumbers: dedupe,
    externalReceiptLookup,
    authFailures,
  };
}
