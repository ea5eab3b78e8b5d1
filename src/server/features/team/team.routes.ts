import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import { staffList, teamList, teamMemberInput, teamMemberParams } from '../../../core/schemas/team.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './team.service.ts';

export function teamRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/participants/:id/team',
      {
        schema: {
          tags: ['team'],
          summary: "The participant's assigned staff, contact person first",
          params: idParams,
          response: { 200: teamList, ...errorResponses },
        },
      },
      async (request) => ({ items: await service.list(db, actorOf(request), request.params.id) }),
    );
    app.post(
      '/participants/:id/team',
      {
        schema: {
          tags: ['team'],
          summary: 'Assign a member of staff who shares a centre with the participant',
          params: idParams,
          body: teamMemberInput,
          response: { 201: teamList, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send({ items: await service.add(db, actorOf(request), request.params.id, request.body) }),
    );
    app.delete(
      '/participants/:id/team/:userId',
      {
        schema: {
          tags: ['team'],
          summary: 'Remove a member; the contact person only after another has been made contact',
          params: teamMemberParams,
          response: { 200: teamList, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => ({
        items: await service.remove(db, actorOf(request), request.params.id, request.params.userId),
      }),
    );
    app.post(
      '/participants/:id/team/:userId/contact',
      {
        schema: {
          tags: ['team'],
          summary: "Make the member the participant's one contact person",
          params: teamMemberParams,
          response: { 200: teamList, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => ({
        items: await service.makeContact(db, actorOf(request), request.params.id, request.params.userId),
      }),
    );
    app.get(
      '/centres/:id/staff',
      {
        schema: {
          tags: ['team'],
          summary: 'Active staff of a centre the actor belongs to',
          params: idParams,
          response: { 200: staffList, ...errorResponses },
        },
      },
      async (request) => ({ items: await service.staffOfCentre(db, actorOf(request), request.params.id) }),
    );
  };
}
