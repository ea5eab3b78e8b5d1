import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import {
  followUp,
  followUpAttemptInput,
  followUpList,
  followUpListQuery,
  followUpResultInput,
  goalFigureResponse,
} from '../../../core/schemas/follow-up.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './follow-ups.service.ts';

export function followUpRoutes({ db, reportDb }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/follow-ups',
      {
        schema: {
          tags: ['follow-ups'],
          summary: 'Follow-ups after exit of the participants one may see: open, overdue or all',
          querystring: followUpListQuery,
          response: { 200: followUpList, ...errorResponses },
        },
      },
      async (request) => service.list(db, actorOf(request), request.query),
    );
    app.post(
      '/follow-ups/:id/attempts',
      {
        schema: {
          tags: ['follow-ups'],
          summary: 'Record an attempt to contact the participant for the follow-up',
          params: idParams,
          body: followUpAttemptInput,
          response: { 201: followUp, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.addAttempt(db, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/follow-ups/:id/result',
      {
        schema: {
          tags: ['follow-ups'],
          summary: "Record the participant's status at follow-up",
          params: idParams,
          body: followUpResultInput,
          response: { 200: followUp, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.recordResult(db, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/programmes/:id/goal-figure',
      {
        schema: {
          tags: ['follow-ups'],
          summary: "The programme's goal figure: share in work or studies at follow-up, by legal gender",
          params: idParams,
          response: { 200: goalFigureResponse, ...errorResponses },
        },
      },
      async (request) => service.programmeGoalFigure(reportDb, actorOf(request), request.params.id),
    );
  };
}
