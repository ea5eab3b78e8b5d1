import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorStatus } from '../../core/errors.ts';
import { describeIssues, errorMessage, type FieldError } from '../../core/messages.ts';
import { requestLocale } from './locale.ts';

type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: FieldError[]; [key: string]: unknown };
};

/** What a 503 tells clients and proxies: try again after this many seconds. */
export const retryAfterSeconds = 5;

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  extra: Record<string, unknown> = {},
): FastifyReply {
  const body: ErrorBody = { error: { code, message: errorMessage(code, requestLocale(request)), ...extra } };
  if (errorStatus[code] === 503) reply.header('retry-after', String(retryAfterSeconds));
  return reply.code(errorStatus[code]).type('application/json; charset=utf-8').send(body);
}

// Node's socket errors and PostgreSQL's SQLSTATEs that mean the database is out of reach, not that the request
// was wrong: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or shutting
// down), 53300 too_many_connections; class 08 (connection exception) is matched by its prefix.
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

// What node-postgres says, without a code, when it loses or cannot get a connection. Anchored: a wrapper's
// message may quote the query's parameters, which are the user's text.
const unavailableMessages =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)/;

type Cause = { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

/** Whether the error or one of its causes matches: drivers wrap each other's errors, and a connection attempt
 * to several addresses fails with an AggregateError of them. */
function anyCause(error: unknown, matches: (cause: Cause) => boolean, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const current = error as Cause;
  if (matches(current)) return true;
  if (Array.isArray(current.errors) && current.errors.some((e) => anyCause(e, matches, depth + 1)))
    return true;
  return anyCause(current.cause, matches, depth + 1);
}

/** Whether an error means the database cannot be reached (a 503 worth retrying), whatever wraps it. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return anyCause(
    error,
    ({ code, message }) =>
      (typeof code === 'string' && (unavailableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code))) ||
      (typeof message === 'string' && unavailableMessages.test(message)),
  );
}

// Text PostgreSQL cannot store (a NUL character, say) is the client's input, not our failure.
const invalidTextCodes = new Set(['22021', '22P05']);

function isInvalidText(error: unknown): boolean {
  return anyCause(error, ({ code }) => typeof code === 'string' && invalidTextCodes.has(code));
}

/** One error shape for the whole API: `{ error: { code, message, fields? } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const { fields, ...rest } = error.details ?? {};
      if (Array.isArray(fields)) {
        return sendError(request, reply, error.code, {
          fields: describeIssues(fields as Parameters<typeof describeIssues>[0], requestLocale(request)),
          ...rest,
        });
      }
      return sendError(request, reply, error.code, rest);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        ...(v.params as Record<string, unknown>),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '',
      }));
      return sendError(request, reply, 'VALIDATION_FAILED', {
        fields: describeIssues(issues, requestLocale(request)),
      });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(request, reply, 'PAYLOAD_TOO_LARGE');
    if (error.statusCode === 429) return sendError(request, reply, 'RATE_LIMITED');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, wrong content type and the like: the client's fault, told in our shape.
      return sendError(request, reply, 'VALIDATION_FAILED');
    }
    if (isInvalidText(error)) return sendError(request, reply, 'VALIDATION_FAILED');
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return sendError(request, reply, 'DATABASE_UNAVAILABLE');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL');
  });
}
