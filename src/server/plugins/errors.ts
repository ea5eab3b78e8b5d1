import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorStatus } from '../../core/errors.ts';
import { describeIssues, errorMessage, type FieldError } from '../../core/messages.ts';
import { requestLocale } from './locale.ts';

type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: FieldError[]; [key: string]: unknown };
};

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  extra: Record<string, unknown> = {},
): FastifyReply {
  const body: ErrorBody = { error: { code, message: errorMessage(code, requestLocale(request)), ...extra } };
  return reply.code(errorStatus[code]).type('application/json; charset=utf-8').send(body);
}

// PostgreSQL error classes that mean the database is out of reach, not that the request was wrong.
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

/** Whether the error or one of its causes (drivers wrap each other's errors) matches. */
function anyCause(error: unknown, matches: (cause: { code?: string; message?: string }) => boolean): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (matches(current as { code?: string; message?: string })) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function isDatabaseUnavailable(error: unknown): boolean {
  return anyCause(
    error,
    ({ code, message }) =>
      (code !== undefined && (unavailableCodes.has(code) || code.startsWith('08'))) ||
      (message !== undefined &&
        /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/.test(message)),
  );
}

// Text PostgreSQL cannot store (a NUL character, say) is the client's input, not our failure.
const invalidTextCodes = new Set(['22021', '22P05']);

function isInvalidText(error: unknown): boolean {
  return anyCause(error, ({ code }) => code !== undefined && invalidTextCodes.has(code));
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
      return sendError(request, reply, 'SERVICE_UNAVAILABLE');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL');
  });
}
