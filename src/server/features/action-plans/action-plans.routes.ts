import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actionPlan, planHistory, planInput } from '../../../core/schemas/action-plan.schema.ts';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './action-plans.service.ts';

export function actionPlanRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/enrolments/:id/plan',
      {
        schema: {
          tags: ['action-plans'],
          summary: "The enrolment's individual action plan; version 0 with no goals before it is first saved",
          params: idParams,
          response: { 200: actionPlan, ...errorResponses },
        },
      },
      async (request) => service.get(db, actorOf(request), request.params.id),
    );
    app.put(
      '/enrolments/:id/plan',
      {
        schema: {
          tags: ['action-plans'],
          summary:
            'Save the whole plan at the version it was read at (0 creates it); saving it unchanged is a review',
          params: idParams,
          body: planInput,
          response: { 200: actionPlan, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.save(db, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/enrolments/:id/plan/history',
      {
        schema: {
          tags: ['action-plans'],
          summary: "The plan's saved versions, newest first: who changed what, when",
          params: idParams,
          response: { 200: planHistory, ...errorResponses },
        },
      },
      async (request) => service.history(db, actorOf(request), request.params.id),
    );
  };
}
