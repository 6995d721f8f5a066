/**
 * Metrc's status codes and bodies (metrc-api.md §5). Metrc runs on ASP.NET Web API, so where a
 * source gives no body the emulator uses that framework's standard `{"Message": …}` text.
 */
import type { AuthFailureShape } from '../emulator-config.ts';

export interface RowError {
  row: number;
  message: string;
}

/** A Metrc answer other than success; operations throw it, the pipeline writes it. */
export class MetrcReply extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`Metrc ${status}`);
  }
}

/** Marks the emulator's answer to a route it does not implement (Metrc sends no such header). */
export const UNIMPLEMENTED_HEADER = 'x-emulator-unimplemented';

export const RATE_LIMIT_MESSAGE =
  'The limit of API calls allowed has been exceeded. Please pace the usage rate of the API more apart.';

export const metrcReplies = {
  /** Bad key, unknown license, section the license type lacks, missing permission: all 401. */
  unauthorized: () =>
    new MetrcReply(401, { Message: 'Authorization has been denied for this request.' }),
  /** 401 with no body at all: OM models 401 so; some deployments answer it. */
  unauthorizedEmpty: () => new MetrcReply(401, undefined),
  /** 403 for a denial (license, license type, permission) when a scenario asks for it. */
  forbidden: () =>
    new MetrcReply(403, {
      Message: 'The authenticated user does not have access to the requested resource.',
    }),
  /** A whole-request problem: `{"Message": …}`. */
  badRequest: (message: string) => new MetrcReply(400, { Message: message }),
  /** Validation of a write: `[{"row":i,"message":…}]`, 0-based rows; nothing was changed. */
  rowErrors: (rows: RowError[]) => new MetrcReply(400, rows),
  noData: () => new MetrcReply(400, { Message: 'No data was submitted.' }),
  /** An endpoint this state does not have (or a wrong path): ASP.NET's route miss. */
  noSuchResource: (url: string) =>
    new MetrcReply(404, {
      Message: `No HTTP resource was found that matches the request URI '${url}'.`,
    }),
  /** A route the emulator does not implement: Metrc's route miss, marked for tests. */
  notImplemented: (url: string) =>
    new MetrcReply(
      404,
      { Message: `No HTTP resource was found that matches the request URI '${url}'.` },
      { [UNIMPLEMENTED_HEADER]: '1' },
    ),
  /** An object id or label that does not exist at all. */
  objectNotFound: (what: string) => new MetrcReply(404, { Message: `${what} was not found.` }),
  /** Retired endpoints (Bulletin 90) and wrong methods on them. */
  methodNotAllowed: (method: string) =>
    new MetrcReply(405, {
      Message: `The requested resource does not support http method '${method}'.`,
    }),
  tooLarge: (max: number) =>
    new MetrcReply(413, { Message: `No more than ${max} objects may be submitted per request.` }),
  bodyTooLarge: () => new MetrcReply(413, { Message: 'The request body is too large.' }),
  unsupportedMediaType: (type: string) =>
    new MetrcReply(415, {
      Message: `The request entity's media type '${type}' is not supported for this resource.`,
    }),
  tooManyRequests: (retryAfterSeconds: number | null) =>
    new MetrcReply(
      429,
      { Message: RATE_LIMIT_MESSAGE },
      retryAfterSeconds === null ? {} : { 'retry-after': String(retryAfterSeconds) },
    ),
  serverError: (status: number) => new MetrcReply(status, { Message: 'An error has occurred.' }),
  unavailable: () => new MetrcReply(503, { Message: 'The service is unavailable.' }),
};

/**
 * A 401 as the configured auth-failure shape: `empty` drops the body; `forbidden` turns a denial
 * (the key was good, the license, license type or permission was not) into a 403.
 */
export function shapeAuthFailure(
  reply: MetrcReply,
  shape: AuthFailureShape,
  kind: 'key' | 'denial',
): MetrcReply {
  if (reply.status !== 401 || shape === 'message') return reply;
  if (shape === 'forbidden') return kind === 'denial' ? metrcReplies.forbidden() : reply;
  return metrcReplies.unauthorizedEmpty();
}
