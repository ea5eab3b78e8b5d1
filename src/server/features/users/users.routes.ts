import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { user, userInput, userList, userUpdate } from '../../../core/schemas/auth.schema.ts';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './users.service.ts';

export function userRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: "Staff accounts of the administrator's organisation",
          response: { 200: userList, ...errorResponses },
        },
      },
      async (request) => ({ items: await service.list(db, actorOf(request)) }),
    );
    app.post(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: 'Create a staff account',
          body: userInput,
          response: { 201: user, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.create(db, actorOf(request), request.body)),
    );
    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: 'Change role, centres or name, or disable an account (its sessions end at once)',
          params: idParams,
          body: userUpdate,
          response: { 200: user, ...errorResponses },
        },
      },
      async (request) => service.update(db, actorOf(request), request.params.id, request.body),
    );
  };
}
