import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import {
  opening,
  openingInput,
  openingList,
  openingListQuery,
  openingUpdateInput,
} from '../../../core/schemas/employer.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './openings.service.ts';

export function openingRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/openings',
      {
        schema: {
          tags: ['openings'],
          summary:
            'Internships and jobs: open ones first, then by employer and title; q searches title, occupation and employer',
          querystring: openingListQuery,
          response: { 200: openingList, 400: errorResponse, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request) => service.list(db, actorOf(request), request.query),
    );
    app.post(
      '/employers/:id/openings',
      {
        schema: {
          tags: ['openings'],
          summary: 'Add an internship or job the employer offers',
          params: idParams,
          body: openingInput,
          response: { 201: opening, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.create(db, actorOf(request), request.params.id, request.body)),
    );
    app.get(
      '/openings/:id',
      {
        schema: {
          tags: ['openings'],
          summary: 'One opening with its requirements',
          params: idParams,
          response: { 200: opening, ...errorResponses },
        },
      },
      async (request) => service.get(db, actorOf(request), request.params.id),
    );
    app.put(
      '/openings/:id',
      {
        schema: {
          tags: ['openings'],
          summary: 'Change an opening (its status too); 409 if someone else saved since `version`',
          params: idParams,
          body: openingUpdateInput,
          response: { 200: opening, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.update(db, actorOf(request), request.params.id, request.body),
    );
  };
}
