import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import {
  employer,
  employerContactInput,
  employerInput,
  employerInteractionInput,
  employerList,
  employerListQuery,
  employerUpdateInput,
  industryList,
  occupationList,
  occupationQuery,
} from '../../../core/schemas/employer.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './employers.service.ts';

export function employerRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/employers',
      {
        schema: {
          tags: ['employers'],
          summary: 'Employers in Swedish order of their names; q searches the name or organisation number',
          querystring: employerListQuery,
          response: { 200: employerList, 400: errorResponse, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request) => service.list(db, actorOf(request), request.query),
    );
    app.post(
      '/employers',
      {
        schema: {
          tags: ['employers'],
          summary:
            'Register an employer; an organisation number already registered gives 409 with `existingId`',
          body: employerInput,
          response: { 201: employer, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.create(db, actorOf(request), request.body)),
    );
    app.get(
      '/employers/:id',
      {
        schema: {
          tags: ['employers'],
          summary: 'One employer with its contact people and interaction log (newest first)',
          params: idParams,
          response: { 200: employer, ...errorResponses },
        },
      },
      async (request) => service.get(db, actorOf(request), request.params.id),
    );
    app.put(
      '/employers/:id',
      {
        schema: {
          tags: ['employers'],
          summary: 'Change an employer; 409 if someone else saved since `version`',
          params: idParams,
          body: employerUpdateInput,
          response: { 200: employer, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.update(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/employers/:id/contacts',
      {
        schema: {
          tags: ['employers'],
          summary: 'Add a contact person to the employer',
          params: idParams,
          body: employerContactInput,
          response: { 201: employer, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.addContact(db, actorOf(request), request.params.id, request.body)),
    );
    app.put(
      '/employer-contacts/:id',
      {
        schema: {
          tags: ['employers'],
          summary: "Change a contact person (or mark them inactive); answers with the contact's employer",
          params: idParams,
          body: employerContactInput,
          response: { 200: employer, ...errorResponses },
        },
      },
      async (request) => service.updateContact(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/employers/:id/interactions',
      {
        schema: {
          tags: ['employers'],
          summary: 'Log a call, visit, meeting or agreement with the employer, by the logged-in user',
          params: idParams,
          body: employerInteractionInput,
          response: { 201: employer, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.addInteraction(db, actorOf(request), request.params.id, request.body)),
    );
    app.get(
      '/occupations',
      {
        schema: {
          tags: ['reference'],
          summary:
            'SSYK 2012 unit groups by code, group name or occupation name; at most 20, best matches first',
          querystring: occupationQuery,
          response: { 200: occupationList, 400: errorResponse, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request) => service.searchOccupations(db, actorOf(request), request.query.q),
    );
    app.get(
      '/reference/industries',
      {
        schema: {
          tags: ['reference'],
          summary: 'SNI 2007 sections and two-digit divisions (bransch)',
          response: { 200: industryList, 401: errorResponse },
        },
      },
      async () => service.industries(db),
    );
  };
}
