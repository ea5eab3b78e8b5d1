import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  activity,
  activityInput,
  activityList,
  activityUpdateInput,
  closureDays,
  closureDaysInput,
} from '../../../core/schemas/activity.schema.ts';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './activities.service.ts';

export function activityRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes/:id/activities',
      {
        schema: {
          tags: ['activities'],
          summary: "The programme's activity catalogue, by name",
          params: idParams,
          response: { 200: activityList, ...errorResponses },
        },
      },
      async (request) => service.list(db, actorOf(request), request.params.id),
    );
    app.post(
      '/programmes/:id/activities',
      {
        schema: {
          tags: ['activities'],
          summary: "Add an activity to the programme's catalogue",
          params: idParams,
          body: activityInput,
          response: { 201: activity, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.create(db, actorOf(request), request.params.id, request.body)),
    );
    app.put(
      '/activities/:id',
      {
        schema: {
          tags: ['activities'],
          summary: 'Change an activity of the catalogue',
          params: idParams,
          body: activityUpdateInput,
          response: { 200: activity, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.update(db, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/programmes/:id/closure-days',
      {
        schema: {
          tags: ['activities'],
          summary: 'Days the programme does not run besides public holidays',
          params: idParams,
          response: { 200: closureDays, ...errorResponses },
        },
      },
      async (request) => service.getClosureDays(db, actorOf(request), request.params.id),
    );
    app.put(
      '/programmes/:id/closure-days',
      {
        schema: {
          tags: ['activities'],
          summary:
            "Replace the closure days; a new one cancels the groups' planned sessions on it without attendance",
          params: idParams,
          body: closureDaysInput,
          response: { 200: closureDays, ...errorResponses },
        },
      },
      async (request) => service.saveClosureDays(db, actorOf(request), request.params.id, request.body),
    );
  };
}
