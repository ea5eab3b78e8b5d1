import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import {
  enrolment,
  enrolmentInput,
  enrolmentList,
  labourMarketStatusInput,
} from '../../../core/schemas/enrolment.schema.ts';
import { exitInput } from '../../../core/schemas/follow-up.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './enrolments.service.ts';

export function enrolmentRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/participants/:id/enrolments',
      {
        schema: {
          tags: ['enrolments'],
          summary: "A participant's enrolments with their steps",
          params: idParams,
          response: { 200: enrolmentList, ...errorResponses },
        },
      },
      async (request) => ({ items: await service.list(db, actorOf(request), request.params.id) }),
    );
    app.post(
      '/participants/:id/enrolments',
      {
        schema: {
          tags: ['enrolments'],
          summary: 'Enrol a participant who has consented to participation',
          params: idParams,
          body: enrolmentInput,
          response: { 201: enrolment, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.enrol(db, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/enrolments/:id/exit',
      {
        schema: {
          tags: ['enrolments'],
          summary: 'End an enrolment with its outcome; open steps end and the follow-up is created',
          params: idParams,
          body: exitInput,
          response: { 200: enrolment, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.exit(db, actorOf(request), request.params.id, request.body),
    );
    app.put(
      '/enrolments/:id/labour-market-status',
      {
        schema: {
          tags: ['enrolments'],
          summary:
            'Record or correct the labour-market status at the start, also after exit; refused with 409 if someone else saved since `version`',
          params: idParams,
          body: labourMarketStatusInput,
          response: { 200: enrolment, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.setLabourMarketStatus(db, actorOf(request), request.params.id, request.body),
    );
  };
}
