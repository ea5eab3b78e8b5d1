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

function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code, message } = current as { code?: string; message?: string };
    if (code && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
    if (
      message &&
      /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/.test(message)
    )
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

// Text PostgreSQL cannot store (a NUL character, say) is the client's input, not our failure.
const invalidTextCodes = new Set(['22021', '22P05']);

function isInvalidText(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code } = current as { code?: string };
    if (code && invalidTextCodes.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
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
