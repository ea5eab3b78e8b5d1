import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import { enrolment } from '../../../core/schemas/enrolment.schema.ts';
import {
  checklist,
  checklistInput,
  checklistTickInput,
  stepBoard,
  stepEndInput,
  stepParams,
  stepStartInput,
  tickParams,
} from '../../../core/schemas/step.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './steps.service.ts';

export function stepRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/enrolments/:id/steps',
      {
        schema: {
          tags: ['steps'],
          summary: 'Start a step of the programme; other open steps stay open',
          params: idParams,
          body: stepStartInput,
          response: { 201: enrolment, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.start(db, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/enrolment-steps/:id/end',
      {
        schema: {
          tags: ['steps'],
          summary: "End a participant's step",
          params: idParams,
          body: stepEndInput,
          response: { 200: enrolment, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.end(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/enrolment-steps/:id/checklist/:itemId',
      {
        schema: {
          tags: ['steps'],
          summary: 'Tick a checklist item of an open step; the actor is who ticked it',
          params: tickParams,
          body: checklistTickInput,
          response: { 200: enrolment, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) =>
        service.tick(db, actorOf(request), request.params.id, request.params.itemId, request.body),
    );
    app.delete(
      '/enrolment-steps/:id/checklist/:itemId',
      {
        schema: {
          tags: ['steps'],
          summary: 'Untick a checklist item of an open step',
          params: tickParams,
          response: { 200: enrolment, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.untick(db, actorOf(request), request.params.id, request.params.itemId),
    );
    app.get(
      '/programmes/:id/steps/:stepId/checklist',
      {
        schema: {
          tags: ['steps'],
          summary: "A programme step's checklist, in order",
          params: stepParams,
          response: { 200: checklist, ...errorResponses },
        },
      },
      async (request) => service.getChecklist(db, actorOf(request), request.params.id, request.params.stepId),
    );
    app.put(
      '/programmes/:id/steps/:stepId/checklist',
      {
        schema: {
          tags: ['steps'],
          summary: "Replace a step's checklist; existing items keep their ids, ticked ones cannot be removed",
          params: stepParams,
          body: checklistInput,
          response: { 200: checklist, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) =>
        service.saveChecklist(db, actorOf(request), request.params.id, request.params.stepId, request.body),
    );
    app.get(
      '/centres/:id/step-board',
      {
        schema: {
          tags: ['steps'],
          summary: "The centre's participants per step, for the weekly team meeting",
          params: idParams,
          response: { 200: stepBoard, ...errorResponses },
        },
      },
      async (request) => service.board(db, actorOf(request), request.params.id),
    );
  };
}
