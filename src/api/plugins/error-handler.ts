import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, commonErrors, isAppError } from '../../lib/index.ts';

/** The one wire shape of every error. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  requestId: string;
}

const FASTIFY_CODES: Record<string, () => AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => commonErrors.REQUEST_MALFORMED_JSON(),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => commonErrors.REQUEST_MALFORMED_JSON(),
  FST_ERR_CTP_BODY_TOO_LARGE: () => commonErrors.REQUEST_TOO_LARGE(),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => commonErrors.REQUEST_UNSUPPORTED_MEDIA_TYPE(),
};

/** Maps any thrown error to an AppError; unknown errors become INTERNAL_ERROR. */
export function toAppError(error: FastifyError | Error): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    return commonErrors.REQUEST_INVALID({
      details: {
        issues: error.validation.map((issue) => ({
          in: where,
          path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
          message: issue.message,
        })),
      },
    });
  }
  const code = (error as FastifyError).code;
  const mapped = code ? FASTIFY_CODES[code] : undefined;
  if (mapped) return mapped();
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return new AppError('REQUEST_INVALID', { status }, commonErrors.REQUEST_INVALID().message);
  }
  return commonErrors.INTERNAL_ERROR();
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const body: ErrorBody = { code: error.code, message: error.message, requestId: request.id };
  if (error.details !== undefined) body.details = error.details;
  const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)
    ?.retryAfterSeconds;
  if (retryAfter) reply.header('retry-after', String(retryAfter));
  return reply.status(error.status).type('application/json').send(body);
}

/** Errors are mapped to the wire in one place; the log keeps the cause, the client gets a code. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code }, 'request rejected');
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, commonErrors.ROUTE_NOT_FOUND()),
  );
}

/**
 * Errors Fastify raises before routing (a path such as `/api/users/%zz` that is not valid
 * percent-encoding): they bypass `setErrorHandler`, so without this they leave in Fastify's own
 * shape, without a catalogued code.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const appError =
    error.code === 'FST_ERR_BAD_URL'
      ? commonErrors.REQUEST_INVALID({ message: 'The URL is not valid percent-encoding.' })
      : toAppError(error);
  void sendError(request, reply, appError);
}
