import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import {
  employerOutcomes,
  evaluationInput,
  evaluationKindParams,
  placement,
  placementCancelInput,
  placementEndInput,
  placementInput,
  placementList,
  placementStartInput,
  placementUpdateInput,
} from '../../../core/schemas/placement.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './placements.service.ts';

const changeResponses = { 200: placement, ...errorResponses, 409: errorResponse };

export function placementRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/placements',
      {
        schema: {
          tags: ['placements'],
          summary:
            'Place a participant at an employer (praktik): its weekly days become sessions in the schedule and roll call',
          body: placementInput,
          response: { 201: placement, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.create(db, actorOf(request), request.body)),
    );
    app.get(
      '/placements/:id',
      {
        schema: {
          tags: ['placements'],
          summary: 'One placement with its goals, evaluations and attendance so far',
          params: idParams,
          response: { 200: placement, ...errorResponses },
        },
      },
      async (request) => service.get(db, actorOf(request), request.params.id),
    );
    app.put(
      '/placements/:id',
      {
        schema: {
          tags: ['placements'],
          summary: 'Change the supervisor, tasks and goals; 409 if someone else saved since `version`',
          params: idParams,
          body: placementUpdateInput,
          response: changeResponses,
        },
      },
      async (request) => service.update(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/placements/:id/start',
      {
        schema: {
          tags: ['placements'],
          summary: 'The participant began: the internship step starts that day',
          params: idParams,
          body: placementStartInput,
          response: changeResponses,
        },
      },
      async (request) => service.start(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/placements/:id/end',
      {
        schema: {
          tags: ['placements'],
          summary: 'End an ongoing placement on its last day: later days go and the internship step ends',
          params: idParams,
          body: placementEndInput,
          response: changeResponses,
        },
      },
      async (request) => service.end(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/placements/:id/cancel',
      {
        schema: {
          tags: ['placements'],
          summary: 'Cancel a planned placement with a reason; its days go',
          params: idParams,
          body: placementCancelInput,
          response: changeResponses,
        },
      },
      async (request) => service.cancel(db, actorOf(request), request.params.id, request.body),
    );
    app.put(
      '/placements/:id/evaluations/:kind',
      {
        schema: {
          tags: ['placements'],
          summary:
            'Record the mid-point or final evaluation with the supervisor (version null the first time)',
          params: evaluationKindParams,
          body: evaluationInput,
          response: changeResponses,
        },
      },
      async (request) =>
        service.saveEvaluation(db, actorOf(request), request.params.id, request.params.kind, request.body),
    );
    app.get(
      '/participants/:id/placements',
      {
        schema: {
          tags: ['placements'],
          summary: "The participant's placements, newest first",
          params: idParams,
          response: { 200: placementList, ...errorResponses },
        },
      },
      async (request) => service.listForParticipant(db, actorOf(request), request.params.id),
    );
    app.get(
      '/employers/:id/outcomes',
      {
        schema: {
          tags: ['placements'],
          summary:
            'Per employer: placements, jobs that followed (exits to work there) and who is in follow-up',
          params: idParams,
          response: { 200: employerOutcomes, ...errorResponses },
        },
      },
      async (request) => service.employerOutcomes(db, actorOf(request), request.params.id),
    );
  };
}
