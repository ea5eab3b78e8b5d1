import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import {
  journalCorrectionInput,
  journalEntry,
  journalEntryInput,
  journalEntryList,
} from '../../../core/schemas/journal.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './journal.service.ts';

export function journalRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/participants/:id/journal',
      {
        schema: {
          tags: ['journal'],
          summary: "A participant's journal, newest first, corrected entries included and marked",
          params: idParams,
          response: { 200: journalEntryList, ...errorResponses },
        },
      },
      async (request) => ({ items: await service.list(db, actorOf(request), request.params.id) }),
    );
    app.post(
      '/participants/:id/journal',
      {
        schema: {
          tags: ['journal'],
          summary: 'Write a journal entry; the actor is its author',
          params: idParams,
          body: journalEntryInput,
          response: { 201: journalEntry, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.add(db, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/journal/:id/corrections',
      {
        schema: {
          tags: ['journal'],
          summary: 'Correct a journal entry with a new one and a reason; the original is kept',
          params: idParams,
          body: journalCorrectionInput,
          response: { 201: journalEntry, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.correct(db, actorOf(request), request.params.id, request.body)),
    );
  };
}
