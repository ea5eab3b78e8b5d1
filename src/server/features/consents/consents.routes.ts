import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import {
  consent,
  consentInput,
  consentList,
  consentWithdrawal,
} from '../../../core/schemas/consent.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './consents.service.ts';

export function consentRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/participants/:id/consents',
      {
        schema: {
          tags: ['consents'],
          summary: "A participant's consents, in force and withdrawn",
          params: idParams,
          response: { 200: consentList, ...errorResponses },
        },
      },
      async (request) => ({ items: await service.list(db, actorOf(request), request.params.id) }),
    );
    app.post(
      '/participants/:id/consents',
      {
        schema: {
          tags: ['consents'],
          summary: 'Record consent given by the participant',
          params: idParams,
          body: consentInput,
          response: { 201: consent, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.record(db, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/consents/:id/withdraw',
      {
        schema: {
          tags: ['consents'],
          summary: 'Withdraw a consent; without consent to participation the record becomes read-only',
          params: idParams,
          body: consentWithdrawal,
          response: { 200: consent, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.withdraw(db, actorOf(request), request.params.id, request.body),
    );
  };
}
