import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import {
  programme,
  programmeInput,
  programmeList,
  programmeUpdate,
  referenceList,
} from '../../../core/schemas/programme.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './programmes.service.ts';

export function programmeRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes',
      {
        schema: {
          tags: ['programmes'],
          summary: "Programmes run in the user's centres",
          response: { 200: programmeList, 401: errorResponse },
        },
      },
      async (request) => ({ items: await service.list(db, actorOf(request)) }),
    );
    app.get(
      '/programmes/:id',
      {
        schema: {
          tags: ['programmes'],
          summary: 'One programme with its centres, target groups and steps',
          params: idParams,
          response: { 200: programme, ...errorResponses },
        },
      },
      async (request) => service.get(db, actorOf(request), request.params.id),
    );
    app.post(
      '/programmes',
      {
        schema: {
          tags: ['programmes'],
          summary: "Set up a programme owned by the manager's organisation, in at least one of their centres",
          body: programmeInput,
          response: { 201: programme, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.create(db, actorOf(request), request.body)),
    );
    app.put(
      '/programmes/:id',
      {
        schema: {
          tags: ['programmes'],
          summary:
            'Change a programme; refused with 409 if someone else saved since `version`, or if a target group or step in use would go',
          params: idParams,
          body: programmeUpdate,
          response: { 200: programme, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.update(db, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/reference/municipalities',
      {
        schema: {
          tags: ['reference'],
          summary: 'Swedish municipalities (kommunkod)',
          response: { 200: referenceList, 401: errorResponse },
        },
      },
      async () => ({ items: await service.municipalities(db) }),
    );
    app.get(
      '/reference/education-levels',
      {
        schema: {
          tags: ['reference'],
          summary: 'SUN 2020 education levels',
          response: { 200: referenceList, 401: errorResponse },
        },
      },
      async () => ({ items: await service.educationLevels(db) }),
    );
  };
}
