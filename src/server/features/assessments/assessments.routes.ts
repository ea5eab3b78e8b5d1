import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assessment,
  assessmentInput,
  assessmentList,
  currentAssessment,
} from '../../../core/schemas/assessment.schema.ts';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './assessments.service.ts';

export function assessmentRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/participants/:id/assessments',
      {
        schema: {
          tags: ['assessments'],
          summary:
            "Every revision of a participant's mapping, newest first; sensitive fields only for those who may",
          params: idParams,
          response: { 200: assessmentList, ...errorResponses },
        },
      },
      async (request) => ({ items: await service.list(db, actorOf(request), request.params.id) }),
    );
    app.get(
      '/participants/:id/assessments/current',
      {
        schema: {
          tags: ['assessments'],
          summary: "The participant's current mapping, or null before the first",
          params: idParams,
          response: { 200: currentAssessment, ...errorResponses },
        },
      },
      async (request) => service.current(db, actorOf(request), request.params.id),
    );
    app.post(
      '/participants/:id/assessments',
      {
        schema: {
          tags: ['assessments'],
          summary: 'Record a new revision of the mapping on top of basedOnRevision',
          params: idParams,
          body: assessmentInput,
          response: { 201: assessment, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.create(db, actorOf(request), request.params.id, request.body)),
    );
  };
}
