import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayInSweden } from '../../../core/dates.ts';
import { caseload, participantWarnings } from '../../../core/schemas/caseload.schema.ts';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './caseload.service.ts';

export function caseloadRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/caseload',
      {
        schema: {
          tags: ['caseload'],
          summary: "The actor's own participants with warnings (planned end, contact, follow-up)",
          response: { 200: caseload, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request) => service.caseload(db, actorOf(request), todayInSweden()),
    );
    app.get(
      '/participants/:id/warnings',
      {
        schema: {
          tags: ['caseload'],
          summary: "One participant's warnings, by the caseload's rules, for anyone who may see them",
          params: idParams,
          response: { 200: participantWarnings, ...errorResponses },
        },
      },
      async (request) =>
        service.participantWarnings(db, actorOf(request), request.params.id, todayInSweden()),
    );
  };
}
