import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import {
  centreDetail,
  centreInput,
  centreUpdate,
  organisationDetail,
  organisationInput,
  organisationList,
  organisationUpdate,
} from '../../../core/schemas/programme.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './organisations.service.ts';

export function organisationRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organisations',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Municipalities and employment-service offices, with their centres',
          response: { 200: organisationList, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request) => ({ items: await service.list(db, actorOf(request)) }),
    );
    app.post(
      '/organisations',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Add a municipality (by kommunkod) or an employment-service office (administrators)',
          body: organisationInput,
          response: { 201: organisationDetail, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.create(db, actorOf(request), request.body)),
    );
    app.patch(
      '/organisations/:id',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Rename an organisation (administrators)',
          params: idParams,
          body: organisationUpdate,
          response: { 200: organisationDetail, ...errorResponses },
        },
      },
      async (request) => service.update(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/centres',
      {
        schema: {
          tags: ['organisations'],
          summary: "Add a centre to the administrator's organisation; the administrator joins it",
          body: centreInput,
          response: { 201: centreDetail, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.createCentre(db, actorOf(request), request.body)),
    );
    app.patch(
      '/centres/:id',
      {
        schema: {
          tags: ['organisations'],
          summary: "Rename a centre of the administrator's organisation",
          params: idParams,
          body: centreUpdate,
          response: { 200: centreDetail, ...errorResponses },
        },
      },
      async (request) => service.renameCentre(db, actorOf(request), request.params.id, request.body),
    );
  };
}
