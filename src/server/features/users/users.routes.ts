import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  user,
  userAccessLogList,
  userAccessLogQuery,
  userInput,
  userList,
  userUpdate,
} from '../../../core/schemas/auth.schema.ts';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as accessLog from '../access-log/access-log.service.ts';
import { sendExport } from '../attendance/attendance-export.ts';
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
    app.get(
      '/users/:id/access-log',
      {
        schema: {
          tags: ['users'],
          summary:
            'What one user of the organisation read or changed, newest first; format=csv|xlsx for the period',
          params: idParams,
          querystring: userAccessLogQuery,
          response: { 200: userAccessLogList, ...errorResponses },
        },
      },
      async (request, reply) =>
        sendExport(
          reply,
          await accessLog.listForUser(db, actorOf(request), request.params.id, request.query),
        ),
    );
  };
}
