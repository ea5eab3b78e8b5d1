import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accessLogList, participantAccessLogQuery } from '../../../core/schemas/auth.schema.ts';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import {
  identityReplacement,
  participantDetail,
  participantList,
  participantSearch,
  participantUpdate,
} from '../../../core/schemas/participant.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as accessLog from '../access-log/access-log.service.ts';
import { sendExport } from '../attendance/attendance-export.ts';
import * as service from './participants.service.ts';

export function participantRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/participants/search',
      {
        schema: {
          tags: ['participants'],
          summary:
            'Participants the user may see, searched by name or number and filtered; the terms go in the body, ' +
            'so no name or identity number is ever in an address',
          body: participantSearch,
          response: { 200: participantList, ...errorResponses },
        },
      },
      async (request) => service.list(db, actorOf(request), request.body),
    );

    app.get(
      '/participants/:id',
      {
        schema: {
          tags: ['participants'],
          summary: 'One participant; the read is written to the access log',
          params: idParams,
          response: { 200: participantDetail, ...errorResponses },
        },
      },
      async (request) => service.get(db, actorOf(request), request.params.id),
    );

    app.put(
      '/participants/:id',
      {
        schema: {
          tags: ['participants'],
          summary: 'Update personal details; refused with 409 if someone else saved since `version`',
          params: idParams,
          body: participantUpdate,
          response: { 200: participantDetail, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.update(db, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/participants/:id/identity',
      {
        schema: {
          tags: ['participants'],
          summary: 'Replace a reserve identity with a personal identity or coordination number',
          params: idParams,
          body: identityReplacement,
          response: { 200: participantDetail, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.replaceIdentity(db, actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/participants/:id/access-log',
      {
        schema: {
          tags: ['participants'],
          summary:
            'Who has read or changed this participant (administrators); format=csv|xlsx for the whole log',
          params: idParams,
          querystring: participantAccessLogQuery,
          response: { 200: accessLogList, ...errorResponses },
        },
      },
      async (request, reply) =>
        sendExport(
          reply,
          await accessLog.listForParticipant(db, actorOf(request), request.params.id, request.query),
        ),
    );
  };
}
