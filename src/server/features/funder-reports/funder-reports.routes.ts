import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import {
  cofinancing,
  commonIndicators,
  monthlyFile,
  monthlyFileOverview,
  monthlyFileParams,
  monthlyFileQuery,
  monthlyFileSubmission,
  periodQuery,
} from '../../../core/schemas/funder-report.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import { attachment, type ExportFile } from '../attendance/attendance-export.ts';
import * as service from './funder-reports.service.ts';

/** Sends an export as a download; JSON answers go through the response schema as usual. */
function send<T extends object>(reply: FastifyReply, result: T | ExportFile) {
  if ('filename' in result && 'content' in result) {
    return reply
      .header('content-disposition', attachment(result.filename))
      .type(result.mediaType)
      .send(result.content);
  }
  return result as T;
}

export function funderReportRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes/:id/funder-reports/monthly',
      {
        schema: {
          tags: ['funder-reports'],
          summary:
            "Every month of the programme so far with its monthly file's state towards Statistics Sweden",
          params: idParams,
          response: { 200: monthlyFileOverview, ...errorResponses },
        },
      },
      async (request) => service.monthlyOverview(db, actorOf(request), request.params.id),
    );
    app.get(
      '/programmes/:id/funder-reports/monthly/:month',
      {
        schema: {
          tags: ['funder-reports'],
          summary:
            "The month's participant file (who started, who ended) as JSON with its check, CSV or XLSX",
          params: monthlyFileParams,
          querystring: monthlyFileQuery,
          response: { 200: monthlyFile, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        send(
          reply,
          await service.monthlyFile(
            db,
            actorOf(request),
            request.params.id,
            request.params.month,
            request.query.format,
          ),
        ),
    );
    app.post(
      '/programmes/:id/funder-reports/monthly/:month/submissions',
      {
        schema: {
          tags: ['funder-reports'],
          summary: "Mark the month's file as sent, as seen: refused when its rows have changed since",
          params: monthlyFileParams,
          body: monthlyFileSubmission,
          response: { 200: monthlyFile, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) =>
        service.submitMonth(
          db,
          actorOf(request),
          request.params.id,
          request.params.month,
          request.body.fingerprint,
        ),
    );
    app.get(
      '/programmes/:id/funder-reports/indicators',
      {
        schema: {
          tags: ['funder-reports'],
          summary:
            'The common indicators of those who started in the period: legal gender × age × education × labour-market status',
          params: idParams,
          querystring: periodQuery,
          response: { 200: commonIndicators, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        send(reply, await service.commonIndicators(db, actorOf(request), request.params.id, request.query)),
    );
    app.get(
      '/programmes/:id/funder-reports/cofinancing',
      {
        schema: {
          tags: ['funder-reports'],
          summary: 'Attended hours per month by legal gender, times the programme’s hourly rate',
          params: idParams,
          querystring: periodQuery,
          response: { 200: cofinancing, ...errorResponses },
        },
      },
      async (request, reply) =>
        send(reply, await service.cofinancing(db, actorOf(request), request.params.id, request.query)),
    );
  };
}
