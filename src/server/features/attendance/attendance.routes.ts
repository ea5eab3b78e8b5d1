import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  civicOrientation,
  deviationQuery,
  deviationReport,
  exportQuery,
  monthlyAttendance,
  rollCall,
  rollCallInput,
} from '../../../core/schemas/activity.schema.ts';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './attendance.service.ts';
import { attachment, type ExportFile } from './attendance-export.ts';

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

export function attendanceRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/sessions/:id/roll-call',
      {
        schema: {
          tags: ['attendance'],
          summary: "The session's members on its date whom the user may see, with their attendance",
          params: idParams,
          response: { 200: rollCall, ...errorResponses },
        },
      },
      async (request) => service.getRollCall(db, actorOf(request), request.params.id),
    );
    app.put(
      '/sessions/:id/roll-call',
      {
        schema: {
          tags: ['attendance'],
          summary: 'Save the roll call of a session that has taken place: every row or none',
          params: idParams,
          body: rollCallInput,
          response: { 200: rollCall, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.saveRollCall(db, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/participants/:id/attendance',
      {
        schema: {
          tags: ['attendance'],
          summary: "A participant's month of sessions, planned and attended, as JSON, CSV or XLSX",
          params: idParams,
          querystring: exportQuery,
          response: { 200: monthlyAttendance, ...errorResponses },
        },
      },
      async (request, reply) =>
        send(reply, await service.monthlyAttendance(db, actorOf(request), request.params.id, request.query)),
    );
    app.get(
      '/attendance/deviations',
      {
        schema: {
          tags: ['attendance'],
          summary: "The month's absences and lateness over 15 minutes, for the employment service",
          querystring: deviationQuery,
          response: { 200: deviationReport, ...errorResponses },
        },
      },
      async (request, reply) =>
        send(reply, await service.deviationReport(db, actorOf(request), request.query)),
    );
    app.get(
      '/participants/:id/civic-orientation',
      {
        schema: {
          tags: ['attendance'],
          summary: 'Civic orientation hours, parts covered and languages, against the minimum and target',
          params: idParams,
          response: { 200: civicOrientation, ...errorResponses },
        },
      },
      async (request) => service.civicOrientation(db, actorOf(request), request.params.id),
    );
  };
}
