import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayInSweden } from '../../../core/dates.ts';
import { caseload } from '../../../core/schemas/caseload.schema.ts';
import { errorResponse } from '../../../core/schemas/common.ts';
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
  };
}
